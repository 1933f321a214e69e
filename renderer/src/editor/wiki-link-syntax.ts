import { tags as t } from '@lezer/highlight';
import type { InlineContext, MarkdownConfig } from '@lezer/markdown';
import { splitLinkDestination } from '../../../shared/markdown/link-destination';

const BANG = 33;
const OPEN = 91; // [
const CLOSE = 93; // ]
const PIPE = 124;
const BACKSLASH = 92;
const NEWLINE = 10;

/**
 * Wiki links, `[[target#heading|alias]]`, and embeds, `![[target]]`, as inline nodes of the
 * editor's markdown tree, read by the same rules as the engine's parser
 * (shared/markdown/wiki-link-syntax.ts): the content runs to the first `]]` on the line, the first
 * `|` (or `\|`) starts the alias, and the destination must name something. Being inline nodes,
 * they are never found inside code spans or code blocks, and `\[[` stays text.
 *
 * Nodes: WikiLink (the whole link) > WikiLinkMark (`!`, `[[`, `]]`, the alias bar),
 * WikiLinkTarget (everything before the bar, untrimmed), WikiLinkAlias (after it).
 */
export const wikiLinkSyntax: MarkdownConfig = {
  defineNodes: [
    { name: 'WikiLink', style: t.link },
    { name: 'WikiLinkMark', style: t.processingInstruction },
    { name: 'WikiLinkTarget', style: t.link },
    { name: 'WikiLinkAlias', style: t.link },
  ],
  parseInline: [
    { name: 'WikiLink', before: 'Link', parse: (cx, next, pos) => (next === OPEN ? parseWikiLink(cx, pos, pos) : -1) },
    {
      name: 'WikiEmbed',
      before: 'Image',
      parse: (cx, next, pos) => (next === BANG && cx.char(pos + 1) === OPEN ? parseWikiLink(cx, pos, pos + 1) : -1),
    },
  ],
};

/** Parses a link whose `[[` is at `open` (`start` is the `!` of an embed, else `open`); returns its end or -1. */
function parseWikiLink(cx: InlineContext, start: number, open: number): number {
  if (cx.char(open + 1) !== OPEN) return -1;
  const from = open + 2;
  let bar = -1;
  let barEnd = -1;
  let close = -1;
  for (let p = from; p < cx.end; p++) {
    const c = cx.char(p);
    if (c === NEWLINE) return -1;
    if (c === CLOSE && cx.char(p + 1) === CLOSE) {
      close = p;
      break;
    }
    if (bar < 0 && c === PIPE) {
      bar = p;
      barEnd = p + 1;
    } else if (bar < 0 && c === BACKSLASH && cx.char(p + 1) === PIPE) {
      bar = p;
      barEnd = p + 2;
      p++;
    }
  }
  if (close < 0) return -1;
  const destinationEnd = bar < 0 ? close : bar;
  const { target, headings, block } = splitLinkDestination(cx.slice(from, destinationEnd));
  if (target === '' && headings.length === 0 && block === null) return -1;
  const children = [];
  if (start !== open) children.push(cx.elt('WikiLinkMark', start, open));
  children.push(cx.elt('WikiLinkMark', open, from));
  if (destinationEnd > from) children.push(cx.elt('WikiLinkTarget', from, destinationEnd));
  if (bar >= 0) {
    children.push(cx.elt('WikiLinkMark', bar, barEnd));
    if (close > barEnd) children.push(cx.elt('WikiLinkAlias', barEnd, close));
  }
  children.push(cx.elt('WikiLinkMark', close, close + 2));
  return cx.addElement(cx.elt('WikiLink', start, close + 2, children));
}
