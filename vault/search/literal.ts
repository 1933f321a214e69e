/**
 * The text every match of a snippet pattern starts with, in folded text without combining marks
 * (the patterns allow marks between a word's letters), and how to tell a match where it is found:
 * a word or tag is exactly its literal between the right neighbours, checked here by code point;
 * a phrase is checked by its pattern, made sticky, at that place. `indexOf` finds a word ~10×
 * faster than the pattern's scan, which stops at every letter the word starts with to check its
 * look-behind; and a word's pattern, whose \p{…} classes take a millisecond or more to compile,
 * is then never compiled at all.
 */
export class Literal {
  private sticky: RegExp | null = null;

  /**
   * `bounds`: for a literal that is the whole match, which neighbours may not touch it (`before`
   * the code point before it, `after` the one after it); null when `pattern()` must be tried.
   */
  constructor(
    readonly text: string,
    private readonly bounds: { before: (code: number) => boolean; after: (code: number) => boolean } | null,
    private readonly pattern: () => RegExp,
  ) {}

  /** The first match in `target` starting at `from` or later, as the pattern's exec would find it. */
  next(target: string, from: number): [number, number] | null {
    const { text, bounds } = this;
    for (let at = target.indexOf(text, from); at >= 0; at = target.indexOf(text, at + 1)) {
      if (bounds) {
        const end = at + text.length;
        const before = at > 0 && bounds.before(codePointBefore(target, at));
        const after = end < target.length && bounds.after(target.codePointAt(end) as number);
        if (!before && !after) return [at, end];
        continue;
      }
      const sticky = (this.sticky ??= new RegExp(this.pattern().source, this.pattern().flags.replace('g', '') + 'y'));
      sticky.lastIndex = at;
      const match = sticky.exec(target);
      if (match) return [match.index, match.index + match[0].length];
    }
    return null;
  }
}

/** The code point that ends just before `at` (a surrogate pair read whole, as a /u regex does). */
function codePointBefore(text: string, at: number): number {
  const low = text.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** By BMP code unit: 0 not known yet, 1 no, 2 yes. */
const letterOrDigit = new Uint8Array(65536);

/** [\p{L}\p{N}] for one code point, as the patterns' classes read it. */
export function isLetterOrDigit(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  if (code > 0xffff) return LETTER_OR_DIGIT.test(String.fromCodePoint(code));
  let known = letterOrDigit[code] as number;
  if (known === 0) {
    known = LETTER_OR_DIGIT.test(String.fromCharCode(code)) ? 2 : 1;
    letterOrDigit[code] = known;
  }
  return known === 2;
}

/** True when folded text has no combining mark, so that a literal may stand for its pattern. */
export function unmarked(folded: string): boolean {
  // Marks start at U+0300: most notes are answered by the first, cheaper test.
  // eslint-disable-next-line no-control-regex
  return !/[^\u0000-\u02ff]/.test(folded) || !/\p{M}/u.test(folded);
}
