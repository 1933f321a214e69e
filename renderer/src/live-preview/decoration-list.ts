import { Decoration, type DecorationSet } from '@codemirror/view';
import type { Range } from '@codemirror/state';

/** Markup hidden off the cursor: replaced by nothing. */
export const hidden = Decoration.replace({});

/**
 * The decorations as a set, with exact repeats dropped (an element spanning two visible ranges
 * is found from both). Callers never push empty marks.
 */
export function decorationSet(found: Range<Decoration>[]): DecorationSet {
  found.sort((a, b) => a.from - b.from || a.to - b.to);
  const unique = found.filter((r, i) => {
    for (let j = i - 1; j >= 0; j--) {
      const prev = found[j]!;
      if (prev.from !== r.from || prev.to !== r.to) break;
      if (prev.value.eq(r.value)) return false;
    }
    return true;
  });
  return Decoration.set(unique, true);
}
