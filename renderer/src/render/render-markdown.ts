import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import type {
  Break,
  Code,
  Heading,
  Html,
  Image,
  ImageReference,
  Link,
  LinkReference,
  ListItem,
  Paragraph,
  Parents,
  PhrasingContent,
  Root,
  Text,
  WikiLink,
} from 'mdast';
import type { InlineMath, Math } from 'mdast-util-math';
import type { Handlers, State } from 'mdast-util-to-hast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype, { defaultHandlers } from 'remark-rehype';
import { unified } from 'unified';
import { extractFrontmatter } from '../../../shared/markdown/extract-frontmatter';
import { splitLinkDestination } from '../../../shared/markdown/link-destination';
import { parseMarkdown } from '../../../shared/markdown/parse-markdown';
import { plainText } from '../../../shared/markdown/plain-text';
import { walk } from '../../../shared/markdown/walk';
import { vaultFileUrl } from '../../../shared/vault-file-url';
import { blockquoteHandler } from './render-callout';
import { highlightedCode } from './render-code';
import { highlight } from './render-highlight';
import { mathElement } from './render-math';
import { propertiesTable } from './render-properties';
import { rawToHast, tokenizeHtml } from './render-raw-html';
import { renderSchema } from './render-schema';
import { blockIdOf, selectSection, stripBlockId } from './render-section';

/** A note as the renderer reads it. */
export type LoadedNote = { path: string; text: string };

export type RenderOptions = {
  /** The note's vault path: its links resolve from it and a same-note embed (`![[#h]]`) reads it. */
  path?: string;
  /**
   * Resolves link targets as written (`note`, `folder/note.md`, `image.png`) to vault paths, null
   * when unresolved: the engine's `resolveLinks` fits (`(targets, from) => api.resolveLinks({from,
   * targets})`). Called once per rendered note. Without it, every link counts as resolved and an
   * image's target is taken as its vault path.
   */
  resolve?: (targets: string[], from: string) => Promise<(string | null)[]> | (string | null)[];
  /** Reads the note an embed (`![[target]]`) names, resolved from `from`; null when there is none. */
  loadNote?: (target: string, from: string) => Promise<LoadedNote | null> | LoadedNote | null;
  /** The URL an image of the vault is shown from (default: the browser host's `/vault-file/…`). */
  imageUrl?: (vaultPath: string) => string;
  /** URL schemes `imageUrl` may return besides http(s) and relative URLs (e.g. an Electron protocol). */
  imageProtocols?: string[];
  /** Show the frontmatter as a properties table (default true; never for embeds). */
  properties?: boolean;
  /** Render only this heading section or block of the note (previews of `[[note#h]]`). */
  section?: { headings: string[]; block: string | null };
  /** How deep embeds nest before showing a placeholder (default 3). */
  maxEmbedDepth?: number;
  /** Embeds rendered in all, past which a placeholder shows (default 50). */
  maxEmbeds?: number;
  /**
   * Obsidian's "Strict line breaks": true joins a paragraph's lines as CommonMark does; false (the
   * default, as in Obsidian) shows each single newline of a paragraph, list item, quote or callout
   * as a line break.
   */
  strictLineBreaks?: boolean;
  /**
   * Task checkboxes of the note itself (not of its embeds) are enabled and carry
   * `data-task-line`, the 1-based line of their `- [ ]` in the note's text (default false: disabled).
   */
  tickableTasks?: boolean;
};

/** Why an embed shows a placeholder instead of its note. */
export type EmbedProblem = 'not-found' | 'section-not-found' | 'cycle' | 'too-deep' | 'too-many' | 'error';

const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'svg', 'avif', 'bmp']);
/** A URL scheme (after the whitespace and controls browsers ignore), or a protocol-relative `//host`. */
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/** Obsidian's audio and video extensions (`webm` plays as video). */
const AUDIO_EXTENSIONS = new Set(['mp3', 'wav', 'm4a', 'ogg', 'oga', 'opus', 'flac', '3gp']);
const VIDEO_EXTENSIONS = new Set(['mp4', 'webm', 'ogv', 'mov', 'm4v', 'mkv']);

