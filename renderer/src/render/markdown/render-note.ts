import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type {
  Code,
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
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { extractFrontmatter } from '../../../../shared/markdown/extract-frontmatter';
import { parseMarkdown } from '../../../../shared/markdown/parse-markdown';
import { plainText } from '../../../../shared/markdown/plain-text';
import { walk } from '../../../../shared/markdown/walk';
import { vaultFileUrl } from '../../../../shared/vault-file-url';
import type { LoadedNote, RenderOptions } from '../render-markdown';
import { highlightedCode } from '../render-code';
import { highlight } from '../render-highlight';
import { rawToHast, tokenizeHtml } from '../render-raw-html';
import { blockIdOf, selectSection, stripBlockId } from '../render-section';
import { classifyUrl, isImageTarget, type Destination } from './classify-target';
import { handlers } from './note-handlers';
import { lineBreaks, obsidianMath, tags } from './obsidian-text';
import { renderEmbed } from './render-embed';

export type Context = {
  options: RenderOptions;
  depth: number;
  /** The notes (and sections) being rendered, this one last: embedding one of them again is a cycle. */
  chain: string[];
  budget: { embeds: number; prefixes: number };
  /** Formulas drawn, by placeholder id (shared by embeds). */
  math: Map<string, Element>;
  nonce: string;
};

export type Section = { headings: string[]; block: string | null };
export const NO_SECTION: Section = { headings: [], block: null };

/** What the pre-pass learned about one note, for the handlers. */
export type Facts = {
  note: LoadedNote;
  resolved: Map<string, string | null>;
  destinations: Map<Link | Image, Destination>;
  embeds: Map<WikiLink | Image, ElementContent>;
  /** Fenced code blocks, highlighted. */
  code: Map<Code, ElementContent[]>;
};

/** One note (or section of one) as unsanitized hast; null when the section is not in it. */
export async function renderNote(
  note: LoadedNote,
  section: Section | null,
  context: Context,
): Promise<HastRoot | null> {
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

export function imageUrlOf(path: string, context: Context): string {
  return context.options.imageUrl?.(path) ?? vaultFileUrl(path);
}

export function chainKey(path: string, section: Section): string {
  return `${path}#${section.headings.join('#')}#^${section.block ?? ''}`;
}
