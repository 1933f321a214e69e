import fc from 'fast-check';
import { promises as fs } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NoteMeta } from '../../../../shared/note-meta';
import { LinkIndex } from '../../../../vault/links/link-index';
import { scanBytes } from '../../../../vault/scan/scan';
import { removeTempDirs, tempDir } from '../../helpers/temp-vault';
import { openRenamer, snapshot } from './rename-harness';

afterEach(() => removeTempDirs());

const FOLDERS = ['', 'a', 'b', 'a/c', 'Sub Dir'];
const NAMES = ['Note', 'note two', 'Alpha', 'x', 'Ünï', 'v1.2'];

type Spec = { folder: number; name: number };
type LinkSpec = { form: number; target: number; alias: number };

const fileSpec = fc.record({ folder: fc.nat(FOLDERS.length - 1), name: fc.nat(NAMES.length - 1) });
const linkSpec = fc.record({ form: fc.nat(15), target: fc.nat(20), alias: fc.nat(2) });
const vaultSpec = fc
  .uniqueArray(
    fc.record({ file: fileSpec, lines: fc.array(fc.option(linkSpec, { nil: null, freq: 4 }), { maxLength: 8 }) }),
    { minLength: 2, maxLength: 7, selector: (n) => pathOf(n.file).toLowerCase() },
  )
  .chain((notes) =>
    fc.record({
      notes: fc.constant(notes),
      renamed: fc.nat(notes.length - 1),
      mode: fc.constantFrom('note', 'note', 'folder', 'case'),
      to: fileSpec,
      failAt: fc.constantFrom(0, 0, 0, 1, 3),
    }),
  );

function pathOf(spec: Spec): string {
  const folder = FOLDERS[spec.folder] as string;
  const name = `${NAMES[spec.name]}.md`;
  return folder ? `${folder}/${name}` : name;
}

const swapCase = (name: string) =>
  [...name].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
const stem = (path: string) => path.replace(/\.md$/, '');
const base = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const encode = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/** `path` relative to the folder of `from`, as a markdown tool writes it. */
function relative(from: string, path: string): string {
  const up = from.split('/').slice(0, -1);
  const to = path.split('/');
  while (up.length > 0 && to.length > 1 && up[0] === to[0]) {
    up.shift();
    to.shift();
  }
  return '../'.repeat(up.length) + to.join('/');
}

/** One line of a note: a link of one of many forms (to a note of the vault, or to none). */
function line(source: string, spec: LinkSpec | null, paths: string[]): string {
  if (!spec) return 'Some text with a | pipe and #tag.';
  const target = paths[spec.target % paths.length] as string;
  const name = spec.target >= 18 ? 'Missing' : stem(base(target));
  const alias = ['alias', 'The Alias', 'x|y'][spec.alias] as string;
  switch (spec.form) {
    case 0:
      return `See [[${name}]].`;
    case 1:
      return `See [[${name}|${alias}]] and more.`;
    case 2:
      return `A [[${name} | ${alias}]] with spaces.`;
    case 3:
      return `Heading [[${name}#Goals]] and block [[${name}#^b1]].`;
    case 4:
      return `Embed: ![[${name}]]`;
    case 5:
      return `Path [[${stem(target)}]] and [[${target}]].`;
    case 6:
      return `Markdown [the text](${encode(target)}) here.`;
    case 7:
      return `Relative [up](${encode(relative(source, target))}#Goals).`;
    case 8:
      return `| col | link |\n| --- | --- |\n| a | [[${name}\\|${alias}]] |\n`;
    case 9:
      return `Dot [[./${name}]] and [[../${name}]].`;
    case 10:
      return `Self [[#Goals]].`;
    case 11:
      return `Angle [t](<${target}>) and ![img](${encode(target)}).`;
    case 12:
      return `Name only [n](${encode(base(target))}).`;
    default:
      return `Twice [[${name}]] [[${name}#Goals|${alias}]].`;
  }
}

async function writeVault(root: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await fs.mkdir(dirname(join(root, path)), { recursive: true });
    await fs.writeFile(join(root, path), text);
  }
}

/** A fresh scan of every note with the real scanner, and a fresh index over them. */
function scanAll(files: Record<string, string>): { metas: Map<string, NoteMeta>; index: LinkIndex } {
  const metas = new Map<string, NoteMeta>();
  for (const [path, text] of Object.entries(files)) {
    if (path.endsWith('.md')) metas.set(path, scanBytes(path, Buffer.from(text)));
  }
  const attachments = Object.keys(files).filter((p) => !p.endsWith('.md'));
  return { metas, index: LinkIndex.from(metas.values(), attachments) };
}

