/**
 * The literal words every match of a search regex must contain, so the index can narrow a regex
 * search to the notes holding them instead of reading every note. Conservative by construction:
 * whatever it cannot read for certain (alternation, groups, classes, escapes) only ends a run of
 * literal characters, and a shorter required run is still required. Runs are lower-case ASCII
 * letters and digits: such a character matches itself in either case, and in the index it always
 * sits inside one term. (RE2's case folding also matches K with the Kelvin sign, which the index
 * folds to k, and s with the long s ſ, which Vocabulary.containing looks for.) The syntax is RE2's
 * as well as JavaScript's: `\p{Greek}`, `\x{41}` and `\Q…\E` are skipped whole.
 */

/** Shorter runs match too many terms to be worth looking up. */
const MIN_LITERAL = 3;

/**
 * Runs of ASCII letters and digits, lower-cased, that every match of the regex `source` contains
 * (at least MIN_LITERAL long, longest first); empty when none is certain.
 */
export function requiredLiterals(source: string): string[] {
  const runs: string[] = [];
  let run = '';
  const end = () => {
    if (run.length >= MIN_LITERAL) runs.push(run);
    run = '';
  };
  let i = 0;
  while (i < source.length) {
    const char = source[i] as string;
    // A top-level alternative: no literal is common to every match (not worth finding out).
    if (char === '|') return [];
    if (char === '\\') {
      end();
      i = skipEscape(source, i);
    } else if (char === '[') {
      end();
      i = skipClass(source, i);
    } else if (char === '(') {
      end();
      i = skipGroup(source, i);
      if (i < 0) return [];
    } else if (/[a-zA-Z0-9]/.test(char)) {
      const quantifier = quantifierAt(source, i + 1);
      if (quantifier) {
        // x? x* x{0,…}: the character may be absent; x+ x{2}: present, but the run cannot go on.
        if (quantifier.min > 0) run += char.toLowerCase();
        end();
        i = quantifier.end;
        continue;
      }
      run += char.toLowerCase();
      i++;
      continue;
    } else {
      end();
      i++;
    }
    // Whatever was skipped may be quantified: the quantifier is skipped with it.
    i = quantifierAt(source, i)?.end ?? i;
  }
  end();
  return [...new Set(runs)].sort((a, b) => b.length - a.length);
}

/**
 * After an escape at `at`: `\x41`, `\x{41}`, `\u0041`, `\u{41}`, `\cA`, `\k<name>`, `\p{L}`, `\pL`,
 * `\Q…\E` and one-character ones.
 */
function skipEscape(source: string, at: number): number {
  const kind = source[at + 1];
  if (kind === 'Q') {
    const end = source.indexOf('\\E', at + 2);
    return end < 0 ? source.length : end + 2;
  }
  if ((kind === 'x' || kind === 'p' || kind === 'P') && source[at + 2] === '{')
    return source.indexOf('}', at) + 1 || source.length;
  if (kind === 'p' || kind === 'P') return at + 3;
  if (kind === 'x') return at + 4;
  if (kind === 'u') return source[at + 2] === '{' ? source.indexOf('}', at) + 1 || source.length : at + 6;
  if (kind === 'c') return at + 3;
  if (kind === 'k' && source[at + 2] === '<') return source.indexOf('>', at) + 1 || source.length;
  return at + 2;
}

/** After the character class opening at `at` (`]` right after `[` or `[^` closes it, as in JS). */
function skipClass(source: string, at: number): number {
  for (let i = at + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i + 1;
  }
  return source.length;
}

/** After the group opening at `at`, nested groups and classes included; -1 when it never closes. */
function skipGroup(source: string, at: number): number {
  let depth = 0;
  for (let i = at; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') i++;
    else if (char === '[') i = skipClass(source, i) - 1;
    else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

/** A quantifier starting at `at` (with its lazy `?`): the least it repeats, and where it ends. */
function quantifierAt(source: string, at: number): { min: number; end: number } | null {
  const char = source[at];
  let min: number;
  let end: number;
  if (char === '*' || char === '?') [min, end] = [0, at + 1];
  else if (char === '+') [min, end] = [1, at + 1];
  else if (char === '{') {
    const braces = /^\{(\d+)(,\d*)?\}/.exec(source.slice(at));
    if (!braces) return null;
    [min, end] = [Number(braces[1]), at + braces[0].length];
  } else return null;
  if (source[end] === '?') end++;
  return { min, end };
}