function extensionOf(target: string): string {
  const name = target.slice(target.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** True when a link target names an image by its extension. */
export function isImageTarget(target: string): boolean {
  return IMAGE_EXTENSIONS.has(extensionOf(target));
}

/** `audio` or `video` when a link target names one by its extension (an embed plays it), else null. */
export function mediaKind(target: string): 'audio' | 'video' | null {
  const extension = extensionOf(target);
  return AUDIO_EXTENSIONS.has(extension) ? 'audio' : VIDEO_EXTENSIONS.has(extension) ? 'video' : null;
}

/** True when the page must hand the worker a URL for this vault file: an image, audio or video. */
export function isShownFromUrl(target: string): boolean {
  return isImageTarget(target) || mediaKind(target) !== null;
}

/**
 * A note's markdown as sanitized HTML, for the reading view, hover previews and embeds: GFM,
 * callouts, wiki links, embeds (transcluded through `loadNote`, cycles and depth stopped),
 * vault images, safe inline HTML. Whatever the note holds, the result runs no script: no event
 * handlers, no scripts, frames, forms or styles, no `javascript:`/`data:` URLs (see render-schema.ts).
 */
export async function renderMarkdown(text: string, options: RenderOptions = {}): Promise<string> {
  const tree = await renderMarkdownTree(text, options);
  return unified().use(rehypeStringify).stringify(tree);
}

/** Like renderMarkdown, as a sanitized hast tree. */
export async function renderMarkdownTree(text: string, options: RenderOptions = {}): Promise<HastRoot> {
  const context: Context = {
    options,
    depth: 0,
    chain: [chainKey(options.path ?? '', options.section ?? NO_SECTION)],
    budget: { embeds: options.maxEmbeds ?? 50, prefixes: 0 },
    math: new Map(),
    nonce: nonce(),
  };
  const path = options.path ?? '';
  const tree = (await renderNote({ path, text }, options.section ?? null, context)) ?? {
    type: 'root',
    children: [placeholder('section-not-found', sectionLabel(options.section))],
  };
  const clean = sanitize(tree, renderSchema(options.imageProtocols)) as HastRoot;
  putMathBack(clean, context.math);
  return clean;
}

/** A random id per render: raw HTML in a note cannot name a formula's placeholder. */
function nonce(): string {
  return Array.from(crypto.getRandomValues(new Uint32Array(2)), (n) => n.toString(36)).join('');
}

/**
 * KaTeX's output holds what notes may not (inline styles, MathML, SVG), so it is sanitized on
 * its own (render-math.ts) and put in place of its placeholder after the note is sanitized.
 */
function putMathBack(tree: HastRoot | Element, math: Map<string, Element>): void {
  if (math.size === 0) return;
  tree.children = tree.children.map((child) => {
    if (child.type !== 'element') return child;
    const id = child.properties.dataMath;
    const formula = typeof id === 'string' ? math.get(id) : undefined;
    if (formula) return formula;
    putMathBack(child, math);
    return child;
  });
}

type Context = {
  options: RenderOptions;
  depth: number;
  /** The notes (and sections) being rendered, this one last: embedding one of them again is a cycle. */
  chain: string[];
  budget: { embeds: number; prefixes: number };
  /** Formulas drawn, by placeholder id (shared by embeds). */
  math: Map<string, Element>;
  nonce: string;
};

type Section = { headings: string[]; block: string | null };
const NO_SECTION: Section = { headings: [], block: null };

/** Where a markdown link or image points, once classified. */
type Destination =
  | { kind: 'external'; href: string }
  | { kind: 'internal'; target: string; headings: string[]; block: string | null }
  | { kind: 'blocked' };

/** What the pre-pass learned about one note, for the handlers. */
type Facts = {
  note: LoadedNote;
  resolved: Map<string, string | null>;
  destinations: Map<Link | Image, Destination>;
  embeds: Map<WikiLink | Image, ElementContent>;
  /** Fenced code blocks, highlighted. */
  code: Map<Code, ElementContent[]>;
};

/** One note (or section of one) as unsanitized hast; null when the section is not in it. */
async function renderNote(note: LoadedNote, section: Section | null, context: Context): Promise<HastRoot | null> {
  let tree = parseMarkdown(note.text, { math: true });
  const showProperties = context.depth === 0 && section === null && context.options.properties !== false;
  const frontmatter = showProperties ? extractFrontmatter(tree).frontmatter : null;
  if (section) {
    const selected = selectSection(tree, section.headings, section.block);
    if (!selected) return null;
    tree = selected;
  }
  const facts = await prepare(tree, note, context);
  // Footnote ids: the sanitizer adds `user-content-` to every id; an embed's get their own prefix too.
  const prefix = context.depth === 0 ? '' : `embed${++context.budget.prefixes}-`;
  const hast = await unified()
    .use(remarkRehype, {
      allowDangerousHtml: true,
      clobberPrefix: prefix,
      handlers: handlers(facts, frontmatter, context),
    })
    .run(tree);
  rawToHast(hast, {
    imageSrc: (src) => {
      const destination = classifyUrl(src);
      // Remote images are never fetched (a note must not reach the network: tracking pixels).
      if (destination.kind !== 'internal') return null;
      const path = facts.resolved.get(destination.target);
      return path && isImageTarget(path) ? imageUrlOf(path, context) : null;
    },
    linkHref: (href) => {
      const destination = classifyUrl(href);
      return destination.kind === 'external' ? destination.href : null;
    },
  });
  return hast;
}

/**
 * Walks the tree once before rendering: marks headings and block ids for `reveal`, turns
 * reference links into links, classifies URLs, resolves every target in one call, and renders
 * the embeds (in parallel).
 */
async function prepare(tree: Root, note: LoadedNote, context: Context): Promise<Facts> {
  const definitions = new Map<string, string>();
  walk(tree, (node) => {
    if (node.type === 'definition') definitions.set(node.identifier, node.url);
  });
  const facts: Facts = { note, resolved: new Map(), destinations: new Map(), embeds: new Map(), code: new Map() };
  const codeBlocks: Code[] = [];
  const targets = new Set<string>();
  const embeds: (WikiLink | Image)[] = [];
  walk(tree, (node, ancestors) => {
    if (node.type === 'linkReference' || node.type === 'imageReference') dereference(node, definitions);
    if ('children' in node) {
      obsidianMath(node, note.text);
      highlight(node);
      if (!context.options.strictLineBreaks) lineBreaks(node);
      if (![node, ...ancestors].some((a) => a.type === 'link' || a.type === 'linkReference')) tags(node);
    }
    switch (node.type) {
      case 'heading':
        setProperty(node, 'dataHeading', plainText(node).trim());
        break;
      case 'paragraph': {
        const id = blockIdOf(node);
        if (id !== null) {
          stripBlockId(node);
          setProperty(node, 'dataBlock', id);
        }
        // A transcluded note is a block: it cannot sit in a <p>.
        if (node.children.some(isNoteEmbed)) node.data = { ...node.data, hName: 'div' };
        break;
      }
      case 'code':
        codeBlocks.push(node);
        break;
      case 'wikiLink':
        if (node.target !== '') targets.add(node.target);
        if (node.embed) embeds.push(node);
        break;
      case 'link':
      case 'image': {
        const destination = classifyUrl(node.url);
        facts.destinations.set(node, destination);
        if (destination.kind === 'internal' && destination.target !== '') targets.add(destination.target);
        if (node.type === 'image' && destination.kind === 'internal') embeds.push(node);
        break;
      }
      case 'html':
        for (const src of imageSources(node)) {
          const destination = classifyUrl(src);
          if (destination.kind === 'internal' && destination.target !== '') targets.add(destination.target);
        }
        break;
    }
  });
  await resolveTargets([...targets], facts, context);
  await Promise.all(
    codeBlocks.map(async (node) => {
      const highlighted = await highlightedCode(node);
      if (highlighted) facts.code.set(node, highlighted);
    }),
  );
  await Promise.all(
    embeds.map(async (node) => {
      const embed = await renderEmbed(node, facts, context);
      if (embed) facts.embeds.set(node, embed);
    }),
  );
  return facts;
}

async function resolveTargets(targets: string[], facts: Facts, context: Context): Promise<void> {
  const { resolve } = context.options;
  let paths: (string | null)[];
  try {
    paths = resolve ? await resolve(targets, facts.note.path) : targets;
  } catch {
    paths = targets; // resolution failing should not mark every link unresolved
  }
  targets.forEach((target, index) => facts.resolved.set(target, paths[index] ?? null));
}

/**
 * Inline math as Obsidian reads it: `$…$` does not start or end inside with a space and is not
 * followed by a digit (`$5 and $6` is money, not math); what fails is its source text again.
 * `$$…$$` inside a paragraph is display math, as in Obsidian.
 */
function obsidianMath(parent: Parents, text: string): void {
  if (!parent.children.some((child) => child.type === 'inlineMath')) return;
  parent.children = (parent.children as PhrasingContent[]).map((child): PhrasingContent => {
    const start = child.position?.start.offset;
    const end = child.position?.end.offset;
    if (child.type !== 'inlineMath' || start === undefined || end === undefined) return child;
    const source = text.slice(start, end);
    if (source.startsWith('$$')) {
      child.data = { ...child.data, display: true } as typeof child.data;
      return child;
    }
    // The TeX as written (micromark trims one space on each side, as in a code span).
    const inner = source.slice(1, -1);
    const money = /^\s|\s$/.test(inner) || /\d/.test(text.charAt(end)) || inner.trim() === '';
    return money ? { type: 'text', value: source } : child;
  });
}

/** Obsidian's default: each newline inside a text (not code) is a `<br>`, as remark-breaks does. */
function lineBreaks(parent: Parents): void {
  if (!parent.children.some((child) => child.type === 'text' && /[\r\n]/.test(child.value))) return;
  const children: PhrasingContent[] = [];
  for (const child of parent.children as PhrasingContent[]) {
    if (child.type !== 'text') {
      children.push(child);
      continue;
    }
    child.value.split(/\r?\n|\r/).forEach((line, index) => {
      if (index > 0) children.push({ type: 'break' } satisfies Break);
      // The next line's indentation (a list item's continuation) is not text.
      const value = index > 0 ? line.replace(/^[ \t]+/, '') : line;
      if (value !== '') children.push({ type: 'text', value } satisfies Text);
    });
  }
  (parent as { children: PhrasingContent[] }).children = children;
}

/** `#tag` where a word starts: Unicode letters, digits and marks, `_ - /`, not only digits. */
const TAG = /(^|[\s(])#([\p{L}\p{N}\p{M}_/-]+)/gu;

/** Tags in text (never in code or a link's text) as `a.tag` pills the reading view makes clickable. */
function tags(parent: Parents): void {
  if (parent.data?.hName === 'a') return; // a tag's own text
  if (!parent.children.some((child) => child.type === 'text' && child.value.includes('#'))) return;
  const children: PhrasingContent[] = [];
  (parent.children as PhrasingContent[]).forEach((child, index, siblings) => {
    if (child.type !== 'text') {
      children.push(child);
      return;
    }
    // A text node starts a word at its parent's start or after a line break, not after a link.
    const previous = siblings[index - 1];
    const startsWord = previous === undefined || previous.type === 'break';
    let last = 0;
    for (const match of child.value.matchAll(TAG)) {
      const [, before = '', tag = ''] = match;
      if (match.index === 0 && before === '' && !startsWord) continue;
      if (/^\p{N}+$/u.test(tag)) continue;
      const at = match.index + before.length;
      if (at > last) children.push({ type: 'text', value: child.value.slice(last, at) });
      children.push({
        type: 'emphasis',
        data: { hName: 'a', hProperties: { className: ['tag'], href: '#', dataTag: tag } },
        children: [{ type: 'text', value: `#${tag}` }],
      });
      last = at + 1 + tag.length;
    }
    if (last === 0) children.push(child);
    else if (last < child.value.length) children.push({ type: 'text', value: child.value.slice(last) });
  });
  (parent as { children: PhrasingContent[] }).children = children;
}

/** A reference link or image (`[x][id]`) becomes the link it stands for, so it is classified too. */
function dereference(node: LinkReference | ImageReference, definitions: Map<string, string>): void {
  const url = definitions.get(node.identifier);
  if (url === undefined) return;
  if (node.type === 'imageReference') Object.assign(node, { type: 'image', url, title: null, alt: node.alt ?? '' });
  else Object.assign(node, { type: 'link', url, title: null });
}

function setProperty(node: Heading | Paragraph, name: string, value: string): void {
  node.data = { ...node.data, hProperties: { ...node.data?.hProperties, [name]: value } };
}

function isNoteEmbed(node: PhrasingContent): boolean {
  if (node.type === 'wikiLink') return node.embed && !isImageTarget(node.target);
  if (node.type !== 'image') return false;
  const destination = classifyUrl(node.url);
  return destination.kind === 'internal' && !isImageTarget(destination.target);
}

function imageSources(node: Html): string[] {
  return tokenizeHtml(node.value).flatMap((token) =>
    token.kind === 'open' && token.name === 'img' ? [token.attributes.get('src') ?? ''] : [],
  );
}

/**
 * Sorts a URL: http(s) and mailto leave the app; any other scheme (javascript:, data:, file:…)
 * or a protocol-relative `//host` is refused; the rest names a vault file (URL-decoded).
 * Schemes are read the way a browser reads them, ignoring whitespace and control characters.
 */
function classifyUrl(url: string): Destination {
  // eslint-disable-next-line no-control-regex -- exactly the characters a browser skips in a URL
  const bare = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const scheme = SCHEME.exec(bare)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    return SAFE_SCHEMES.has(scheme)
      ? { kind: 'external', href: scheme + bare.slice(scheme.length) }
      : { kind: 'blocked' };
  }
  if (bare.startsWith('//') || bare.startsWith('\\\\') || bare.startsWith('/\\')) return { kind: 'blocked' };
  return { kind: 'internal', ...splitLinkDestination(url.trim(), decodeUrlPart) };
}

/** URL-decodes, keeping the text as written when it is not valid percent-encoding. */
function decodeUrlPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

function imageUrlOf(path: string, context: Context): string {
  return context.options.imageUrl?.(path) ?? vaultFileUrl(path);
}

function chainKey(path: string, section: Section): string {
  return `${path}#${section.headings.join('#')}#^${section.block ?? ''}`;
}

/** An embed's content: an image, a transcluded note (section), or a placeholder saying why not. */
async function renderEmbed(node: WikiLink | Image, facts: Facts, context: Context): Promise<ElementContent | null> {
  const destination =
    node.type === 'wikiLink'
      ? { target: node.target, headings: node.headings, block: node.block }
      : facts.destinations.get(node);
  if (!destination || !('target' in destination)) return null;
  const label = node.type === 'wikiLink' ? node.alias : node.alt;
  if (isImageTarget(destination.target)) return imageElement(destination.target, label ?? null, facts, context);
  const title = label ?? destinationText(destination.target, destination.headings, destination.block);
  if (mediaKind(destination.target)) return mediaElement(destination.target, facts, context);
  if (extensionOf(destination.target) === 'pdf') return fileCard(destination.target, facts);
  if (destination.target !== '' && /\.[a-z0-9]{1,5}$/i.test(destination.target) && !/\.md$/i.test(destination.target)) {
    // Another kind of file: not something to transclude; a link to it.
    return internalLink(destination, title, facts);
  }
  if (context.depth >= (context.options.maxEmbedDepth ?? 3)) return placeholder('too-deep', title);
  if (context.budget.embeds <= 0) return placeholder('too-many', title);
  context.budget.embeds--;
  const section: Section = { headings: destination.headings, block: destination.block };
  let loaded: LoadedNote | null;
  try {
    loaded =
      destination.target === ''
        ? facts.note
        : ((await context.options.loadNote?.(destination.target, facts.note.path)) ?? null);
  } catch {
    return placeholder('error', title);
  }
  if (!loaded) return placeholder('not-found', title);
  const key = chainKey(loaded.path, section);
  if (context.chain.includes(key)) return placeholder('cycle', title);
  const inner: Context = { ...context, depth: context.depth + 1, chain: [...context.chain, key] };
  let content: HastRoot | null;
  try {
    content = await renderNote(loaded, section, inner);
  } catch {
    return placeholder('error', title);
  }
  if (!content) return placeholder('section-not-found', title);
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: ['markdown-embed'], dataEmbedPath: loaded.path },
    children: [
      {
        type: 'element',
        tagName: 'div',
        properties: { className: ['markdown-embed-title'] },
        children: [internalLink(destination, title, facts)],
      },
      {
        type: 'element',
        tagName: 'div',
        properties: { className: ['markdown-embed-content'] },
        children: content.children as ElementContent[],
      },
    ],
  };
}

