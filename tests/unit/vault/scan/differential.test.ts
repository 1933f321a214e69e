/**
 * The fast scanner (vault/scan/scan.ts) against the remark oracle (tests/oracle/), fact by fact:
 * links, headings, block ids, tags, title and aliases, on the fixtures, a synthetic vault and
 * (when present) a real one. A mismatch is reported as its path and first differing fact, grouped
 * by class, so a failure reads as a to-do list rather than a giant diff.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { noteMetaFromMarkdown } from '../../../oracle/note-meta-from-markdown';
import { parseMarkdown } from '../../../../shared/markdown/parse-markdown';
import { plainText } from '../../../../shared/markdown/plain-text';
import type { NoteMeta } from '../../../../shared/note-meta';
import { scanNote } from '../../../../vault/scan/scan';
import { decodeNote } from '../../../../vault/files/text-format';
import { generateVault } from '../../../helpers/synthetic-vault';

const repo = fileURLToPath(new URL('../../../..', import.meta.url));
const CORPUS = resolve(repo, '../shared/corpora/obsidian-hub');

/**
 * remark reads about 0.5–1 MB/s (slower under vitest, which loads micromark's checked development
 * build), so the 15 MB corpus is sampled to keep this file near 30 s: one note in CORPUS_EVERY,
 * in sorted path order, the same notes on every run. `PLEXUS_CORPUS_EVERY=1` compares them all
 * (about 30 s more).
 */
const CORPUS_EVERY = Math.max(1, Number(process.env.PLEXUS_CORPUS_EVERY ?? 3) || 3);

type Note = { path: string; text: string };

// ── deliberate differences, normalised here and only here ──────────────────────────────────────

/**
 * The facts as compared. Every deliberate difference between the two readers is removed here,
 * each with its reason; anything else that differs is a bug in one of them.
 *
 * 1. Heading text: the scanner keeps a heading's source text (`Using \`x\` with [[a|b]]`), which
 *    is cheap and is what a `[[note#…]]` link is written against; the oracle reads it as plain
 *    text (`Using x with b`), what a reader sees. The scanner's text is compared after reading
 *    it the oracle's way. The title falls back to the first H1, so it follows suit.
 * 2. A markdown link's alias, for the same reason: the scanner keeps the label's source
 *    (`**b** &amp; c`, as a wiki link's alias is kept), the oracle its plain text (`b & c`).
 */
function comparable(meta: NoteMeta, side: 'scanner' | 'oracle', text: string): Facts {
  const links = meta.links.map(({ target, headings, block, alias, style, embed, line, start, end }) => ({
    target,
    headings,
    block,
    alias,
    style,
    embed,
    line,
    start,
    end,
  }));
  const facts: Facts = {
    title: meta.title,
    aliases: meta.aliases,
    links,
    headings: meta.headings,
    blocks: meta.blocks,
    tags: meta.tags,
  };
  if (side === 'oracle') return facts;
  const plain = plainInline(text);
  const firstH1 = meta.headings.find((heading) => heading.level === 1 && heading.text !== '');
  return {
    ...facts,
    title: firstH1 !== undefined && meta.title === firstH1.text ? plain(meta.title) : meta.title,
    headings: meta.headings.map((heading) => ({ ...heading, text: plain(heading.text) })),
    links: links.map((link) =>
      link.style === 'markdown' && link.alias !== null ? { ...link, alias: plain(link.alias) || null } : link,
    ),
  };
}

/**
 * Reads inline source text as plain text, the oracle's way: each line as the content of an ATX
 * heading (so `1. x` stays text), between ". " and " ." (so a lone `#` is not taken for the
 * heading's closing sequence), followed by the note's link and footnote definitions (so `[^1]`
 * and `[a][ref]` read as they do in the note).
 */
function plainInline(noteText: string): (source: string) => string {
  let definitions: string | undefined;
  return (source) =>
    source
      .split('\n')
      .map((line) => {
        if (line.includes('[')) definitions ??= (noteText.match(/^ {0,3}\[[^\]\n]+\]:.*$/gm) ?? []).join('\n');
        const heading = parseMarkdown(`# . ${line} .\n\n${line.includes('[') ? (definitions ?? '') : ''}`).children[0];
        return heading?.type === 'heading' ? plainText(heading).slice(2, -2).trim() : line;
      })
      .join('\n');
}

