import { RE2JS, RE2JSException } from 're2js';
import { requiredLiterals } from './regex-literals';

/**
 * The regexes of search queries (`/…/`), run by RE2 (re2js, a pure-JS port): time linear in the
 * text, where the JavaScript engine backtracks (`/(a+)+$/` on 36 characters took minutes and
 * blocked every client). Written as in JavaScript (RE2JS.translateRegExp turns `\u0041`,
 * `(?<name>…)`, `\cA` into RE2's forms), case-insensitive, `^` and `$` at line ends. RE2 cannot
 * run backreferences or lookaround; a regex using them is refused, saying so.
 *
 * Linear is not short: the worst case is the text's length times the size of the compiled
 * program, and a 64 MB note is long. So a text is tested a slice of whole lines at a time, with
 * the caller's deadline checked between slices, and a piece that cannot be cut (one huge line, or
 * a regex that can match across lines) is tested whole only when its worst case is bounded;
 * otherwise the answer is "not finished" (null), never a silent "no match".
 */

/** The longest regex a query may hold (compiling cost grows with it). */
export const MAX_REGEX_LENGTH = 2000;
/** The most instructions a compiled regex may have (repeats like `{1,100}` multiply them). */
export const MAX_PROGRAM = 20_000;
/** Worst-case work (characters × instructions) of one slice: tens of milliseconds. */
const SLICE_WORK = 1 << 21;
/** The fewest characters a slice aims for, whatever the program's size. */
const MIN_SLICE = 256;
/** Worst-case work allowed for a piece that cannot be cut: about half a second. */
const MAX_UNCUT_WORK = 1 << 25;

/** Why a regex cannot be run, in words for the person who typed it. */
export class SearchRegexError extends Error {}

/** What a test found: true or false, or null when it was cut short (deadline, or too costly). */
export type RegexAnswer = boolean | null;

const FLAGS = RE2JS.CASE_INSENSITIVE | RE2JS.MULTILINE;

export class SearchRegex {
  /** How many characters one slice holds (fewer for a bigger program). */
  private readonly sliceChars: number;

  private constructor(
    readonly source: string,
    private readonly re: RE2JS,
    /** The compiled program's size (its instructions). */
    readonly size: number,
    /** False when a match may cross a line, or the regex anchors to the whole text (\A, \z). */
    readonly sliceable: boolean,
    /** A run of lower-case ASCII letters and digits every match holds (regex-literals.ts), or ''. */
    private readonly literal: string,
  ) {
    this.sliceChars = Math.max(MIN_SLICE, Math.floor(SLICE_WORK / size));
  }

  /** Compiles `source`; throws SearchRegexError saying why it cannot be used. */
  static compile(source: string): SearchRegex {
    const shown = source.length > 60 ? `/${source.slice(0, 60)}…/` : `/${source}/`;
    if (source.length > MAX_REGEX_LENGTH)
      throw new SearchRegexError(
        `The regular expression is too long (${source.length.toLocaleString('en')} characters; at most ${MAX_REGEX_LENGTH.toLocaleString('en')}).`,
      );
    if (usesUnsupported(source))
      throw new SearchRegexError(
        `Search regexes cannot use backreferences or lookaround (\\1, \\k<name>, (?=…), (?!…), (?<=…), (?<!…)): ${shown}`,
      );
    let re: RE2JS;
    try {
      re = RE2JS.compile(RE2JS.translateRegExp(source), FLAGS);
    } catch (error) {
      if (error instanceof RangeError)
        throw new SearchRegexError(`The regular expression ${shown} nests too deeply or is too complex to run.`);
      if (error instanceof RE2JSException) {
        const reason = error.message.replace(/^error parsing regexp: /, '');
        throw new SearchRegexError(`Invalid regular expression ${shown}: ${reason}`);
      }
      throw error;
    }
    const size = re.programSize();
    if (size > MAX_PROGRAM)
      throw new SearchRegexError(
        `The regular expression ${shown} is too complex to run (${size.toLocaleString('en')} steps; at most ${MAX_PROGRAM.toLocaleString('en')}): use fewer or smaller repeats.`,
      );
    return new SearchRegex(source, re, size, isSliceable(re), requiredLiterals(source)[0] ?? '');
  }

  /**
   * Whether the regex matches somewhere in `text`; null when cut short by `deadline` or cost.
   * `folded` (text.ts fold of the text, same offsets) lets a regex with a required literal
   * read only the lines holding it.
   */
  test(text: string, deadline = Infinity, folded?: string): RegexAnswer {
    let unfinished = false;
    // Pieces are whole lines and no match crosses a line (or the text is one piece), so short
    // pieces are tested together, joined by newlines: one run of the matcher instead of one per
    // line (3× faster on the bench's regexes, where the literal picks a few lines per note).
    let batch: string[] = [];
    let batched = 0;
    const flush = (): boolean => {
      const found = batch.length > 0 && this.re.test(batch.length === 1 ? (batch[0] as string) : batch.join('\n'));
      batch = [];
      batched = 0;
      return found;
    };
    for (const [start, end] of this.pieces(text, folded)) {
      if (performance.now() > deadline) return null;
      if (end - start > this.sliceChars && !this.uncut(end - start)) {
        unfinished = true;
        continue;
      }
      batch.push(start === 0 && end === text.length ? text : text.slice(start, end));
      batched += end - start + 1;
      if (batched >= this.sliceChars && flush()) return true;
    }
    if (flush()) return true;
    return unfinished ? null : false;
  }

