import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Image, WikiLink } from 'mdast';
import type { EmbedProblem, LoadedNote } from '../render-markdown';
import { extensionOf, isImageTarget, mediaKind } from './classify-target';
import { chainKey, imageUrlOf, renderNote, type Context, type Facts, type Section } from './render-note';

/** An embed's content: an image, a transcluded note (section), or a placeholder saying why not. */
export async function renderEmbed(
  node: WikiLink | Image,
  facts: Facts,
  context: Context,
): Promise<ElementContent | null> {
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

export function placeholder(problem: EmbedProblem, what: string, tagName = 'div'): Element {
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

export function sectionLabel(section: Section | undefined): string {
  return section ? destinationText('', section.headings, section.block) : '';
}

/** How a link reads without an alias: `note > Heading`, as Obsidian shows it. */
export function destinationText(target: string, headings: readonly string[], block: string | null): string {
  return [target, ...headings, ...(block === null ? [] : [`^${block}`])].filter((part) => part !== '').join(' > ');
}

/** `target#h1#h2` or `target#^block`: the `data-href` of an internal link. */
function hrefOf(target: string, headings: readonly string[], block: string | null): string {
  return target + headings.map((heading) => `#${heading}`).join('') + (block === null ? '' : `#^${block}`);
}

export function internalLink(
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
