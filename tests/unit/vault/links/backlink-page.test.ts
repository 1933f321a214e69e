import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LinkInfo } from '../../../../shared/api';
import { dispatch } from '../../../../shared/rpc/dispatch';
import { backlinkPage } from '../../../../vault/links/backlink-page';
import { VaultService } from '../../../../vault/service';
import { removeTempDirs, tempDir } from '../../helpers/temp-vault';

afterEach(removeTempDirs);

const link = (source: string, start: number) => ({ source, link: { start } }) as unknown as LinkInfo;

describe('backlinkPage: a page of backlinks by source note', () => {
  const links = [
    link('a.md', 1),
    link('a.md', 9),
    link('b.md', 1),
    link('hub.md', 3),
    link('c.md', 1),
    link('c.md', 5),
  ];

  it('counts every other note’s links, and pages whole notes', () => {
    const first = backlinkPage(links, 'hub.md', 0, 2);
    expect(first).toMatchObject({ total: 5, notes: 3, next: 2 });
    expect(first.links.map((l) => `${l.source}@${l.link.start}`)).toEqual(['a.md@1', 'a.md@9', 'b.md@1']);
    const last = backlinkPage(links, 'hub.md', 2, 2);
    expect(last).toMatchObject({ total: 5, notes: 3, next: null });
    expect(last.links.map((l) => `${l.source}@${l.link.start}`)).toEqual(['c.md@1', 'c.md@5']);
  });

  it('leaves out the note’s links to itself, and answers an offset past the end with nothing', () => {
    expect(backlinkPage([link('hub.md', 1)], 'hub.md', 0, 10)).toEqual({ total: 0, notes: 0, links: [], next: null });
    expect(backlinkPage(links, 'hub.md', 50, 10)).toMatchObject({ total: 5, links: [], next: null });
  });
});

describe('VaultService.backlinkPage', () => {
  it('reads only a page of a hub note’s backlinks, each with its context', { timeout: 30_000 }, async () => {
    const root = await tempDir();
    await fs.writeFile(join(root, 'hub.md'), 'See [[hub]] itself.\n');
    for (let i = 0; i < 120; i++)
      await fs.writeFile(join(root, `n${String(i).padStart(3, '0')}.md`), `Note ${i} points at [[hub]] here.\n`);
    const service = await VaultService.open(root, { host: 'browser', watch: false, worker: null });
    try {
      const page = await service.backlinkPage({ path: 'hub.md', limit: 50 });
      expect(page).toMatchObject({ total: 120, notes: 120, next: 50 });
      expect(page.links).toHaveLength(50);
      expect(page.links[0]).toMatchObject({ source: 'n000.md', context: { text: 'Note 0 points at [[hub]] here.' } });
      const rest = await service.backlinkPage({ path: 'hub.md', offset: 100, limit: 50 });
      expect(rest.links.map((l) => l.source)).toEqual(Array.from({ length: 20 }, (_, i) => `n${100 + i}.md`));
      expect(rest.next).toBeNull();
      for (const args of [
        { path: 'hub.md', limit: 0 },
        { path: 'hub.md', limit: 100_000 },
        { path: 'hub.md', offset: -1 },
        { path: 'hub.md', offset: 1.5 },
        { path: '../hub.md' },
      ]) {
        expect(await dispatch(service, 'backlinkPage', args)).toMatchObject({ ok: false });
      }
    } finally {
      await service.close();
    }
  });
});