/** `![[image.png|200]]`, `![[image.png|200x100]]`, `![alt|200](image.png)`: the label is a size or alt text. */
function imageElement(target: string, label: string | null, facts: Facts, context: Context): ElementContent {
  const path = facts.resolved.get(target);
  const size = /^\s*(\d{1,5})\s*(?:x\s*(\d{1,5}))?\s*$/.exec(label?.split('|').at(-1) ?? '');
  const alt = size ? (label?.includes('|') ? label.slice(0, label.lastIndexOf('|')) : '') : (label ?? '');
  if (!path) return placeholder('not-found', target, 'span');
  return {
    type: 'element',
    tagName: 'img',
    properties: {
      className: ['image-embed'],
      src: imageUrlOf(path, context),
      alt: alt || target.slice(target.lastIndexOf('/') + 1),
      width: size?.[1],
      height: size?.[2],
      dataPath: path,
    },
    children: [],
  };
}

/** `![[clip.mp3]]`, `![[movie.mp4]]`: the browser's own player, from the vault-file URL. */
function mediaElement(target: string, facts: Facts, context: Context): ElementContent {
  const path = facts.resolved.get(target);
  const kind = mediaKind(target) ?? 'audio';
  if (!path) return placeholder('not-found', target, 'span');
  return {
    type: 'element',
    tagName: kind,
    properties: {
      className: ['media-embed'],
      src: imageUrlOf(path, context),
      controls: true,
      preload: 'metadata',
      dataPath: path,
    },
    children: [],
  };
}

