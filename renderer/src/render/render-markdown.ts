import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import type {
  Heading,
  Html,
  Image,
  ImageReference,
  Link,
  LinkReference,
  Paragraph,
  PhrasingContent,
  Root,
  WikiLink,
} from 'mdast';
import type { Handlers, State } from 'mdast-util-to-hast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { extractFrontmatter } from '../../../shared/markdown/extract-frontmatter';
import { splitLinkDestination } from '../../../shared/markdown/link-destination';
import { parseMarkdown } from '../../../shared/markdown/parse-markdown';
import { plainText } from '../../../shared/markdown/plain-text';
import { walk } from '../../../shared/markdown/walk';
import { vaultFileUrl } from '../../../shared/vault-file-url';
import { blockquoteHandler } from './render-callout';
import { highlight } from './render-highlight';
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
};

/** Why an embed shows a placeholder instead of its note. */
export type EmbedProblem = 'not-found' | 'section-not-found' | 'cycle' | 'too-deep' | 'too-many' | 'error';

const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'svg', 'avif', 'bmp']);
/** A URL scheme (after the whitespace and controls browsers ignore), or a protocol-relative `//host`. */
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/** True when a link target names an image by its extension. */
export function isImageTarget(target: string): boolean {
  const name = target.slice(target.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 && IMAGE_EXTENSIONS.has(name.slice(dot + 1).toLowerCase());
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
  };
  const path = options.path ?? '';
  const tree = (await renderNote({ path, text }, options.section ?? null, context)) ?? {
    type: 'root',
    children: [placeholder('section-not-found', sectionLabel(options.section))],
  };
  return sanitize(tree, renderSchema(options.imageProtocols)) as HastRoot;
}

type Context = {
  options: RenderOptions;
  depth: number;
  /** The notes (and sections) being rendered, this one last: embedding one of them again is a cycle. */
  chain: string[];
  budget: { embeds: number; prefixes: number };
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
};

/** One note (or section of one) as unsanitized hast; null when the section is not in it. */
async function renderNote(note: LoadedNote, section: Section | null, context: Context): Promise<HastRoot | null> {
  let tree = parseMarkdown(note.text);
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
      handlers: handlers(facts, frontmatter),
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
  const facts: Facts = { note, resolved: new Map(), destinations: new Map(), embeds: new Map() };
  const targets = new Set<string>();
  const embeds: (WikiLink | Image)[] = [];
  walk(tree, (node) => {
    if (node.type === 'linkReference' || node.type === 'imageReference') dereference(node, definitions);
    if ('children' in node) highlight(node);
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
  if (destination.target !== '' && /\.[a-z0-9]{1,5}$/i.test(destination.target) && !/\.md$/i.test(destination.target)) {
    // A PDF, audio file…: not something to transclude; a link to it.
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

function handlers(facts: Facts, frontmatter: Record<string, unknown> | null): Handlers {
  return {
    blockquote: blockquoteHandler,
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
