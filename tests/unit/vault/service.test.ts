import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlexusEvent } from '../../../shared/api';
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