type Facts = Pick<NoteMeta, 'title' | 'aliases' | 'headings' | 'blocks' | 'tags'> & {
  links: Omit<NoteMeta['links'][number], 'raw'>[];
};

// ── comparison ─────────────────────────────────────────────────────────────────────────────────

/** One disagreement: its class (for grouping), where, and what each side said. */
type Mismatch = { kind: string; path: string; line: number | null; detail: string };

function compareNote(note: Note): { mismatches: Mismatch[]; oracle: Facts } {
  const scanner = comparable(scanNote(note.path, note.text), 'scanner', note.text);
  const oracle = comparable(noteMetaFromMarkdown(note.path, note.text), 'oracle', note.text);
  const out: Mismatch[] = [];
  const add = (kind: string, line: number | null, detail: string) => out.push({ kind, path: note.path, line, detail });

  if (scanner.title !== oracle.title)
    add('title', null, `scanner ${show(scanner.title)} ≠ oracle ${show(oracle.title)}`);
  if (show(scanner.aliases) !== show(oracle.aliases))
    add('aliases', null, `scanner ${show(scanner.aliases)} ≠ oracle ${show(oracle.aliases)}`);

  // Links are matched by where they start, so one missing link does not shift all the others.
  const scannedLinks = new Map(scanner.links.map((link) => [link.start, link]));
  const oracleLinks = new Map(oracle.links.map((link) => [link.start, link]));
  for (const [start, expected] of oracleLinks) {
    const actual = scannedLinks.get(start);
    if (!actual) {
      add(
        'link missed by scanner',
        expected.line,
        `${show(sourceAt(note.text, expected.start, expected.end))} at ${start}`,
      );
      continue;
    }
    for (const field of ['target', 'headings', 'block', 'alias', 'style', 'embed', 'line', 'end'] as const) {
      if (show(actual[field]) !== show(expected[field])) {
        add(
          `link ${field}`,
          expected.line,
          `${show(sourceAt(note.text, expected.start, expected.end))}: scanner ${show(actual[field])} ≠ oracle ${show(expected[field])}`,
        );
        break;
      }
    }
  }
  for (const [start, actual] of scannedLinks) {
    if (!oracleLinks.has(start))
      add(
        'link only the scanner finds',
        actual.line,
        `${show(sourceAt(note.text, actual.start, actual.end))} at ${start}`,
      );
  }

  compareKeyed(
    out,
    note,
    'heading',
    scanner.headings,
    oracle.headings,
    (heading) => `${heading.line}`,
    (heading) => `h${heading.level} ${show(heading.text)}`,
    (heading) => heading.line,
  );
  compareKeyed(
    out,
    note,
    'block id',
    scanner.blocks,
    oracle.blocks,
    (block) => `${block.line} ${block.id}`,
    (block) => `^${block.id}`,
    (block) => block.line,
  );
  compareKeyed(
    out,
    note,
    'tag',
    scanner.tags,
    oracle.tags,
    (tag) => `${tag.line ?? 'frontmatter'} ${tag.tag}`,
    (tag) => `#${tag.tag}`,
    (tag) => tag.line,
  );
  return { mismatches: out, oracle };
}

/**
 * Compares two lists as multisets keyed by `key`: facts only one side has are reported as missed
 * or extra; facts sharing a key but differing in `describe` as changed.
 */
function compareKeyed<T>(
  out: Mismatch[],
  note: Note,
  kind: string,
  scanner: T[],
  oracle: T[],
  key: (item: T) => string,
  describe: (item: T) => string,
  line: (item: T) => number | null,
): void {
  const remaining = new Map<string, T[]>();
  for (const item of scanner) remaining.set(key(item), [...(remaining.get(key(item)) ?? []), item]);
  const unmatched: T[] = [];
  for (const expected of oracle) {
    const actual = remaining.get(key(expected))?.shift();
    if (actual === undefined) unmatched.push(expected);
    else if (describe(actual) !== describe(expected))
      out.push({
        kind: `${kind} differs`,
        path: note.path,
        line: line(expected),
        detail: `scanner ${describe(actual)} ≠ oracle ${describe(expected)}`,
      });
  }
  for (const expected of unmatched)
    out.push({ kind: `${kind} missed by scanner`, path: note.path, line: line(expected), detail: describe(expected) });
  for (const extra of [...remaining.values()].flat())
    out.push({ kind: `${kind} only the scanner finds`, path: note.path, line: line(extra), detail: describe(extra) });
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? 'undefined';
}

