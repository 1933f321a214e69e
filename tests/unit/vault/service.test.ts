import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlexusEvent } from '../../../shared/api';
import { dispatch } from '../../../shared/rpc/dispatch';
import { PlexusError } from '../../../shared/errors';
import { VaultService } from '../../../vault/service';
import { removeTempDirs, tempVault } from '../helpers/temp-vault';

let service: VaultService;
let events: PlexusEvent[];

beforeEach(async () => {
  events = [];
  service = await VaultService.open(await tempVault('linked'), { host: 'browser', watch: false, worker: null });
  service.onEvent((e) => events.push(e));
  await service.indexed();
});

afterEach(async () => {
  await service.close();
  await removeTempDirs();
});

describe('VaultService link requests', () => {
  it('backlinks come with their context and the link located in it', async () => {
    const backlinks = await service.backlinks({ path: 'topics/stress-hormones.md' });
    expect(backlinks.map((b) => b.source)).toEqual([
      'podcast/social-connections-and-trauma.md',
      'podcast/social-connections-and-trauma.md',
      'podcast/social-connections-and-trauma.md',
    ]);
    for (const b of backlinks) expect(b.context.text.slice(b.context.start, b.context.end)).toBe(b.link.raw);
    expect(backlinks[1]?.context.text).toContain('Regular contact with trusted people');
  });

  it('unlinked mentions find the note’s title in other notes, not its links', async () => {
    const mentions = await service.unlinkedMentions({ path: 'topics/fear-circuits.md' });
    expect(mentions.map((m) => [m.source, m.line, m.matched])).toEqual([
      ['topics/fear-extinction.md', 4, 'Fear Circuits'],
    ]);
    const context = mentions[0]?.context;
    expect(context?.text).toContain('It mentions Fear Circuits without linking');
    expect(context?.text.slice(context.start, context.end)).toBe('Fear Circuits');
    await expect(service.unlinkedMentions({ path: 'nope.md' })).rejects.toBeInstanceOf(PlexusError);
  });

  it('an edit through the API updates the index: a new link shows in backlinks and leaves unresolved', async () => {
    const note = await service.readNote({ path: 'topics/deep/amygdala.md' });
    await service.writeNote({
      path: 'topics/deep/amygdala.md',
      text: note.text + '\nNow [[morning-show]] too.\n',
      baseVersion: note.version,
    });
    await service.createNote({ path: 'morning-show.md', text: '# Morning show\n' });
    await expect
      .poll(async () => (await service.backlinks({ path: 'morning-show.md' })).map((b) => b.source))
      .toEqual(['podcast/social-connections-and-trauma.md', 'topics/deep/amygdala.md']);
    expect(await service.unresolvedLinks()).toEqual([]);
    const report = await service.indexStatus();
    expect(report).toMatchObject({ state: 'ready', stats: { notes: 10, unresolved: 0 } });
    expect(report.problems.map((p) => p.path)).toEqual(['binary.md', 'broken-yaml.md', 'latin1.md']);
  });
});

describe('VaultService settings', () => {
  it('starts from the defaults, saves to <vault>/.plexus/settings.json and reads them back', async () => {
    expect(await service.getSettings()).toEqual({ newNotes: 'beside-current' });
    const saved = await service.setSettings({ settings: { newNotes: 'folder', newNotesFolder: 'inbox//' } });
    expect(saved).toEqual({ newNotes: 'folder', newNotesFolder: 'inbox' });
    expect(await service.getSettings()).toEqual(saved);
    const file = await fs.readFile(join(service.vault.root, '.plexus', 'settings.json'), 'utf8');
    expect(JSON.parse(file)).toEqual(saved);
    // The dot-folder is never listed or indexed.
    expect((await service.listFiles()).some((f) => f.path.startsWith('.plexus'))).toBe(false);
  });

  it('creating a note in a configured folder that does not exist yet creates the folder', async () => {
    await service.setSettings({ settings: { newNotes: 'folder', newNotesFolder: 'inbox/today' } });
    await service.createNote({ path: 'inbox/today/Fresh.md', text: '' });
    const listed = (await service.listFiles()).map((f) => [f.path, f.kind]);
    expect(listed).toEqual(
      expect.arrayContaining([
        ['inbox', 'folder'],
        ['inbox/today', 'folder'],
        ['inbox/today/Fresh.md', 'file'],
      ]),
    );
  });

  it.each([
    [{ settings: { newNotes: 'folder', newNotesFolder: '../outside' } }, 'UNSAFE_PATH'],
    [{ settings: { newNotes: 'folder', newNotesFolder: 'a/.hidden' } }, 'UNSAFE_PATH'],
    [{ settings: { newNotes: 'folder', newNotesFolder: 'topics/fear-circuits.md' } }, 'INVALID_ARGUMENT'],
    [{ settings: { newNotes: 'folder', newNotesFolder: '' } }, 'INVALID_ARGUMENT'],
    [{ settings: { newNotes: 'folder' } }, 'INVALID_ARGUMENT'],
    [{ settings: { newNotes: 'somewhere' } }, 'INVALID_ARGUMENT'],
    [{ settings: { newNotes: 'vault-root' }, extra: true }, 'INVALID_ARGUMENT'],
    [{}, 'INVALID_ARGUMENT'],
  ])('setSettings(%j) is refused with %s and changes nothing', async (args, code) => {
    const response = await dispatch(service, 'setSettings', args);
    expect(response).toMatchObject({ ok: false, error: { code } });
    expect(await service.getSettings()).toEqual({ newNotes: 'beside-current' });
    await expect(fs.access(join(service.vault.root, '.plexus', 'settings.json'))).rejects.toThrow();
  });

  it('getSettings takes no arguments', async () => {
    expect(await dispatch(service, 'getSettings', { path: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect(await dispatch(service, 'getSettings', {})).toEqual({ ok: true, result: { newNotes: 'beside-current' } });
  });
});
