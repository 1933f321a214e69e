import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { promises as fs } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { FilesEvent } from '../../../../shared/api';
import { TEMP_PREFIX } from '../../../../vault/files/atomic-write';
import { VaultService } from '../../../../vault/service';
import { removeTempDirs, sleep, tempVault, waitFor } from '../../helpers/temp-vault';

/** A file event's size or time, where its exact value is not the point. */
const anyNumber = expect.any(Number) as number;

/** How long we listen for an echo of our own change that must not come. */
const QUIET_MS = 1500;

let dir: string;
let service: VaultService;
let events: FilesEvent[];

beforeEach(async () => {
  dir = await tempVault();
  service = await VaultService.open(dir, { host: 'browser' });
  events = [];
  service.onEvent((e) => {
    if (e.topic === 'files') events.push(e.event);
  });
});

afterEach(async () => {
  await service.close();
  await removeTempDirs();
});

const external = () => events.filter((e) => e.origin === 'external');
const app = () => events.filter((e) => e.origin === 'app');
const pathOf = (e: FilesEvent) => (e.type === 'renamed' ? e.to : e.path);

function has(expected: Partial<Record<string, unknown>>): () => boolean {
  return () =>
    events.some((e) => Object.entries(expected).every(([key, value]) => (e as Record<string, unknown>)[key] === value));
}

