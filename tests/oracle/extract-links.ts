import type { Image, Link, Root, WikiLink } from 'mdast';
import type { LinkRef } from '../../shared/note-meta';
import { splitLinkDestination } from '../../shared/markdown/link-destination';
import { plainText } from '../../shared/markdown/plain-text';
import { walk } from '../../shared/markdown/walk';

/** A URL scheme (`https:`, `mailto:`, `obsidian:`…) or a protocol-relative `//host`: such links leave the vault. */
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * Every link to a note, in document order: wiki links and embeds, and markdown links and images
 * whose URL has no scheme (nor `//host`) and names a file, so not just an `#anchor` in the page. Links inside code,
 * HTML and `%% comments %%` never reach the tree as links, so they are not found.
 */
export function extractLinks(tree: Root, text: string): LinkRef[] {
  const links: LinkRef[] = [];
  walk(tree, (node) => {
    const link =
      node.type === 'wikiLink'
        ? wikiLinkRef(node, text)
        : node.type === 'link' || node.type === 'image'
          ? markdownLinkRef(node, text)
          : null;
    if (link) links.push(link);
  });
  return links;
}

function wikiLinkRef(node: WikiLink, text: string): LinkRef | null {
  const position = span(node, text);
  if (!position) return null;
  const { target, headings, block, alias, embed } = node;
  return { ...position, target, headings, block, alias, style: 'wiki', embed };
}

function markdownLinkRef(node: Link | Image, text: string): LinkRef | null {
  const { url } = node;
  if (EXTERNAL.test(url)) return null;
  const destination = splitLinkDestination(url, decodeUrlPart);
  const position = span(node, text);
  if (destination.target === '' || !position) return null;
  const label = (node.type === 'image' ? (node.alt ?? '') : plainText(node)).trim();
  return {
    ...position,
    ...destination,
    alias: label === '' ? null : label,
    style: 'markdown',
    embed: node.type === 'image',
  };
}

function span(node: WikiLink | Link | Image, text: string): Pick<LinkRef, 'raw' | 'start' | 'end' | 'line'> | null {
  const start = node.position?.start;
  const end = node.position?.end;
  if (start?.offset === undefined || end?.offset === undefined) return null;
  return { raw: text.slice(start.offset, end.offset), start: start.offset, end: end.offset, line: start.line };
}

/** URL-decodes, keeping the text as written when it is not valid percent-encoding (`100%.md`). */
function decodeUrlPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
