import type { EditorState, Extension, Range } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import { decorationSet } from './decoration-list';
import { textRuns } from './inline-text';
import { revealed, type Span } from './reveal';
import { visibleDecorations } from './visible-decorations';

/** Tag characters after `#`, as the engine reads them (vault/scan/tags.ts). */
const TAG_BODY = /[\p{L}\p{N}\p{M}_/-]+/uy;
const ONLY_DIGITS = /^\p{N}+$/u;
/** Emphasis and strikethrough marks may stand before a tag (`**#tag**`). */
const EMPHASIS = /[*_~]/;

const marks = new Map<string, Decoration>();

function tagMark(tag: string): Decoration {
  let mark = marks.get(tag);
  if (!mark) {
    mark = Decoration.mark({ class: 'cm-lp-tag', attributes: { 'data-tag': tag } });
    if (marks.size < 10_000) marks.set(tag, mark);
  }
  return mark;
}

/**
 * `#tag` and `#nested/tag` in plain text (never in code, links, URLs or a heading's `#`), styled
 * as pills: a `#` starting a word, then tag characters, not all of them digits.
 */
export function tagDecorations(state: EditorState, ranges: readonly Span[]): DecorationSet {
  const found: Range<Decoration>[] = [];
  for (const run of textRuns(state, ranges)) {
    const text = state.sliceDoc(run.from, run.to);
    for (let i = text.indexOf('#'); i >= 0; i = text.indexOf('#', i + 1)) {
      const pos = run.from + i;
      if (!startsWord(state, pos)) continue;
      TAG_BODY.lastIndex = i + 1;
      const body = TAG_BODY.exec(text)?.[0];
      if (!body || ONLY_DIGITS.test(body)) continue;
      found.push(tagMark(body).range(pos, pos + 1 + body.length));
      i += body.length;
    }
  }
  return decorationSet(found);
}

function startsWord(state: EditorState, pos: number): boolean {
  const line = state.doc.lineAt(pos);
  let q = pos;
  while (q > line.from && EMPHASIS.test(state.sliceDoc(q - 1, q))) q--;
  return q === line.from || /\s/.test(state.sliceDoc(q - 1, q));
}

/**
 * A plain click on a tag calls `onTag` (with the tag, without `#`), unless the selection already
 * touches the tag: then the click places the cursor, so a tag can still be edited by mouse.
 */
function clickTag(onTag: (tag: string) => void): Extension {
  return EditorView.domEventHandlers({
    mousedown(event, view) {
      if (event.button !== 0 || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return false;
      const element = event.target instanceof Element ? event.target.closest('.cm-lp-tag') : null;
      const tag = element?.getAttribute('data-tag');
      if (!element || !tag || !view.contentDOM.contains(element)) return false;
      const from = view.posAtDOM(element);
      if (revealed(view.state, from, from + 1 + tag.length)) return false;
      event.preventDefault();
      onTag(tag);
      return true;
    },
  });
}

/** Tags of Live Preview (see `tagDecorations`), clickable when `onTag` is given. */
export function tags(onTag?: (tag: string) => void): Extension {
  return [visibleDecorations(tagDecorations), onTag ? clickTag(onTag) : []];
}
