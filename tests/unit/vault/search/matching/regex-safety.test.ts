import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../../../shared/api';
import { PlexusError } from '../../../../../shared/errors';
import { SearchRegex, searchRegex } from '../../../../../vault/search/matching/regex';
import { VaultService } from '../../../../../vault/service';
import { Vault } from '../../../../../vault/files/vault';
import { VaultIndex } from '../../../../../vault/index/vault-index';
import { removeTempDirs, tempDir } from '../../../helpers/temp-vault';

// Issue 13 item 10: a catastrophic regex blocked the engine for minutes (the time budget was
// checked between notes, never inside one RegExp.exec), reported "0 notes matched" as if
// complete, and 1,999 "(" overflowed the parser's stack. These reproduce the attacks as found.

afterEach(() => removeTempDirs());

const bin = resolve(import.meta.dirname, '../../../../../bin/plexus.js');
/** The line of the report: 35 `a` and a `!` (each extra `a` doubled the time). */
const EVIL_LINE = `${'a'.repeat(35)}!`;

async function vaultWith(notes: Record<string, string>): Promise<string> {
  const dir = await tempDir();
  for (const [path, text] of Object.entries(notes)) await fs.writeFile(join(dir, path), text);
  return dir;
}

async function service(notes: Record<string, string>): Promise<VaultService> {
  return VaultService.open(await vaultWith(notes), { host: 'browser', watch: false, worker: null });
}

async function refusal(run: () => Promise<unknown>): Promise<PlexusError> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlexusError);
  return error as PlexusError;
}

