/**
 * How search reads text: folding (lower case, accents removed) and cutting text into terms. The
 * index and the query go through the same functions, so "café" and "Cafe" meet at "cafe".
 * Scripts written without spaces (Chinese, Japanese, Thai…) are cut into characters and
 * character pairs, so "東京都" is found by "東京" or "京都".
 */

/** Character classes of the tokenizer. */
const UNKNOWN = 0;
const SEPARATOR = 1;
const WORD = 2;
/** A letter of a script written without spaces: every character is its own unit. */
const DENSE = 3;
/** A combining mark: part of the word it follows, dropped from terms. */
const MARK = 4;

/** Longer runs are cut here (base64 blobs, long URLs): nobody types them as one word. */
export const MAX_TERM_LENGTH = 48;

const classes = new Uint8Array(65536);
/** Folded code unit + 1 (0: not computed yet), for the basic multilingual plane. */
const folds = new Uint16Array(65536);

const DENSE_RE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORD_RE = /[\p{L}\p{N}]/u;
const MARK_RE = /\p{M}/u;

function classifyChar(char: string): number {
  if (DENSE_RE.test(char)) return DENSE;
  if (WORD_RE.test(char)) return WORD;
  if (MARK_RE.test(char)) return MARK;
  return SEPARATOR;
}

function classOf(code: number): number {
  if (code < 128) {
    // ASCII letters and digits; "_" separates (snake_case is found by its words).
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ? WORD : SEPARATOR;
  }
  let kind = classes[code] as number;
  if (kind === UNKNOWN) {
    kind = code >= 0xd800 && code <= 0xdfff ? SEPARATOR : classifyChar(String.fromCharCode(code));
    classes[code] = kind;
  }
  return kind;
}

/** The class of the character at `i` (a surrogate pair is classified as its code point). */
function classAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
    const point = text.codePointAt(i) as number;
    return point > 0xffff ? classifyChar(String.fromCodePoint(point)) : classOf(code);
  }
  return classOf(code);
}

/** Folds one code unit, keeping one code unit (so offsets in folded text are offsets in the note). */
function foldCode(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  const cached = folds[code] as number;
  if (cached !== 0) return cached - 1;
  let folded = code;
  if (code < 0xd800 || code > 0xdfff) {
    const char = String.fromCharCode(code);
    const stripped = char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const lower = char.toLowerCase();
    if (stripped.length === 1) folded = stripped.charCodeAt(0);
    else if (lower.length === 1) folded = lower.charCodeAt(0);
  }
  folds[code] = folded + 1;
  return folded;
}

/**
 * Lower case, accents removed, one code unit for one code unit: `fold(text)[i]` is the folded
 * `text[i]`, so a match found in folded text is at the same offsets in the note.
 */
export function fold(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[^\u0000-\u007f]/.test(text)) return text.toLowerCase();
  // Only upper-case ASCII and non-ASCII code units can change: replacing just those is 3× faster
  // than rebuilding every code unit on the 4 KB notes of the bench vault (12 µs against 40 µs).
  return text.replace(FOLDABLE, foldUnit);
}

const FOLDABLE = /[A-Z\u0080-\uffff]/g;

function foldUnit(unit: string): string {
  return String.fromCharCode(foldCode(unit.charCodeAt(0)));
}

/** A run of text the tokenizer keeps: a word, or a run of dense-script characters. */
export type TextRun = { text: string; start: number; end: number; dense: boolean };

/** The words and dense-script runs of already folded text, in order. */
export function runs(folded: string): TextRun[] {
  const out: TextRun[] = [];
  let i = 0;
  const n = folded.length;
  while (i < n) {
    const kind = classAt(folded, i);
    if (kind === WORD || kind === DENSE) {
      const start = i;
      i += folded.charCodeAt(i) >= 0xd800 && folded.charCodeAt(i) <= 0xdbff ? 2 : 1;
      while (i < n) {
        const next = classAt(folded, i);
        if (next !== kind && next !== MARK) break;
        i += folded.charCodeAt(i) >= 0xd800 && folded.charCodeAt(i) <= 0xdbff ? 2 : 1;
      }
      out.push({ text: stripMarks(folded.slice(start, i)), start, end: i, dense: kind === DENSE });
    } else i++;
  }
  return out;
}

