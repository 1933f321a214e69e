import { Autolink, parser as commonmark, InlineContext, type InlineParser, type MarkdownConfig } from '@lezer/markdown';

/**
 * @lezer/markdown's link parsing, made linear in the number of links in one paragraph.
 *
 * Its `]` parser, on finishing a link, marks every earlier `[` of the paragraph as unable to start
 * a link (a link cannot contain one) by walking all the paragraph's inline parts from the start;
 * and GFM's URL autolinker asks `hasOpenLink`, which walks back over all of them when no `[` is
 * open. Both are quadratic: a paragraph of 40k links (one per line) took seconds to parse, and
 * the editor re-parses the paragraph being typed in on every keystroke, which froze the page for
 * many seconds per key (issue 13, item 12).
 *
 * The same parsers still do the work, so the tree is the same; this keeps, per paragraph, a stack
 * of the `[`/`![` that are still in the parts list, and runs each parser on a short parts list:
 * the `]` parser sees only the parts from the `[` it closes (the earlier `[` are marked here, each
 * once), the autolinker only the innermost open `[` (or none). Meant for the GFM parser
 * (`markdownLanguage`), whose `Link`, `Image`, `LinkEnd` and `Autolink` it replaces.
 */

/** The parser fields @lezer/markdown does not declare, read to wrap its own parse functions. */
type ParserTables = { inlineNames: string[]; inlineParsers: (InlineParser['parse'] | undefined)[] };

/** A delimiter as @lezer/markdown stores it in `parts` (only `side` is written here). */
type Delimiter = { type: unknown; side: number };

/** An inline context's parts list, undeclared in the library's types. */
type Parts = { parts: unknown[] };

/** One `[` or `![` still in the parts list, and where. */
type Open = { index: number; delimiter: Delimiter };

type State = {
  opens: Open[];
  /** `opens[0..invalidated)` are already marked as unable to start a link (or are images). */
  invalidated: number;
};

const states = new WeakMap<InlineContext, State>();

function stateOf(cx: InlineContext): State {
  let state = states.get(cx);
  if (!state) states.set(cx, (state = { opens: [], invalidated: 0 }));
  return state;
}

function original(name: string): InlineParser['parse'] {
  const tables = commonmark as unknown as ParserTables;
  const parse = tables.inlineParsers[tables.inlineNames.indexOf(name)];
  if (!parse) throw new Error(`@lezer/markdown has no inline parser named ${name}`);
  return parse;
}

const linkStart = original('Link');
const imageStart = original('Image');
const linkEnd = original('LinkEnd');
const autolinkSpec = Autolink.parseInline?.find((p) => p.name === 'Autolink');
const autolink: InlineParser['parse'] | undefined =
  autolinkSpec && ((cx, next, pos) => autolinkSpec.parse(cx, next, pos));

/** Where the autolinker can start (its own test, done first so most positions cost nothing more). */
const AUTOLINK_START = /(www\.)|(https?:\/\/)|([\w.+-]{1,100}@)|(mailto:|xmpp:)/y;

const partsOf = (cx: InlineContext): unknown[] => (cx as unknown as Parts).parts;
const setParts = (cx: InlineContext, parts: unknown[]): void => void ((cx as unknown as Parts).parts = parts);

/** The innermost `[`/`![` still in the parts list (entries replaced or dropped are popped). */
function topOpen(cx: InlineContext, state: State): Open | null {
  const parts = partsOf(cx);
  for (let top = state.opens.at(-1); top; top = state.opens.at(-1)) {
    if (parts[top.index] === top.delimiter) return top;
    state.opens.pop();
  }
  state.invalidated = Math.min(state.invalidated, state.opens.length);
  return null;
}

/** Runs `parse` with `short` as the parts list (which it may change), then puts the real one back. */
function onShortParts(cx: InlineContext, short: unknown[], parse: () => number): number {
  const parts = partsOf(cx);
  setParts(cx, short);
  try {
    return parse();
  } finally {
    setParts(cx, parts);
  }
}

/** Records the delimiter a `[`/`![` parser just appended. */
function recordingOpen(parse: InlineParser['parse']): InlineParser['parse'] {
  return (cx, next, pos) => {
    const end = parse(cx, next, pos);
    if (end >= 0) {
      const parts = partsOf(cx);
      const delimiter = parts.at(-1) as Delimiter;
      stateOf(cx).opens.push({ index: parts.length - 1, delimiter });
    }
    return end;
  };
}

const closeLink: InlineParser['parse'] = (cx, next, pos) => {
  if (next !== 93 /* ] */) return -1;
  const state = stateOf(cx);
  const top = topOpen(cx, state);
  if (!top) return -1;
  const parts = partsOf(cx);
  // The library's `]` walks back to this `[` and marks every `[` before it: give it only the
  // parts from this one on, and mark the earlier ones here (each `[` once).
  const tail = parts.splice(top.index);
  const result = onShortParts(cx, tail, () => linkEnd(cx, next, pos));
  for (const part of tail) parts.push(part);
  state.opens.pop();
  state.invalidated = Math.min(state.invalidated, state.opens.length);
  if (result >= 0 && top.delimiter.type === InlineContext.linkStart) {
    for (let i = state.invalidated; i < state.opens.length; i++) {
      const open = state.opens[i]!;
      if (open.delimiter.type === InlineContext.linkStart) open.delimiter.side = 0;
    }
    state.invalidated = state.opens.length;
  }
  return result;
};

/** GFM's URL autolinker, asking `hasOpenLink` of a parts list holding only the innermost `[`. */
const autolinkUrl: InlineParser['parse'] | undefined =
  autolink &&
  ((cx, next, pos) => {
    const at = pos - cx.offset;
    if (at > 0 && /\w/.test(cx.text[at - 1]!)) return -1;
    AUTOLINK_START.lastIndex = at;
    if (!AUTOLINK_START.test(cx.text)) return -1;
    const top = topOpen(cx, stateOf(cx));
    const short: unknown[] = top ? [top.delimiter] : [];
    const result = onShortParts(cx, short, () => autolink(cx, next, pos));
    const parts = partsOf(cx);
    for (let i = top ? 1 : 0; i < short.length; i++) parts.push(short[i]);
    return result;
  });

export const linearLinkSyntax: MarkdownConfig = {
  parseInline: [
    { name: 'Link', parse: recordingOpen(linkStart) },
    { name: 'Image', parse: recordingOpen(imageStart) },
    { name: 'LinkEnd', parse: closeLink },
    ...(autolinkUrl ? [{ name: 'Autolink', parse: autolinkUrl }] : []),
  ],
};