  /**
   * Where the regex matches in `text` (at most `max` ranges, leftmost first), for highlighting:
   * as many as the deadline and the cost bounds allow. A match that crosses a slice is not found.
   */
  ranges(text: string, deadline = Infinity, max = Infinity, folded?: string): [number, number][] {
    const out: [number, number][] = [];
    for (const [start, end] of this.pieces(text, folded)) {
      if (out.length >= max || performance.now() > deadline) break;
      if (end - start > this.sliceChars && !this.uncut(end - start)) continue;
      const matcher = this.re.matcher(start === 0 && end === text.length ? text : text.slice(start, end));
      while (out.length < max && matcher.find()) {
        if (matcher.end() > matcher.start()) out.push([start + matcher.start(), start + matcher.end()]);
      }
    }
    return out;
  }

  /** The parts of `text` to run the regex on, each on its own: between them, no match can lie. */
  private pieces(text: string, folded: string | undefined): Iterable<[number, number]> {
    // The lines holding the literal (fold never turns a character RE2 would match into another
    // one, except the long s ſ, which RE2 matches as s: such a text is read whole).
    if (this.sliceable && this.literal && folded?.length === text.length && !text.includes('ſ'))
      return this.literalLines(text, folded, this.literal);
    if (text.length <= this.sliceChars || !this.sliceable) return [[0, text.length]];
    return this.slices(text);
  }

  /** The lines of `text` whose folded form holds `literal`, in order. */
  private *literalLines(text: string, folded: string, literal: string): Generator<[number, number]> {
    for (let at = folded.indexOf(literal); at >= 0;) {
      const start = text.lastIndexOf('\n', at) + 1;
      const next = text.indexOf('\n', at + literal.length);
      const end = next < 0 ? text.length : next;
      yield [start, end];
      if (next < 0) return;
      at = folded.indexOf(literal, end + 1);
    }
  }

  /** Whether a piece of `length` characters that cannot be cut may be tested whole. */
  private uncut(length: number): boolean {
    return length * this.size <= MAX_UNCUT_WORK;
  }

  /**
   * `text` in slices of whole lines, about `sliceChars` long (a longer line is a slice of its own).
   * A slice starts after a newline and ends before one, so `^`, `$` and `\b` at its edges mean
   * what they mean in the whole text.
   */
  private *slices(text: string): Generator<[number, number]> {
    // A text ending in a newline ends with an empty line (`^$` matches there).
    for (let start = 0; ;) {
      let end = Math.min(text.length, start + this.sliceChars);
      if (end < text.length) {
        const cut = text.lastIndexOf('\n', end);
        if (cut >= start) end = cut;
        else {
          const next = text.indexOf('\n', end);
          end = next < 0 ? text.length : next;
        }
      }
      yield [start, end];
      if (end >= text.length) return;
      start = end + 1;
    }
  }
}

/** Compiled regexes by source: typing a query asks for the same ones again and again. */
const cache = new Map<string, SearchRegex>();
const CACHE_SIZE = 32;

/** The compiled regex for `source` (cached); throws SearchRegexError saying why it cannot run. */
export function searchRegex(source: string): SearchRegex {
  const cached = cache.get(source);
  if (cached) return cached;
  const regex = SearchRegex.compile(source);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(source, regex);
  return regex;
}

/** Backreferences (`\1`, `\k<name>`) and lookaround, outside character classes. */
function usesUnsupported(source: string): boolean {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') {
      const next = source[i + 1] ?? '';
      if (!inClass && (/[1-9]/.test(next) || (next === 'k' && source[i + 2] === '<'))) return true;
      i++;
    } else if (inClass) {
      if (char === ']') inClass = false;
    } else if (char === '[') {
      inClass = true;
      // `]` right after `[` or `[^` is a character of the class.
      if (source[i + 1] === '^') i++;
      if (source[i + 1] === ']') i++;
    } else if (char === '(' && source[i + 1] === '?') {
      const kind = source.slice(i + 2, i + 4);
      if (kind[0] === '=' || kind[0] === '!' || kind === '<=' || kind === '<!') return true;
    }
  }
  return false;
}

// re2js's compiled program (not in its typings; the version is pinned): what an instruction does.
type Inst = { op: number; arg: number; matchRune(rune: number): boolean };
const RUNE = 8;
const RUNE1 = 9;
const RUNE_ANY = 10;
const RUNE_ANY_NOT_NL = 11;
const EMPTY_WIDTH = 4;
const EMPTY_BEGIN_TEXT = 4;
const EMPTY_END_TEXT = 8;

/**
 * True when no instruction can read a newline and none anchors to the start or end of the whole
 * text: then every match lies within one line, and slices of whole lines find them all. When the
 * program cannot be read (another re2js), false: the text is tested whole.
 */
function isSliceable(re: RE2JS): boolean {
  const insts = (re.re2() as unknown as { prog?: { inst?: Inst[] } }).prog?.inst;
  if (!Array.isArray(insts)) return false;
  for (const inst of insts) {
    if (typeof inst?.op !== 'number') return false;
    if (inst.op === RUNE_ANY) return false;
    if ((inst.op === RUNE || inst.op === RUNE1) && inst.matchRune(10)) return false;
    if (inst.op === EMPTY_WIDTH && (inst.arg & (EMPTY_BEGIN_TEXT | EMPTY_END_TEXT)) !== 0) return false;
    if (inst.op > RUNE_ANY_NOT_NL) return false;
  }
  return true;
}