async function readAll(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [path, b64] of Object.entries(await snapshot(root))) out[path] = Buffer.from(b64, 'base64').toString();
  return out;
}

/** The text between links, in order: what must not change. */
function between(text: string, meta: NoteMeta): string[] {
  const parts: string[] = [];
  let at = 0;
  for (const link of meta.links) {
    parts.push(text.slice(at, link.start));
    at = link.end;
  }
  parts.push(text.slice(at));
  return parts;
}

describe('rename (property)', () => {
  it('keeps every link leading where it led, moves the renamed files, changes nothing else; undo restores', async () => {
    await fc.assert(
      fc.asyncProperty(vaultSpec, async ({ notes, renamed, mode, to, failAt }) => {
        const paths = notes.map((n) => pathOf(n.file));
        const files: Record<string, string> = {};
        notes.forEach((note, i) => {
          const source = paths[i] as string;
          const body = note.lines.map((spec) => line(source, spec, paths)).join('\n');
          files[source] = `# ${base(source)}\n\n${body}\n\n## Goals\n\nText. ^b1\n`;
        });
        files['a/image.png'] = 'not really a png';

        // Rename a note, the folder it is in, or change the case of its name.
        const note = paths[renamed] as string;
        const slash = note.lastIndexOf('/');
        const renameFolder = mode === 'folder' && slash > 0;
        const from = renameFolder ? note.slice(0, slash) : note;
        const target = renameFolder
          ? (FOLDERS[to.folder] || 'z') + '/moved'
          : mode === 'case'
            ? note.slice(0, slash + 1) + swapCase(stem(base(note))) + '.md'
            : pathOf(to);
        const taken = Object.keys(files).some(
          (p) => p.toLowerCase() === target.toLowerCase() || p.toLowerCase().startsWith(target.toLowerCase() + '/'),
        );
        const caseOnly = target !== from && target.toLowerCase() === from.toLowerCase();
        fc.pre(target !== from && (!taken || caseOnly) && !target.startsWith(from + '/'));

        const root = await tempDir();
        await writeVault(root, files);
        const before = await snapshot(root);
        const { renamer, index } = await openRenamer(root, {
          beforeWrite: (_path, n) => {
            if (n === failAt) throw new Error('injected failure');
          },
        });
        const mapPath = (p: string) => (p === from || p.startsWith(from + '/') ? target + p.slice(from.length) : p);

        const dry = await renamer.rename({ from, to: target, dryRun: true });
        expect(await snapshot(root)).toEqual(before);
        const failing = failAt > 0 && dry.notesUpdated >= failAt;
        if (failing) {
          await expect(renamer.rename({ from, to: target })).rejects.toThrow('injected failure');
          expect(await snapshot(root)).toEqual(before);
          return;
        }
        const report = await renamer.rename({ from, to: target });
        expect({ ...report, id: null }).toEqual({ ...dry, dryRun: false });

        const after = await readAll(root);
        expect(Object.keys(after).sort()).toEqual(Object.keys(files).map(mapPath).sort());
        const old = scanAll(files);
        const now = scanAll(after);
        let changed = 0;
        for (const [path, meta] of old.metas) {
          const newPath = mapPath(path);
          const next = now.metas.get(newPath) as NoteMeta;
          expect(next.links).toHaveLength(meta.links.length);
          // Not a byte changes outside the links.
          expect(between(after[newPath] as string, next)).toEqual(between(files[path] as string, meta));
          meta.links.forEach((link, i) => {
            const edited = next.links[i]!;
            const was = old.index.resolve(link.target, path, link.style);
            if (edited.raw !== link.raw) changed++;
            expect([edited.alias, edited.headings, edited.block, edited.embed, edited.style]).toEqual([
              link.alias,
              link.headings,
              link.block,
              link.embed,
              link.style,
            ]);
            if (was === null) expect(edited.raw).toBe(link.raw);
            else expect(now.index.resolve(edited.target, newPath, edited.style)).toBe(mapPath(was));
          });
        }
        expect(report.linksUpdated).toBe(changed);
        // The engine's index agrees with a fresh one.
        expect(index.links.snapshot()).toEqual(now.index.snapshot());

        await renamer.undo(report.id as string);
        expect(await snapshot(root)).toEqual(before);
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