function stripMarks(run: string): string {
  // eslint-disable-next-line no-control-regex
  return /[^\u0000-\u007f]/.test(run) ? run.replace(/\p{M}/gu, '') : run;
}

/** The terms a dense-script run is indexed under: each character, and each pair of neighbours. */
function denseTerms(run: string, into: (term: string) => void): void {
  const chars = [...run];
  for (let i = 0; i < chars.length; i++) {
    into(chars[i] as string);
    if (i + 1 < chars.length) into((chars[i] as string) + (chars[i + 1] as string));
  }
}

/** The distinct terms of a note's text (what the index stores), space-separated. */
export function indexTerms(text: string): string {
  const terms = new Set<string>();
  eachTerm(text, (term) => terms.add(term));
  return [...terms].join(' ');
}

/** Calls `into` with every term of a note's text, in order, repeats included. */
export function eachTerm(text: string, into: (term: string) => void): void {
  const add = (term: string) => into(term.length > MAX_TERM_LENGTH ? term.slice(0, MAX_TERM_LENGTH) : term);
  // The ASCII fast path: most notes are mostly ASCII, and a regex split is much faster there.
  // eslint-disable-next-line no-control-regex
  if (!/[^\u0000-\u007f]/.test(text)) {
    for (const word of text.toLowerCase().split(/[^a-z0-9]+/)) if (word) add(word);
  } else {
    // Split at ASCII separators first (fast); only pieces with other characters take the slow path.
    // eslint-disable-next-line no-control-regex
    for (const piece of text.split(/[\u0000-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u007f]+/)) {
      // eslint-disable-next-line no-control-regex
      if (!/[^\u0000-\u007f]/.test(piece)) {
        if (piece) add(piece.toLowerCase());
        continue;
      }
      for (const run of runs(fold(piece))) {
        if (run.dense) denseTerms(run.text, add);
        else if (run.text) add(run.text);
      }
    }
  }
}

/**
 * The terms a query word must all match, in order: a word gives its term; a dense run gives its
 * character pairs (or its one character).
 */
export function queryTerms(text: string): string[] {
  const out: string[] = [];
  for (const run of runs(fold(text))) {
    if (!run.dense) {
      if (run.text) out.push(run.text.length > MAX_TERM_LENGTH ? run.text.slice(0, MAX_TERM_LENGTH) : run.text);
      continue;
    }
    const chars = [...run.text];
    if (chars.length === 1) out.push(chars[0] as string);
    for (let i = 0; i + 1 < chars.length; i++) out.push((chars[i] as string) + (chars[i + 1] as string));
  }
  return out;
}

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A pattern that finds `text` (a word or a phrase) in folded note text: its words in order,
 * separated by anything that is not a letter or digit, whole words only unless `prefix` (then
 * the last word may continue). Null when the text has no words.
 */
export function phrasePattern(text: string, prefix = false): RegExp | null {
  const parts = runs(fold(text));
  if (parts.length === 0) return null;
  let source = '';
  parts.forEach((part, i) => {
    if (i > 0) {
      const previous = parts[i - 1] as TextRun;
      // Dense runs written together in the query are matched together.
      source += previous.dense && part.dense && previous.end === part.start ? '' : '[^\\p{L}\\p{N}]+';
    }
    source += [...part.text]
      .map((char, c) => {
        const literal = escapeRegex(char);
        // A word starts where no letter precedes it. Asked after its first character, so that
        // the pattern starts with a literal, which the regex engine finds fast (snippets 2× faster).
        const start = i === 0 && c === 0 && !part.dense ? `(?<![\\p{L}\\p{N}\\p{M}]${literal})` : '';
        return `${literal}${start}\\p{M}*`;
      })
      .join('');
  });
  const last = parts[parts.length - 1] as TextRun;
  if (!last.dense && !prefix) source += '(?![\\p{L}\\p{N}])';
  return new RegExp(source, 'gu');
}