describe('external changes', () => {
  it('reports an external write as {type: "changed", origin: "external"}', async () => {
    await fs.writeFile(join(dir, 'alpha.md'), '# Changed elsewhere\n');
    await waitFor(has({ type: 'changed', path: 'alpha.md', origin: 'external' }), 5000, 'the changed event');
    expect(app()).toEqual([]);
  });

  it('reports a change in a nested folder with its vault path', async () => {
    await fs.appendFile(join(dir, 'notes', 'deeper', 'delta.md'), 'more\n');
    await waitFor(has({ type: 'changed', path: 'notes/deeper/delta.md', origin: 'external' }), 5000, 'the event');
  });

  it('reports an external new file as {type: "added", kind: "file", origin: "external"}', async () => {
    await fs.writeFile(join(dir, 'new.md'), '# New\n');
    await waitFor(has({ type: 'added', path: 'new.md', origin: 'external' }), 5000, 'the added event');
    expect(events.find((e) => e.type === 'added' && e.path === 'new.md')).toEqual({
      type: 'added',
      path: 'new.md',
      kind: 'file',
      origin: 'external',
      size: Buffer.byteLength('# New\n'),
      mtimeMs: anyNumber,
    });
  });

  it('reports an external new folder with kind "folder"', async () => {
    await fs.mkdir(join(dir, 'fresh'));
    await waitFor(has({ type: 'added', path: 'fresh', kind: 'folder', origin: 'external' }), 5000, 'the event');
  });

  it('reports an external delete as {type: "removed", origin: "external"}', async () => {
    await fs.unlink(join(dir, 'beta.md'));
    await waitFor(has({ type: 'removed', path: 'beta.md', origin: 'external' }), 5000, 'the removed event');
    expect(events.find((e) => e.type === 'removed' && e.path === 'beta.md')).toMatchObject({ kind: 'file' });
  });

  it('reports a note replaced by a folder of its name as removed, then a folder added, and watches in it', async () => {
    await fs.rm(join(dir, 'alpha.md'));
    await fs.mkdir(join(dir, 'alpha.md'));
    // chokidar reports this as a change of the file, or as the folder before the file's removal.
    const last = () =>
      external()
        .filter((e) => pathOf(e) === 'alpha.md')
        .at(-1);
    await waitFor(() => last()?.type === 'added', 5000, 'the folder added');
    await sleep(300);
    const seen = external().filter((e) => pathOf(e) === 'alpha.md');
    expect(seen).toContainEqual({ type: 'removed', path: 'alpha.md', kind: 'file', origin: 'external' });
    expect(seen.at(-1)).toEqual({
      type: 'added',
      path: 'alpha.md',
      kind: 'folder',
      origin: 'external',
      size: anyNumber,
      mtimeMs: anyNumber,
    });
    expect(seen.some((e) => e.type === 'changed')).toBe(false);
    await fs.writeFile(join(dir, 'alpha.md', 'inside.md'), 'x');
    await waitFor(has({ type: 'added', path: 'alpha.md/inside.md', kind: 'file' }), 5000, 'the note inside');
  });

  it('reports every folder and note another program creates in bursts of new nested folders', async () => {
    // chokidar reads a new folder, then starts watching it: what lands in between is never
    // reported. A second process creates nested folders as fast as git checkout or a sync tool.
    const count = 300;
    // Each note lands a few milliseconds after its folder: inside chokidar's window, sometimes.
    const script = `const fs = require('node:fs'); const path = require('node:path');
      const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
      (async () => {
        for (let i = 0; i < ${count}; i++) {
          const folder = path.join(process.argv[1], 'burst', 'f' + i, 'inner');
          fs.mkdirSync(folder, { recursive: true });
          await pause(i % 8);
          fs.writeFileSync(path.join(folder, 'n' + i + '.md'), 'note ' + i + '\\n');
        }
      })();`;
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, ['-e', script, dir], { stdio: 'inherit' });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer exited ${code}`))));
    });
    const expected = Array.from({ length: count }, (_, i) => [
      `burst/f${i}`,
      `burst/f${i}/inner`,
      `burst/f${i}/inner/n${i}.md`,
    ]).flat();
    const missing = () => {
      const added = new Set(
        external()
          .filter((e) => e.type === 'added')
          .map(pathOf),
      );
      return expected.filter((p) => !added.has(p));
    };
    await waitFor(() => missing().length === 0, 15_000, 'every new folder and note').catch(() => undefined);
    expect(missing()).toEqual([]);
    // …and every note is in the index: found by search.
    const indexed = async () => (await service.search({ query: 'path:burst/', limit: 1 })).total;
    for (let tries = 0; tries < 100 && (await indexed()) < count; tries++) await sleep(50);
    expect(await indexed()).toBe(count);
    // Each arrived in an order a client can apply: a folder before what it holds.
    const order = external().map(pathOf);
    for (const path of expected) {
      const parent = path.slice(0, path.lastIndexOf('/'));
      if (parent !== 'burst') expect(order.indexOf(parent)).toBeLessThan(order.indexOf(path));
    }
  });

  it('ignores dot-files, dot-folders and temp files', async () => {
    await fs.writeFile(join(dir, '.hidden.md'), 'x');
    await fs.writeFile(join(dir, '.obsidian', 'app.json'), '{"changed":true}');
    await fs.writeFile(join(dir, `${TEMP_PREFIX}abc-alpha.md`), 'x');
    await fs.mkdir(join(dir, '.git'));
    await fs.writeFile(join(dir, '.git', 'HEAD'), 'x');
    await sleep(300);
    // A sentinel change proves the watcher is alive and has caught up.
    await fs.writeFile(join(dir, 'sentinel.md'), 'x');
    await waitFor(has({ type: 'added', path: 'sentinel.md' }), 5000, 'the sentinel');
    await sleep(300);
    // (Creating a file may be reported as "added" then "changed"; both name the sentinel.)
    expect(new Set(events.map(pathOf))).toEqual(new Set(['sentinel.md']));
  });

  it('still reports an external change right after our own write of the same note', async () => {
    const { version } = await service.readNote({ path: 'alpha.md' });
    await service.writeNote({ path: 'alpha.md', text: 'ours\n', baseVersion: version });
    await sleep(500); // let any event about our own write arrive first, then forget it
    events.length = 0;
    await fs.writeFile(join(dir, 'alpha.md'), 'theirs, and longer\n');
    await waitFor(has({ type: 'changed', path: 'alpha.md', origin: 'external' }), 5000, 'the external change');
  });

  it('stops reporting once the service is closed', async () => {
    await service.close();
    await fs.writeFile(join(dir, 'alpha.md'), 'after close\n');
    await fs.writeFile(join(dir, 'late.md'), 'after close\n');
    await sleep(500);
    expect(events).toEqual([]);
  });
});

describe('our own changes are reported once, with origin "app", and never echoed', () => {
  it('writeNote', async () => {
    const { version } = await service.readNote({ path: 'alpha.md' });
    const result = await service.writeNote({ path: 'alpha.md', text: '# Saved by us\n', baseVersion: version });
    await sleep(QUIET_MS);
    expect(events).toEqual([
      {
        type: 'changed',
        path: 'alpha.md',
        origin: 'app',
        version: result.version,
        size: anyNumber,
        mtimeMs: anyNumber,
      },
    ]);
  });

  it('writeNote of a CRLF note in a subfolder', async () => {
    await fs.writeFile(join(dir, 'notes', 'win.md'), 'a\r\nb\r\n');
    await waitFor(has({ type: 'added', path: 'notes/win.md' }), 5000, 'the setup file');
    // The OS may report the setup write as an add and then a change; let those pass first.
    await sleep(300);
    events.length = 0;
    const { version } = await service.readNote({ path: 'notes/win.md' });
    await service.writeNote({ path: 'notes/win.md', text: 'a\nb\nc\n', baseVersion: version });
    await sleep(QUIET_MS);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'changed', path: 'notes/win.md', origin: 'app' });
  });

  it('several writeNotes in a row', async () => {
    let { version } = await service.readNote({ path: 'beta.md' });
    for (const text of ['one\n', 'two, longer\n', 'three\n']) {
      ({ version } = await service.writeNote({ path: 'beta.md', text, baseVersion: version }));
    }
    await sleep(QUIET_MS);
    expect(external()).toEqual([]);
    expect(app()).toHaveLength(3);
  });

  it('createNote', async () => {
    await service.createNote({ path: 'created.md', text: '# Created\n' });
    await sleep(QUIET_MS);
    expect(events).toEqual([
      {
        type: 'added',
        path: 'created.md',
        kind: 'file',
        origin: 'app',
        size: anyNumber,
        mtimeMs: anyNumber,
      },
    ]);
  });

  it('createNote in an existing subfolder', async () => {
    await service.createNote({ path: 'notes/deeper/created.md', text: 'x' });
    await sleep(QUIET_MS);
    expect(events).toEqual([
      {
        type: 'added',
        path: 'notes/deeper/created.md',
        kind: 'file',
        origin: 'app',
        size: anyNumber,
        mtimeMs: anyNumber,
      },
    ]);
  });

  it('createNote in new folders (the parent folders it makes are ours too)', async () => {
    await service.createNote({ path: 'projects/2024/plan.md', text: 'x' });
    await sleep(QUIET_MS);
    expect(external()).toEqual([]);
    expect(app()).toContainEqual({
      type: 'added',
      path: 'projects/2024/plan.md',
      kind: 'file',
      origin: 'app',
      size: anyNumber,
      mtimeMs: anyNumber,
    });
  });

  it('createFolder', async () => {
    await service.createFolder({ path: 'archive' });
    await sleep(QUIET_MS);
    expect(events).toEqual([
      {
        type: 'added',
        path: 'archive',
        kind: 'folder',
        origin: 'app',
        size: anyNumber,
        mtimeMs: anyNumber,
      },
    ]);
  });

  it('move of a file', async () => {
    await service.move({ from: 'alpha.md', to: 'omega.md' });
    await sleep(QUIET_MS);
    expect(events).toEqual([{ type: 'renamed', from: 'alpha.md', to: 'omega.md', kind: 'file', origin: 'app' }]);
  });

  it('move of a file into another folder', async () => {
    await service.move({ from: 'beta.md', to: 'notes/deeper/beta.md' });
    await sleep(QUIET_MS);
    expect(events).toEqual([
      { type: 'renamed', from: 'beta.md', to: 'notes/deeper/beta.md', kind: 'file', origin: 'app' },
    ]);
  });

  it('move of a folder with children', async () => {
    await service.move({ from: 'notes', to: 'renamed-notes' });
    await sleep(QUIET_MS);
    expect(external()).toEqual([]);
    expect(events).toEqual([{ type: 'renamed', from: 'notes', to: 'renamed-notes', kind: 'folder', origin: 'app' }]);
  });

  it('trash of a file', async () => {
    await service.trash({ path: 'beta.md' });
    await sleep(QUIET_MS);
    expect(events).toEqual([{ type: 'removed', path: 'beta.md', kind: 'file', origin: 'app' }]);
  });

  it('trash of a folder with children', async () => {
    await service.trash({ path: 'notes' });
    await sleep(QUIET_MS);
    expect(external()).toEqual([]);
    expect(events).toEqual([{ type: 'removed', path: 'notes', kind: 'folder', origin: 'app' }]);
  });
});

describe('VaultService', () => {
  it('describes the vault', async () => {
    const info = await service.vaultInfo();
    expect(info.host).toBe('browser');
    expect(info.root).toBe(await fs.realpath(dir));
    expect(info.name).toBe(info.root.split('/').at(-1));
  });

  it('removes temp files an interrupted save left behind when it opens', async () => {
    await fs.writeFile(join(dir, `${TEMP_PREFIX}abc-alpha.md`), 'half');
    await fs.writeFile(join(dir, 'notes', `${TEMP_PREFIX}def-gamma.md`), 'half');
    const second = await VaultService.open(dir, { host: 'browser', watch: false });
    try {
      expect(await fs.readdir(dir)).not.toContain(`${TEMP_PREFIX}abc-alpha.md`);
      expect(await fs.readdir(join(dir, 'notes'))).not.toContain(`${TEMP_PREFIX}def-gamma.md`);
      expect(await fs.readFile(join(dir, 'alpha.md'), 'utf8')).toContain('# Alpha');
    } finally {
      await second.close();
    }
  });

  it('with watch: false reports its own changes but no external ones', async () => {
    const quiet = await VaultService.open(dir, { host: 'browser', watch: false });
    const seen: FilesEvent[] = [];
    quiet.onEvent((e) => {
      if (e.topic === 'files') seen.push(e.event);
    });
    try {
      await fs.writeFile(join(dir, 'external.md'), 'x');
      await quiet.createNote({ path: 'ours.md' });
      // The watching service sees the external file; the quiet one must not.
      await waitFor(has({ type: 'added', path: 'external.md' }), 5000, 'the watching service');
      await sleep(200);
      expect(seen).toEqual([
        {
          type: 'added',
          path: 'ours.md',
          kind: 'file',
          origin: 'app',
          size: anyNumber,
          mtimeMs: anyNumber,
        },
      ]);
    } finally {
      await quiet.close();
    }
  });
});
