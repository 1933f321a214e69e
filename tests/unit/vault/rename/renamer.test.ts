import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PlexusError } from '../../../../shared/errors';
import { removeTempDirs, tempVault } from '../../helpers/temp-vault';
import { openRenamer, readText, snapshot } from './rename-harness';

afterEach(() => removeTempDirs());

async function setup(options = {}) {
  const root = await tempVault('rename');
  return { root, ...(await openRenamer(root, options)) };
}

async function rejection(promise: Promise<unknown>): Promise<PlexusError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlexusError);
  return error as PlexusError;
}

describe('Renamer.rename', () => {
  it('rewrites every link form, keeping alias, heading, block, embed and table escapes', async () => {
    const { root, renamer, index } = await setup();
    const report = await renamer.rename({ from: 'projects/Plan.md', to: 'projects/Road Map.md' });
    expect(await readText(root, 'index.md')).toBe(
      [
        '# Index',
        '',
        '- [[Road Map]]',
        '- [[Road Map|the plan]] and [[Road Map | The Plan]]',
        '- [[Road Map#Goals]], [[Road Map#^b1]], ![[Road Map]]',
        '- [text](projects/Road%20Map.md) and [goals](projects/Road%20Map.md#Goals)',
        '- [[projects/Road Map]] and [[Road Map.md]]',
        '- [[Ideas]] stays.',
        '',
        '| what | link |',
        '| --- | --- |',
        '| plan | [[Road Map\\|alias]] |',
        '',
      ].join('\n'),
    );
    expect(await readText(root, 'archive/deep/ref.md')).toBe(
      'Relative: [rel](../../projects/Road%20Map.md) and [[../../projects/Road Map]].\n',
    );
    expect(report).toMatchObject({ from: 'projects/Plan.md', to: 'projects/Road Map.md', dryRun: false });
    expect(report.id).toEqual(expect.any(String));
    expect(report.moved).toEqual([{ from: 'projects/Plan.md', to: 'projects/Road Map.md' }]);
    expect(report.changes.map((c) => c.path)).toEqual([
      'archive/deep/ref.md',
      'index.md',
      'people/crlf.md',
      'projects/Ideas.md',
    ]);
    expect(report.changes[1]?.edits[2]).toEqual({
      line: 4,
      before: '[[Plan | The Plan]]',
      after: '[[Road Map | The Plan]]',
    });
    expect(report).toMatchObject({ linksUpdated: 15, notesUpdated: 4 });
    // The index has followed before the report came back.
    expect(index.links.has('projects/Plan.md')).toBe(false);
    const backlinks = index.links.backlinks('projects/Road Map.md');
    expect(backlinks).toHaveLength(16); // 15 rewritten + the note's own [[#Goals]]
    expect(index.links.unresolved()).toEqual([]);
  });

  it('keeps every other byte of a CRLF note', async () => {
    const { root, renamer } = await setup();
    await renamer.rename({ from: 'projects/Plan.md', to: 'projects/Road Map.md' });
    expect(await readText(root, 'people/crlf.md')).toBe('Line one\r\nlinks [[Road Map]] here\r\nand [[Topic]].\n');
  });

  it('qualifies links with a path where the new name is ambiguous or would capture them', async () => {
    const { root, renamer, index } = await setup();
    // Topic.md at the root would capture [[Topic]] (meaning people/Topic.md): it gets a path.
    await renamer.rename({ from: 'projects/Plan.md', to: 'Topic.md' });
    expect(await readText(root, 'people/crlf.md')).toBe('Line one\r\nlinks [[Topic]] here\r\nand [[people/Topic]].\n');
    expect(index.links.backlinks('people/Topic.md').map((l) => l.source)).toEqual(['people/crlf.md']);
    expect(index.links.backlinks('Topic.md')).toHaveLength(16);
  });

  it('writes a path when the new file name is not unique', async () => {
    const { root, renamer, index } = await setup();
    await renamer.rename({ from: 'projects/Plan.md', to: 'archive/Ideas.md' });
    const text = await readText(root, 'index.md');
    expect(text).toContain('- [[archive/Ideas]]\n');
    expect(text).toContain('[[archive/Ideas | The Plan]]');
    expect(text).toContain('- [[Ideas]] stays.'); // still the root Ideas.md
    expect(text).toContain('[[archive/Ideas.md]]');
    // The moved note's own [[Ideas]] still means the root Ideas.md (an exact path beats nearness).
    expect(index.links.backlinks('Ideas.md').map((l) => l.source)).toEqual(['archive/Ideas.md', 'index.md']);
    expect(index.links.backlinks('archive/Ideas.md')).toHaveLength(16);
  });

  it('keeps relative links inside the moved note pointing at the same files', async () => {
    const { root, renamer, index } = await setup();
    await renamer.rename({ from: 'projects/Plan.md', to: 'archive/deep/Plan.md' });
    const text = await readText(root, 'archive/deep/Plan.md');
    expect(text).toContain('Up to the [index](../../index.md) and the [[Ideas]] next door.');
    expect(text).toContain('See [[#Goals]].');
    expect(await readText(root, 'archive/deep/ref.md')).toBe('Relative: [rel](Plan.md) and [[./Plan]].\n');
    expect(index.links.outgoing('archive/deep/Plan.md').map((l) => l.resolved)).toEqual([
      'index.md',
      'Ideas.md',
      'archive/deep/Plan.md',
    ]);
  });

  it('renames a folder, rewriting links to every note inside it', async () => {
    const { root, renamer, index } = await setup();
    const report = await renamer.rename({ from: 'projects', to: 'archive/Projects' });
    expect(report.moved).toEqual([
      { from: 'projects', to: 'archive/Projects' },
      { from: 'projects/Ideas.md', to: 'archive/Projects/Ideas.md' },
      { from: 'projects/Plan.md', to: 'archive/Projects/Plan.md' },
    ]);
    const text = await readText(root, 'index.md');
    expect(text).toContain('- [[Plan]]\n'); // still unique: unchanged
    expect(text).toContain('[text](archive/Projects/Plan.md) and [goals](archive/Projects/Plan.md#Goals)');
    expect(text).toContain('[[archive/Projects/Plan]]');
    expect(await readText(root, 'archive/deep/ref.md')).toBe(
      'Relative: [rel](../Projects/Plan.md) and [[../Projects/Plan]].\n',
    );
    expect(await readText(root, 'archive/Projects/Plan.md')).toContain('[index](../../index.md)');
    expect(index.links.backlinks('archive/Projects/Plan.md')).toHaveLength(16);
    expect(index.links.unresolved()).toEqual([]);
  });

  it('renames with a case-only change, rewriting the spelling of links', async () => {
    const { root, renamer, index } = await setup();
    await renamer.rename({ from: 'projects/Plan.md', to: 'projects/plan.md' });
    expect((await fs.readdir(join(root, 'projects'))).sort()).toEqual(['Ideas.md', 'plan.md']);
    const text = await readText(root, 'index.md');
    expect(text).toContain('- [[plan|the plan]] and [[plan | The Plan]]');
    expect(text).toContain('[text](projects/plan.md)');
    expect(index.links.backlinks('projects/plan.md')).toHaveLength(16);
  });

  it('dry run reports every change and writes nothing', async () => {
    const { root, renamer, index } = await setup();
    const before = await snapshot(root);
    const report = await renamer.rename({ from: 'projects/Plan.md', to: 'projects/Road Map.md', dryRun: true });
    expect(report).toMatchObject({ id: null, dryRun: true, linksUpdated: 15, notesUpdated: 4 });
    expect(await snapshot(root)).toEqual(before);
    expect(index.links.has('projects/Plan.md')).toBe(true);
  });

  it('refuses a name a wiki link cannot spell, changing nothing', async () => {
    const { root, renamer } = await setup();
    const before = await snapshot(root);
    const error = await rejection(renamer.rename({ from: 'projects/Plan.md', to: 'projects/Plan #2.md' }));
    expect(error.code).toBe('INVALID_NAME');
    expect(error.message).toContain('cannot be rewritten');
    expect(await snapshot(root)).toEqual(before);
  });

  it('refuses an existing destination, a missing source and a move into itself', async () => {
    const { renamer } = await setup();
    expect((await rejection(renamer.rename({ from: 'projects/Plan.md', to: 'Ideas.md' }))).code).toBe('ALREADY_EXISTS');
    expect((await rejection(renamer.rename({ from: 'nope.md', to: 'x.md' }))).code).toBe('NOT_FOUND');
    expect((await rejection(renamer.rename({ from: 'projects', to: 'projects/sub' }))).code).toBe('INVALID_ARGUMENT');
    expect((await rejection(renamer.rename({ from: '../x.md', to: 'x.md' }))).code).toBe('UNSAFE_PATH');
  });

  it('leaves every file byte-identical when the 3rd write fails', async () => {
    const { root, renamer, index } = await setup({
      beforeWrite: (_path: string, n: number) => {
        if (n === 3) throw new Error('disk on fire');
      },
    });
    const before = await snapshot(root);
    const error = await rejection(renamer.rename({ from: 'projects/Plan.md', to: 'projects/Road Map.md' }));
    expect(error.message).toContain('disk on fire');
    expect(error.message).toContain('every file was put back');
    expect(await snapshot(root)).toEqual(before);
    await index.idle();
    expect(index.links.backlinks('projects/Plan.md')).toHaveLength(16);
  });

  it('fails cleanly when a note changes between planning and its write', async () => {
    const { root, renamer } = await setup({
      beforeWrite: async (_path: string, n: number) => {
        if (n === 1) await fs.appendFile(join(root, 'projects/Ideas.md'), 'edited elsewhere\n');
      },
    });
    const before = await snapshot(root);
    const error = await rejection(renamer.rename({ from: 'projects/Plan.md', to: 'projects/Road Map.md' }));
    expect(error.code).toBe('CONFLICT');
    const after = await snapshot(root);
    // Everything is as it was, except the edit made elsewhere, which is kept.
    expect({ ...after, 'projects/Ideas.md': '' }).toEqual({ ...before, 'projects/Ideas.md': '' });
    expect(await readText(root, 'projects/Ideas.md')).toContain('Back to [[Plan]].\nedited elsewhere\n');
  });
});

