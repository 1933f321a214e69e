/** A math span found in a line: its offsets in the line, its TeX, and whether it is display math. */
export type MathSpan = { from: number; to: number; tex: string; display: boolean };

const SPACE = /\s/;
const DIGIT = /\d/;

/** Where a `$` (or `$$`) opened at `start` closes, by pandoc's rule for `$`; -1 when it does not. */
function closingDollar(text: string, start: number, display: boolean): number {
  for (let at = start; at < text.length; at++) {
    const char = text[at];
    if (char === '\\') {
      at++; // an escaped character, `\$` included, never closes
      continue;
    }
    if (char !== '$') continue;
    if (display) {
      if (text[at + 1] === '$') return at;
      continue;
    }
    const before = text[at - 1] ?? ' ';
    const after = text[at + 1] ?? '';
    if (!SPACE.test(before) && !DIGIT.test(after)) return at;
  }
  return -1;
}

/**
 * The math in one line of text, by Obsidian's (pandoc's) rule: `$…$` opens on a `$` not followed
 * by a space and closes on a `$` not preceded by a space nor followed by a digit, so `$5 and $6`
 * is no math; `$$…$$` on the line is display math; `\$` is a dollar. Inline math does not span
 * lines here.
 */
export function findInlineMath(text: string): MathSpan[] {
  const spans: MathSpan[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text[at];
    if (char === '\\') {
      at += 2;
      continue;
    }
    if (char !== '$') {
      at++;
      continue;
    }
    const display = text[at + 1] === '$';
    const open = at + (display ? 2 : 1);
    const next = text[open];
    if (next === undefined || (!display && SPACE.test(next)) || (display && next === '$')) {
      at = open;
      continue;
    }
    const close = closingDollar(text, open, display);
    if (close < 0) {
      at = open;
      continue;
    }
    const tex = text.slice(open, close);
    const to = close + (display ? 2 : 1);
    if (tex.trim() !== '') spans.push({ from: at, to, tex, display });
    at = to;
  }
  return spans;
}

/**
 * The TeX of a paragraph that is a display-math block (`$$` first, `$$` last, none between),
 * or null.
 */
export function mathBlockTex(paragraph: string): string | null {
  const text = paragraph.trim();
  if (text.length < 5 || !text.startsWith('$$') || !text.endsWith('$$')) return null;
  const tex = text.slice(2, -2);
  return tex.includes('$$') || tex.trim() === '' ? null : tex;
}
