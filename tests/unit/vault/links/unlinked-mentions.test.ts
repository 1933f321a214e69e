import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findUnlinkedMentions } from '../../../../vault/links/unlinked-mentions';
import { linksIn } from '../../helpers/note-meta';

/** The mentions of `names` in `text` (links found in the text itself), as `[matched, line]`. */
function mentions(text: string, ...names: string[]): [string, number][] {
  return findUnlinkedMentions(text, names, linksIn(text)).map((m) => {
    expect(text.slice(m.start, m.end)).toBe(m.matched);
    return [m.matched, m.line];
  });
}

describe('findUnlinkedMentions', () => {
  it('finds whole words, case-insensitively, with their lines', () => {
    const text = 'Project notes\nthe project, a PROJECT.\nprojects and subproject do not count';
    expect(mentions(text, 'project')).toEqual([
      ['Project', 1],
      ['project', 2],
      ['PROJECT', 2],
    ]);
  });

  it('skips links, whatever they point at and however they are written', () => {
    const text = 'Alpha [[Alpha]] and [[other|Alpha]] and [Alpha](Alpha.md) and ![[Alpha.png]] Alpha';
    const found = findUnlinkedMentions(text, ['Alpha'], linksIn(text));
    expect(found.map((m) => m.start)).toEqual([0, text.length - 5]);
  });

  it('marks mentions on table rows, head and body, but not on text that only holds a `|`', () => {
    const text = [
      'Theta | not a table',
      '',
      '| Theta | b |',
      '| ----- | - |',
      '| x | theta |',
      '> | theta |',
      '',
      'theta after',
    ].join('\n');
    const found = findUnlinkedMentions(text, ['theta'], linksIn(text));
    expect(found.map((m) => [m.line, m.tableRow])).toEqual([
      [1, false],
      [3, true],
      [5, true],
      [6, false],
      [8, false],
    ]);
  });

  it('skips code: fenced, tilde-fenced, inline, and doubled backticks', () => {
    const text = [
      'beta here',
      '```js',
      'beta in code',
      '```',
      '~~~',
      'beta in tildes',
      '~~~',
      'inline `beta` and ``a ` beta`` but beta',
      '\\`beta\\` is not code',
    ].join('\n');
    expect(mentions(text, 'beta')).toEqual([
      ['beta', 1],
      ['beta', 8],
      ['beta', 9],
    ]);
  });

  it('treats an unclosed fence as code to the end and an unmatched backtick as text', () => {
    expect(mentions('gamma `gamma\n\n```\ngamma', 'gamma')).toEqual([
      ['gamma', 1],
      ['gamma', 1],
    ]);
  });

  it('does not let a code span cross a blank line', () => {
    expect(mentions('a `delta\n\ndelta` b', 'delta')).toEqual([
      ['delta', 1],
      ['delta', 3],
    ]);
  });

  it('skips frontmatter, but only a closed block at the very top', () => {
    expect(mentions('---\ntitle: Epsilon\naliases: [epsilon]\n---\nEpsilon body', 'epsilon')).toEqual([['Epsilon', 5]]);
    expect(mentions('---\nepsilon without an end', 'epsilon')).toEqual([['epsilon', 2]]);
    expect(mentions('text\n---\nepsilon\n---', 'epsilon')).toEqual([['epsilon', 3]]);
  });

  it('uses Unicode word boundaries', () => {
    expect(mentions('Über über überall naïve_über', 'über')).toEqual([
      ['Über', 1],
      ['über', 1],
    ]);
    expect(mentions('東京 and 東京都', '東京')).toEqual([['東京', 1]]);
    expect(mentions('café cafés cafe', 'café')).toEqual([['café', 1]]);
    expect(mentions('mot-clé (mot) mot.', 'mot')).toEqual([
      ['mot', 1],
      ['mot', 1],
      ['mot', 1],
    ]);
  });

  it('matches composed and decomposed spellings alike', () => {
    const decomposed = 'Cafe\u0301 time';
    expect(mentions(decomposed, 'Caf\u00e9')).toEqual([['Cafe\u0301', 1]]);
    expect(mentions('Caf\u00e9 time', 'Cafe\u0301')).toEqual([['Caf\u00e9', 1]]);
  });

  it('needs boundaries only where a name has word characters at its edges', () => {
    expect(mentions('C++ and C++11 and xC++', 'C++')).toEqual([
      ['C++', 1],
      ['C++', 1],
    ]);
    expect(mentions('(draft) and (draft)s', '(draft)')).toEqual([
      ['(draft)', 1],
      ['(draft)', 1],
    ]);
  });

  it('prefers the longest name, and finds a shorter one a link cuts off', () => {
    expect(mentions('Note Taking 101 and note  taking and note', 'Note', 'Note Taking')).toEqual([
      ['Note Taking', 1],
      ['note  taking', 1],
      ['note', 1],
    ]);
    expect(mentions('[[Note]] Taking', 'Note Taking', 'Taking')).toEqual([['Taking', 1]]);
  });

  it('escapes names that look like regular expressions and ignores empty ones', () => {
    expect(mentions('a.b axb [x] x', 'a.b', '[x]', '', '  ')).toEqual([
      ['a.b', 1],
      ['[x]', 1],
    ]);
    expect(mentions('anything', '', ' ')).toEqual([]);
  });

  it('never reports a mention inside a link or overlapping one', () => {
    const word = fc.constantFrom(
      'zeta',
      'Zeta',
      'zetas',
      ' ',
      '\n',
      '[[zeta]]',
      '[[x|zeta]]',
      '`zeta`',
      '[zeta](y.md)',
      '-',
      'é',
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 25 }), (words) => {
        const text = words.join('');
        const links = linksIn(text);
        for (const m of findUnlinkedMentions(text, ['zeta'], links)) {
          expect(m.matched.toLowerCase()).toBe('zeta');
          for (const l of links) expect(m.end <= l.start || m.start >= l.end).toBe(true);
          expect(text.slice(0, m.start).split('\n').length).toBe(m.line);
        }
      }),
      { numRuns: 200 },
    );
  });
});