function sourceAt(text: string, start: number, end: number): string {
  return text.slice(start, Math.min(end, start + 120));
}

/** Compares every note; returns a readable report (empty when all agree) and how many facts were compared. */
function compareAll(notes: Note[]): { report: string; notes: number; links: number; facts: number } {
  const mismatches: Mismatch[] = [];
  let links = 0;
  let facts = 0;
  for (const note of notes) {
    const { mismatches: found, oracle } = compareNote(note);
    mismatches.push(...found);
    links += oracle.links.length;
    facts +=
      oracle.links.length +
      oracle.headings.length +
      oracle.blocks.length +
      oracle.tags.length +
      1 +
      oracle.aliases.length;
  }
  return { report: formatReport(notes, mismatches), notes: notes.length, links, facts };
}

/** Per class: how many facts in how many notes, then a few examples with their source line. */
function formatReport(notes: Note[], mismatches: Mismatch[]): string {
  if (mismatches.length === 0) return '';
  const texts = new Map(notes.map((note) => [note.path, note.text]));
  const byKind = new Map<string, Mismatch[]>();
  for (const mismatch of mismatches) byKind.set(mismatch.kind, [...(byKind.get(mismatch.kind) ?? []), mismatch]);
  const lines = [
    `${mismatches.length} mismatches in ${new Set(mismatches.map((m) => m.path)).size} of ${notes.length} notes:`,
  ];
  for (const [kind, list] of [...byKind].sort((a, b) => b[1].length - a[1].length)) {
    lines.push(`\n• ${kind}: ${list.length} in ${new Set(list.map((m) => m.path)).size} notes`);
    for (const mismatch of list.slice(0, 3)) {
      const line = mismatch.line === null ? '' : `:${mismatch.line}`;
      lines.push(`    ${mismatch.path}${line}  ${mismatch.detail}`);
      if (mismatch.line !== null)
        lines.push(`      │ ${(texts.get(mismatch.path)?.split('\n')[mismatch.line - 1] ?? '').slice(0, 160)}`);
    }
  }
  return lines.join('\n');
}

// ── the notes ──────────────────────────────────────────────────────────────────────────────────

/** Every `.md` file under `root` (dot-folders skipped, as the vault does), decoded as the editor would. */
function readNotes(root: string): Note[] {
  const notes: Note[] = [];
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.')) continue;
      const full = join(folder, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile() && entry.name.endsWith('.md')) {
        // Binary and non-UTF-8 files are not read as text (the vault reports them), so not compared.
        const bytes = readFileSync(full);
        const decoded = bytes.includes(0) ? null : decodeNote(bytes);
        if (decoded) notes.push({ path: relative(root, full).split('\\').join('/'), text: decoded.text });
      }
    }
  };
  visit(root);
  return notes;
}

function fixtureNotes(): Note[] {
  const fixtures = join(repo, 'tests/fixtures');
  return readdirSync(fixtures, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) =>
      readNotes(join(fixtures, entry.name)).map((note) => ({ ...note, path: `${entry.name}/${note.path}` })),
    );
}

// ── the tests ──────────────────────────────────────────────────────────────────────────────────

describe('scanNote agrees with the remark oracle', () => {
  it('on every note of tests/fixtures', () => {
    const result = compareAll(fixtureNotes());
    expect(result.notes).toBeGreaterThan(5);
    expect(result.report, result.report).toBe('');
  });

  it('on a synthetic vault (2,000 notes, seed 1)', () => {
    const result = compareAll(generateVault({ notes: 2000, seed: 1 }));
    expect(result.notes).toBe(2000);
    // A guard against comparing nothing: the generator writes 5–20 links per note.
    expect(result.links).toBeGreaterThan(2000 * 5);
    expect(result.report, result.report).toBe('');
  }, 60_000);

  const sample = CORPUS_EVERY === 1 ? 'every note' : `one note in ${CORPUS_EVERY}`;
  if (existsSync(CORPUS)) {
    it(`on ${sample} of ../shared/corpora/obsidian-hub`, () => {
      const result = compareAll(readNotes(CORPUS).filter((_, index) => index % CORPUS_EVERY === 0));
      expect(result.notes).toBeGreaterThan(6000 / CORPUS_EVERY);
      expect(result.links).toBeGreaterThan(result.notes);
      expect(result.report, result.report).toBe('');
    }, 90_000);
  } else {
    it.skip('on ../shared/corpora/obsidian-hub: ../shared is absent in this clone', () => {});
  }
});