describe('Renamer.undo', () => {
  it('restores every file byte for byte and moves the note back', async () => {
    const { root, renamer, index } = await setup();
    const before = await snapshot(root);
    const report = await renamer.rename({ from: 'projects', to: 'new/place/Projects' });
    expect(await snapshot(root)).not.toEqual(before);
    const undone = await renamer.undo(report.id as string);
    expect(await snapshot(root)).toEqual(before);
    expect(undone).toMatchObject({ from: 'new/place/Projects', to: 'projects', linksUpdated: report.linksUpdated });
    // The folders the move created are gone again.
    expect((await fs.readdir(root)).sort()).toEqual(['Ideas.md', 'archive', 'index.md', 'people', 'projects']);
    expect(undone.changes.map((c) => c.path)).toContain('projects/Plan.md');
    expect(index.links.backlinks('projects/Plan.md')).toHaveLength(16);
    // An id undoes once.
    expect((await rejection(renamer.undo(report.id as string))).code).toBe('NOT_FOUND');
  });

  it('refuses after a rewritten note was edited, and does nothing', async () => {
    const { root, renamer } = await setup();
    const report = await renamer.rename({ from: 'projects/Plan.md', to: 'projects/Road Map.md' });
    await fs.appendFile(join(root, 'index.md'), 'A later edit.\n');
    const edited = await snapshot(root);
    const error = await rejection(renamer.undo(report.id as string));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('index.md');
    expect(await snapshot(root)).toEqual(edited);
  });
});
