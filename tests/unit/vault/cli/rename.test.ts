import { afterEach, describe, expect, it } from 'vitest';
import { renameCommand } from '../../../../vault/cli/rename';
import { VaultService } from '../../../../vault/service';
import { removeTempDirs, tempVault } from '../../helpers/temp-vault';
import { readText, snapshot } from '../rename/rename-harness';

afterEach(() => removeTempDirs());

describe('renameCommand', () => {
  it('lists each change as path:line  before → after, with a summary; a dry run writes nothing', async () => {
    const root = await tempVault('rename');
    const before = await snapshot(root);
    // The engine the `plexus` command opens (without its cache here).
    const service = await VaultService.open(root, { host: 'cli', watch: false, worker: null, prefetchTexts: false });
    const dry = await renameCommand(service, 'projects/Plan.md', 'projects/Road Map.md', true);
    expect(await snapshot(root)).toEqual(before);
    expect(dry.json).toMatchObject({ dryRun: true, linksUpdated: 15, notesUpdated: 4 });
    const lines = dry.text.split('\n');
    expect(lines[0]).toBe('Would move projects/Plan.md → projects/Road Map.md');
    expect(lines).toContain('index.md:4  [[Plan | The Plan]] → [[Road Map | The Plan]]');
    expect(lines).toContain(
      'archive/deep/ref.md:1  [rel](../../projects/Plan.md) → [rel](../../projects/Road%20Map.md)',
    );
    expect(lines.at(-1)).toBe('Would update 15 links in 4 notes (dry run: nothing changed)');

    const done = await renameCommand(service, 'projects/Plan.md', 'projects/Road Map.md', false);
    expect(done.text.split('\n').at(-1)).toBe('Updated 15 links in 4 notes');
    expect(await readText(root, 'index.md')).toContain('[[Road Map|the plan]]');
    await service.close();
  });
});