/**
 * `![[doc.pdf]]`: a card that asks the app to open the file with the OS (reading-view.ts
 * `onOpenFile`). Not a frame: a PDF viewer on the app's own origin is more than a note needs.
 */
function fileCard(target: string, facts: Facts): ElementContent {
  const path = facts.resolved.get(target);
  if (!path) return placeholder('not-found', target, 'span');
  const name = path.slice(path.lastIndexOf('/') + 1);
  return {
    type: 'element',
    tagName: 'a',
    properties: { className: ['file-embed'], href: '#', dataPath: path, title: `Open ${name} with its app` },
    children: [{ type: 'text', value: `${name} — open` }],
  };
}

function placeholder(problem: EmbedProblem, what: string, tagName = 'div'): Element {
  const why: Record<EmbedProblem, string> = {
    'not-found': 'not found',
    'section-not-found': 'heading or block not found',
    cycle: 'cycle (the note embeds itself)',
    'too-deep': 'nested too deep',
    'too-many': 'too many embeds',
    error: 'could not be read',
  };
  return {
    type: 'element',
    tagName,
    properties: { className: ['embed-placeholder'], dataEmbedState: problem },
    children: [{ type: 'text', value: `Embed ${what}: ${why[problem]}` }],
  };
}

function sectionLabel(section: Section | undefined): string {
  return section ? destinationText('', section.headings, section.block) : '';
}