describe('catastrophic regexes answer promptly and completely (issue 13 item 10)', () => {
  it('/(a+)+$/ over a line of 35 a and a ! answers, finding exactly the note that matches', async () => {
    const api = await service({
      'evil.md': `# Evil\n\n${EVIL_LINE}\n`,
      'plain.md': 'Some words\naaa\nmore words\n',
      'other.md': 'Nothing to see here.\n',
    });
    try {
      const result = await api.search({ query: '/(a+)+$/' });
      expect(result.truncated).toBeFalsy();
      expect(result.total).toBe(1);
      expect(result.hits.map((h) => h.path)).toEqual(['plain.md']);
      // Highlighting runs the same regex (by RE2 too): the "aaa" line, marked whole.
      expect(result.hits[0]?.matches).toContainEqual(
        expect.objectContaining({ line: 2, text: 'aaa', ranges: [[0, 3]] }),
      );
    } finally {
      await api.close();
    }
  });

  it('/(a+)+b/ on a 30-byte note answers: no match there, and not reported as a complete "0" falsely', async () => {
    const api = await service({
      'thirty.md': 'a'.repeat(30),
      'has-b.md': 'xx aaab yy\n',
    });
    try {
      const result = await api.search({ query: '/(a+)+b/' });
      expect(result.truncated).toBeFalsy();
      expect(result.hits.map((h) => h.path)).toEqual(['has-b.md']);
      expect(result.hits[0]?.matches[0]).toMatchObject({ text: 'xx aaab yy', ranges: [[3, 7]] });
      // Inside line:( ) the regex runs per line, by RE2 as well.
      const inLine = await api.search({ query: `line:(/(a+)+$/)` });
      expect(inLine.hits.map((h) => h.path)).toEqual(['thirty.md']);
      expect(inLine.truncated).toBeFalsy();
    } finally {
      await api.close();
    }
  });

  it('refuses backreferences and lookaround with a clear message', async () => {
    const api = await service({ 'a.md': 'abab\n' });
    try {
      for (const regex of ['/(ab)\\1/', '/(?<x>a)\\k<x>/', '/a(?=b)/', '/a(?!c)/', '/(?<=a)b/', '/(?<!c)b/']) {
        const error = await refusal(() => api.search({ query: regex }));
        expect(error.code).toBe('BAD_QUERY');
        expect(error.message).toMatch(/^Search regexes cannot use backreferences or lookaround .*: \//);
      }
      // The same characters inside a class are just characters.
      expect((await api.search({ query: '/[(?=!]b/' })).total).toBe(0);
    } finally {
      await api.close();
    }
  });

  it('1,999 "(" give a clear error, not a stack overflow; 100 levels still parse', async () => {
    const api = await service({ 'a.md': 'alpha beta\n' });
    try {
      for (const query of ['('.repeat(1999), `${'('.repeat(1999)}alpha${')'.repeat(1999)}`, '-('.repeat(5000)]) {
        const error = await refusal(() => api.search({ query }));
        expect(error.code).toBe('BAD_QUERY');
        expect(error.message).toBe('The query nests groups too deeply (more than 100 levels)');
      }
      const deep = await api.search({ query: `${'('.repeat(100)}alpha${')'.repeat(100)}` });
      expect(deep.hits.map((h) => h.path)).toEqual(['a.md']);
    } finally {
      await api.close();
    }
  });

  it('regexes nested deeply or huge give a clear error, or an answer, never a stack overflow', async () => {
    const api = await service({ 'a.md': 'alpha beta w777\n' });
    try {
      // 5,000 nested groups, and a huge alternation: too long to compile.
      for (const source of [
        `${'('.repeat(5000)}a${')'.repeat(5000)}`,
        Array.from({ length: 20_000 }, (_, i) => `w${i}`).join('|'),
      ]) {
        const error = await refusal(() => api.search({ query: `/${source}/` }));
        expect(error.code).toBe('BAD_QUERY');
        expect(error.message).toMatch(/^The regular expression is too long \([\d,]+ characters; at most 2,000\)\.$/);
      }
      // As deep as the length allows: RE2 answers (999 groups round a literal) or says it nests too
      // deeply (999 groups round two nodes: 1,001 levels).
      const deep = await api.search({ query: `/${'('.repeat(999)}a${')'.repeat(999)}/` });
      expect(deep.hits.map((h) => h.path)).toEqual(['a.md']);
      const tooDeep = await refusal(() => api.search({ query: `/${'('.repeat(999)}a.${')'.repeat(999)}/` }));
      expect(tooDeep.message).toMatch(/^Invalid regular expression \/\(+…\/: expression nests too deeply$/);
      const alternation = Array.from({ length: 300 }, (_, i) => `w${i}`).join('|');
      expect((await api.search({ query: `/\\b(?:${alternation})\\b/` })).hits.map((h) => h.path)).toEqual([]);
      expect((await api.search({ query: `/\\b(?:${alternation}|w777)\\b/` })).hits.map((h) => h.path)).toEqual([
        'a.md',
      ]);
      // Repeats that multiply into a huge program are refused before they run.
      const big = await refusal(() => api.search({ query: '/(?:abcdefghijklmnopqrstuvwxy){1,1000}/' }));
      expect(big.message).toMatch(/is too complex to run \([\d,]+ steps; at most 20,000\)/);
    } finally {
      await api.close();
    }
  });
});

describe('a regex check that cannot finish says so (truncated), never "no match"', () => {
  it('the budget running out inside one big note marks the answer truncated ("0 notes" is not complete)', async () => {
    // One note, 24 MB of lines: the check starts well inside the budget, and RE2 needs longer than
    // the budget to read it all, so the deadline passes between two of its slices.
    const line = 'lorem ipsum dolor sit amet, consectetur adipiscing elit\n';
    const root = await vaultWith({ 'big.md': line.repeat(Math.ceil((24 * 2 ** 20) / line.length)) });
    const index = await VaultIndex.build(await Vault.open(root), {
      cacheFile: null,
      worker: null,
      searchBudgetMs: 100,
    });
    try {
      // No literal of 3 characters: every note is read. Compiled beforehand, so the budget is spent
      // inside the note, not on compiling.
      searchRegex('q\\d{3}x');
      const result = index.search.query('/q\\d{3}x/');
      expect(result.total).toBe(0);
      expect(result.truncated).toBe(true);
    } finally {
      await index.close();
    }
  });

  it('a piece too costly to test whole is not reported as checked', () => {
    // \s can match a newline, so a match may cross lines: the text cannot be cut into slices.
    const regex = SearchRegex.compile('\\s+q\\d{3}x');
    const text = 'lorem ipsum dolor sit amet\n'.repeat(400_000);
    expect(regex.test(text)).toBeNull();
    expect(regex.test(`${text.slice(0, 1000)} q123x`)).toBe(true);
    // One line longer than a slice, with a regex too costly for its length: not checked either.
    expect(SearchRegex.compile('(?:\\w{1,20}){1,40}q').test('abc '.repeat(1_000_000))).toBeNull();
  });

  it('a deadline passed inside one text stops the test with null', () => {
    const regex = SearchRegex.compile('q\\d{3}x');
    const text = 'lorem ipsum dolor sit amet, consectetur adipiscing elit\n'.repeat(100_000);
    expect(regex.test(text, performance.now() + 2)).toBeNull();
    expect(regex.test(text)).toBe(false);
  });
});

describe('RE2 semantics the narrowing must follow', () => {
  it('case folding matches s with the long s ſ, and the index narrowing keeps such notes', async () => {
    const api = await service({ 'long-s.md': 'The ſunrise was early.\n', 'other.md': 'Nothing here.\n' });
    try {
      const result = await api.search({ query: '/sunrise/' });
      expect(result.hits.map((h) => h.path)).toEqual(['long-s.md']);
      expect(result.hits[0]?.matches[0]?.ranges).toEqual([[4, 11]]);
    } finally {
      await api.close();
    }
  });
});

describe('slices of whole lines find what the whole text holds', () => {
  it('answers as a JavaScript regex over the whole text would, with slices forced small', () => {
    // The unused alternative makes the program big, so the texts are cut into ~500-character slices.
    const padding = '|(?:Q{1,1000}Z{1,1000}W)';
    const sources = ['^ab$', 'b!$', '^$', '\\bab\\b', 'a+!', '^a', 'b\\b', 'ba', '!$', 'a{3}'];
    fc.assert(
      fc.property(
        fc.constantFrom(...sources),
        fc.array(fc.stringMatching(/^[ab! ]{0,30}$/), { minLength: 0, maxLength: 400 }),
        fc.boolean(),
        (source, lines, trailing) => {
          const text = lines.join('\n') + (trailing ? '\n' : '');
          const regex = searchRegex(`(?:${source})${padding}`);
          expect(regex.sliceable).toBe(true);
          expect(regex.test(text)).toBe(new RegExp(source, 'im').test(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reading only the lines that hold a required literal finds what the whole text holds', () => {
    const sources = ['aba', '^abb', 'bab$', '\\baab\\b', 'ab!+ba', '(?:x|y)?bba', 'a(?:b|!)ab'];
    fc.assert(
      fc.property(
        fc.constantFrom(...sources),
        fc.array(fc.stringMatching(/^[aAbB! ]{0,30}$/), { minLength: 0, maxLength: 60 }),
        (source, lines) => {
          const text = lines.join('\n');
          const regex = searchRegex(source);
          const js = new RegExp(source, 'gim');
          expect(regex.test(text, Infinity, text.toLowerCase())).toBe(new RegExp(source, 'im').test(text));
          const expected = [...text.matchAll(js)].map((m): [number, number] => [m.index, m.index + m[0].length]);
          expect(regex.ranges(text, Infinity, Infinity, text.toLowerCase())).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('plexus search on the command line', () => {
  it('/(a+)+$/ over the 36-character line finishes, with the right answer', async () => {
    const root = await vaultWith({ 'evil.md': `${EVIL_LINE}\n`, 'plain.md': 'x\naaaa\n' });
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      execFile(
        process.execPath,
        [bin, 'search', '/(a+)+$/', '--json', '--no-cache', '--vault', root],
        (error, stdout, stderr) => done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as SearchResult;
    expect(result.total).toBe(1);
    expect(result.hits.map((h) => h.path)).toEqual(['plain.md']);
    expect(result.truncated).toBeUndefined();
  });
});
