import { ensureSyntaxTree, syntaxTree } from '@codemirror/language';
import type { EditorState } from '@codemirror/state';
import type { SyntaxNode, Tree } from '@lezer/common';
import { splitLinkDestination } from '../../../shared/markdown/link-destination';

/** A link as written in the editor's text: where it is and what it points at. */
export type EditorLink = {
  from: number;
  to: number;
  style: 'wiki' | 'markdown';
  embed: boolean;
  /** The note part, trimmed and decoded ("" for a same-note link like `[[#Heading]]`). */
  target: string;
  /** Heading path after `#` (joined with "#" for nested), null when none. */
  heading: string | null;
  /** Block id after `#^`, null when none. */
  block: string | null;
  alias: string | null;
};

/** A link that leaves the vault (`https:`, `mailto:`, `//host`…): not a note, opened elsewhere. */
export type ExternalLink = { from: number; to: number; url: string };

/** What a link node in the editor's tree turned out to be. */
export type FoundLink = { kind: 'note'; link: EditorLink } | { kind: 'external'; link: ExternalLink };

/** A URL scheme or a protocol-relative `//host`, as the engine's link extraction decides. */
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

const LINK_NODES = new Set(['WikiLink', 'Link', 'Image', 'Autolink', 'URL']);

/** The link under `pos`, or null: links in code are not links, and neither are external URLs (see `externalLinkAt`). */
export function linkAt(state: EditorState, pos: number): EditorLink | null {
  const found = foundAt(state, pos);
  return found?.kind === 'note' ? found.link : null;
}

/** The external URL (markdown link, autolink or bare URL) under `pos`, or null. */
export function externalLinkAt(state: EditorState, pos: number): ExternalLink | null {
  const found = foundAt(state, pos);
  return found?.kind === 'external' ? found.link : null;
}

/** Every link between `from` and `to`, in document order. */
export function linksIn(state: EditorState, from: number, to: number): FoundLink[] {
  const out: FoundLink[] = [];
  treeUpTo(state, to).iterate({
    from,
    to,
    enter: (node) => {
      if (!LINK_NODES.has(node.name)) return;
      const found = readLink(state, node.node);
      if (found) out.push(found);
      // A URL inside a Link is read with the Link; nothing inside a link is another link.
      return false;
    },
  });
  return out;
}

function foundAt(state: EditorState, pos: number): FoundLink | null {
  const tree = treeUpTo(state, Math.min(state.doc.length, pos + 1));
  for (const side of [1, -1] as const) {
    for (let node: SyntaxNode | null = tree.resolveInner(pos, side); node; node = node.parent) {
      if (!LINK_NODES.has(node.name)) continue;
      // The outermost link node wins: a URL inside a markdown link belongs to that link.
      let outer: SyntaxNode = node;
      for (let up = node.parent; up; up = up.parent) if (LINK_NODES.has(up.name)) outer = up;
      const found = readLink(state, outer);
      if (found) return found;
      break;
    }
  }
  return null;
}

/** The tree parsed at least up to `upTo` (briefly parsing further when the editor has not yet). */
function treeUpTo(state: EditorState, upTo: number): Tree {
  return ensureSyntaxTree(state, upTo, 50) ?? syntaxTree(state);
}

function readLink(state: EditorState, node: SyntaxNode): FoundLink | null {
  switch (node.name) {
    case 'WikiLink':
      return wikiLink(state, node);
    case 'Link':
    case 'Image':
      return markdownLink(state, node);
    default: {
      // Autolink `<https://…>` or a bare URL: only external ones mean anything to us.
      const urlNode = node.name === 'URL' ? node : node.getChild('URL');
      const url = urlNode ? state.sliceDoc(urlNode.from, urlNode.to) : '';
      return EXTERNAL.test(url) ? { kind: 'external', link: { from: node.from, to: node.to, url } } : null;
    }
  }
}

function wikiLink(state: EditorState, node: SyntaxNode): FoundLink | null {
  const targetNode = node.getChild('WikiLinkTarget');
  const aliasNode = node.getChild('WikiLinkAlias');
  const raw = targetNode ? state.sliceDoc(targetNode.from, targetNode.to) : '';
  const { target, headings, block } = splitLinkDestination(raw);
  const alias = aliasNode ? state.sliceDoc(aliasNode.from, aliasNode.to).trim() : '';
  return {
    kind: 'note',
    link: {
      from: node.from,
      to: node.to,
      style: 'wiki',
      embed: state.sliceDoc(node.from, node.from + 1) === '!',
      target,
      heading: headings.length > 0 ? headings.join('#') : null,
      block,
      alias: alias === '' ? null : alias,
    },
  };
}

function markdownLink(state: EditorState, node: SyntaxNode): FoundLink | null {
  const urlNode = node.getChild('URL');
  if (!urlNode) return null; // a reference link, `[text][ref]`
  let url = state.sliceDoc(urlNode.from, urlNode.to);
  if (url.startsWith('<') && url.endsWith('>')) url = url.slice(1, -1);
  if (EXTERNAL.test(url)) return { kind: 'external', link: { from: node.from, to: node.to, url } };
  const { target, headings, block } = splitLinkDestination(url, decodeUrlPart);
  // `[x](#heading)` is an anchor in the page, not a note (as the index reads it).
  if (target === '') return null;
  const marks = node.getChildren('LinkMark');
  const textFrom = marks[0]?.to ?? node.from;
  const textTo = marks[1]?.from ?? textFrom;
  const text = state.sliceDoc(textFrom, textTo).trim();
  return {
    kind: 'note',
    link: {
      from: node.from,
      to: node.to,
      style: 'markdown',
      embed: node.name === 'Image',
      target,
      heading: headings.length > 0 ? headings.join('#') : null,
      block,
      alias: text === '' ? null : text,
    },
  };
}

/** URL-decodes, keeping the text as written when it is not valid percent-encoding (`100%.md`). */
function decodeUrlPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