/** How a link reads without an alias: `note > Heading`, as Obsidian shows it. */
function destinationText(target: string, headings: readonly string[], block: string | null): string {
  return [target, ...headings, ...(block === null ? [] : [`^${block}`])].filter((part) => part !== '').join(' > ');
}

/** `target#h1#h2` or `target#^block`: the `data-href` of an internal link. */
function hrefOf(target: string, headings: readonly string[], block: string | null): string {
  return target + headings.map((heading) => `#${heading}`).join('') + (block === null ? '' : `#^${block}`);
}

function internalLink(
  destination: { target: string; headings: string[]; block: string | null },
  content: string | ElementContent[],
  facts: Facts,
): Element {
  const unresolved = destination.target !== '' && facts.resolved.get(destination.target) === null;
  return {
    type: 'element',
    tagName: 'a',
    properties: {
      className: ['internal-link', ...(unresolved ? ['is-unresolved'] : [])],
      dataHref: hrefOf(destination.target, destination.headings, destination.block),
      href: '#',
    },
    children: typeof content === 'string' ? [{ type: 'text', value: content }] : content,
  };
}

function handlers(facts: Facts, frontmatter: Record<string, unknown> | null, context: Context): Handlers {
  const formula = (tex: string, display: boolean): Element => {
    const id = `${context.nonce}-${context.math.size}`;
    context.math.set(id, mathElement(tex, display));
    return { type: 'element', tagName: 'span', properties: { dataMath: id }, children: [] };
  };
  return {
    blockquote: blockquoteHandler,
    math: (_state: State, node: Math) => formula(node.value, true),
    code: (state: State, node: Code) => {
      const pre = defaultHandlers.code(state, node);
      const code = pre.children[0];
      const highlighted = facts.code.get(node);
      if (highlighted && code?.type === 'element') code.children = highlighted;
      return pre;
    },
    inlineMath: (_state: State, node: InlineMath) =>
      formula(node.value, (node.data as { display?: boolean } | undefined)?.display === true),
    listItem: (state: State, node: ListItem, parent: Parents | undefined) => {
      const item = defaultHandlers.listItem(state, node, parent);
      const line = node.position?.start.line;
      if (typeof node.checked === 'boolean' && context.options.tickableTasks && context.depth === 0 && line) {
        const first = item.children[0];
        const box = first?.type === 'element' && first.tagName === 'p' ? first.children[0] : first;
        if (box?.type === 'element' && box.tagName === 'input') {
          box.properties.disabled = false;
          box.properties.dataTaskLine = line;
        }
      }
      return item;
    },
    comment: () => undefined,
    yaml: () => (frontmatter && Object.keys(frontmatter).length > 0 ? propertiesTable(frontmatter) : undefined),
    wikiLink: (_state: State, node: WikiLink) => {
      if (node.embed) return facts.embeds.get(node);
      const text = node.alias ?? destinationText(node.target, node.headings, node.block);
      return internalLink(node, text, facts);
    },
    link: (state: State, node: Link) => {
      const destination = facts.destinations.get(node) ?? classifyUrl(node.url);
      const children = state.all(node);
      if (destination.kind === 'internal') return internalLink(destination, children, facts);
      if (destination.kind === 'blocked') {
        return { type: 'element', tagName: 'span', properties: { className: ['link-blocked'] }, children };
      }
      return {
        type: 'element',
        tagName: 'a',
        properties: {
          className: ['external-link'],
          href: destination.href,
          rel: ['noopener', 'noreferrer'],
          title: node.title ?? undefined,
        },
        children,
      };
    },
    image: (state: State, node: Image) => {
      const destination = facts.destinations.get(node) ?? classifyUrl(node.url);
      if (destination.kind === 'internal') return facts.embeds.get(node);
      if (destination.kind === 'blocked') return { type: 'text', value: node.alt ?? '' };
      if (!destination.href.startsWith('http')) return { type: 'text', value: node.alt ?? '' };
      return remoteImageLink(destination.href, node.alt ?? '');
    },
  };
}

/**
 * A remote image is not loaded (it would tell its host the note was opened); it shows as a link
 * that opens it in the OS browser.
 */
function remoteImageLink(href: string, alt: string): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: {
      className: ['external-link', 'remote-image'],
      href,
      rel: ['noopener', 'noreferrer'],
      title: `Remote image, not loaded: ${href}`,
    },
    children: [{ type: 'text', value: alt.trim() === '' ? 'Remote image' : alt }],
  };
}
