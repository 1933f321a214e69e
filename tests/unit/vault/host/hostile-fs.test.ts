import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { PlexusError } from '../../../../shared/errors';
import type { ServerMessage } from '../../../../shared/rpc/rpc';
import { readVaultFile, readVaultFileSync } from '../../../../vault/files/read-vault-file';
import { readVaultMedia } from '../../../../vault/host/vault-file-route';
import { VaultService } from '../../../../vault/service';
import { Vault } from '../../../../vault/files/vault';
import { VaultIndex } from '../../../../vault/index/vault-index';
import { removeTempDirs, sleep, tempDir, waitFor } from '../../helpers/temp-vault';

/**
 * A vault is a folder anyone can drop things into. These tests put hostile file-system objects in
 * one, the way they were found to break the app (issue 13, items 8, 9, 11 and 14): a named pipe
 * called `*.md`, symlinks to "/" and back to the vault, sparse 1.9 GB notes, and symlinks out of
 * the vault to a private file and folder. They run the real browser host process and the real
 * `plexus` CLI (a reader that blocks in open() can only be stopped from outside), and the engine.
 */

const repo = resolve(import.meta.dirname, '../../../..');
const bin = join(repo, 'bin/plexus.js');
const linux = process.platform === 'linux';

/** Processes started here, killed outright at the end whatever happened. */
const children = new Set<ChildProcess>();

afterEach(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children.clear();
});
afterAll(() => removeTempDirs());

/** A fresh vault with a few notes linking to each other. */
async function makeVault(): Promise<{ dir: string; vault: string }> {
  const dir = await tempDir();
  const vault = join(dir, 'vault');
  await fs.mkdir(vault);
  await fs.writeFile(join(vault, 'target.md'), '# Target\n\nThe note others link to.\n');
  await fs.writeFile(join(vault, 'source.md'), 'See [[target]] for lighthouse keeping.\n');
  return { dir, vault };
}

type Host = {
  child: ChildProcess;
  port: number;
  token: string;
  output(): string;
  /** SIGTERM; resolves true if it exited within `ms` (it is then killed outright). */
  terminate(ms: number): Promise<boolean>;
};

/** Starts the browser host program (vault/host/main.ts) on `vault`; rejects if no URL within `ms`. */
async function startHost(dir: string, vault: string, ms: number): Promise<Host> {
  const staticDir = join(dir, 'static');
  await fs.mkdir(staticDir, { recursive: true });
  await fs.writeFile(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  const args = ['--vault', vault, '--port', '0', '--data-dir', join(dir, 'data'), '--static-dir', staticDir];
  const child = spawn(process.execPath, ['--import', 'tsx', 'vault/host/main.ts', ...args], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = await new Promise<URL>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the host did not start within ${ms} ms:\n${output}`)), ms);
    const check = () => {
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        done(new URL(match[1]));
      }
    };
    child.stdout.on('data', check);
    void exited.then(() => fail(new Error(`the host exited:\n${output}`)));
  });
  return {
    child,
    port: Number(url.port),
    token: url.searchParams.get('token') ?? '',
    output: () => output,
    terminate: async (limit) => {
      if (child.exitCode !== null) return true;
      child.kill('SIGTERM');
      const ended = await Promise.race([exited.then(() => true), sleep(limit).then(() => false)]);
      if (!ended) child.kill('SIGKILL');
      return ended;
    },
  };
}

/** The resident memory of a process, in MB (from /proc). */
function residentMb(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return kb / 1024;
}

/** The API socket of a host, as its page opens it, with request/response and the event stream. */
async function api(host: Host) {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`, {
    origin: `http://127.0.0.1:${host.port}`,
  });
  await new Promise((done, fail) => {
    ws.once('open', done);
    ws.once('error', fail);
  });
  const events: unknown[] = [];
  const waiting = new Map<number, (m: ServerMessage) => void>();
  ws.on('message', (data) => {
    const message = JSON.parse((data as Buffer).toString('utf8')) as ServerMessage;
    if ('event' in message) events.push(message.event);
    else waiting.get(message.id)?.(message);
  });
  let id = 0;
  return {
    events,
    close: () => ws.close(),
    /** The answer to one request: its result, or throws its error. */
    call: (method: string, args: unknown = {}): Promise<unknown> => {
      const n = ++id;
      ws.send(JSON.stringify({ id: n, method, args }));
      return new Promise((done, fail) =>
        waiting.set(n, (m) => {
          if (!('ok' in m)) return;
          if (m.ok) done(m.result);
          else fail(Object.assign(new Error(m.error.message), { code: m.error.code }));
        }),
      );
    },
  };
}

/** Runs the `plexus` CLI; a run that does not end within `ms` is killed (code null). */
function plexus(ms: number, ...args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string; peakMb: number }>((done) => {
    const child = execFile(
      process.execPath,
      [bin, ...args, '--no-cache'], // the real index cache folder stays untouched
      { cwd: '/', timeout: ms, killSignal: 'SIGKILL', maxBuffer: 16 << 20 },
      (error, stdout, stderr) => {
        clearInterval(poll);
        const code = error ? ((error as { code?: unknown }).code ?? null) : 0;
        done({ code: typeof code === 'number' ? code : null, stdout, stderr, peakMb });
      },
    );
    children.add(child);
    // The peak resident memory, as last seen before it ended.
    let peakMb = 0;
    const poll = setInterval(() => {
      try {
        const mb = residentMb(child.pid ?? 0, 'VmHWM');
        if (Number.isFinite(mb)) peakMb = Math.max(peakMb, mb); // not while it is a zombie
      } catch {
        // ended between two looks
      }
    }, 20);
  });
}

const paths = (entries: unknown) => (entries as { path: string }[]).map((e) => e.path);
const hitPaths = (result: unknown) => (result as { hits: { path: string }[] }).hits.map((h) => h.path);

describe.skipIf(!linux)('item 8: a named pipe called *.md', () => {
  it('is never opened: readVaultFile refuses it at once, and a pipe swapped in after the checks', async () => {
    const { vault } = await makeVault();
    execFileSync('mkfifo', [join(vault, 'pipe.md')]);
    // A blocking open would hang here (nobody writes to the pipe) and the test would time out.
    await expect(readVaultFile(vault, 'pipe.md', { maxBytes: 1 << 20 })).rejects.toMatchObject({
      code: 'NOT_TEXT',
      message: expect.stringContaining('named pipe') as string,
    });
    expect(() => readVaultFileSync(vault, 'pipe.md', { maxBytes: 1 << 20 })).toThrow(/named pipe/);
    const v = await Vault.open(vault);
    await expect(v.read('pipe.md')).rejects.toMatchObject({ code: 'NOT_TEXT' });
    expect(paths(await v.list())).toEqual(['source.md', 'target.md']);
    // Nor is one named like an image, asked for by the reading view.
    execFileSync('mkfifo', [join(vault, 'pipe.png')]);
    expect(await readVaultMedia(v.root, '/vault-file/pipe.png')).toBeNull();
  });

  it('the host starts with one in the vault, answers, stops on SIGTERM; one made while it runs blocks nothing', async () => {
    const { dir, vault } = await makeVault();
    execFileSync('mkfifo', [join(vault, 'pipe.md')]);
    const host = await startHost(dir, vault, 30_000);
    const client = await api(host);
    expect(paths(await client.call('listFiles'))).toEqual(['source.md', 'target.md']);
    await expect(client.call('readNote', { path: 'pipe.md' })).rejects.toMatchObject({ code: 'NOT_TEXT' });
    expect(hitPaths(await client.call('search', { query: 'lighthouse' }))).toEqual(['source.md']);

    // A pipe appears while the host runs; then a note, whose event arrives only if the host's
    // thread is not stuck in open() on the pipe.
    execFileSync('mkfifo', [join(vault, 'live.md')]);
    await sleep(200);
    await fs.writeFile(join(vault, 'after.md'), 'Written after the pipe: albatross.\n');
    await waitFor(
      () => client.events.some((e) => JSON.stringify(e).includes('after.md')),
      20_000,
      'the event of a note written after the pipe',
    );
    expect(paths(await client.call('listFiles'))).toEqual(['after.md', 'source.md', 'target.md']);
    expect(hitPaths(await client.call('search', { query: 'albatross' }))).toEqual(['after.md']);
    expect(await client.call('noteMeta', { path: 'live.md' })).toBeNull();
    client.close();
    expect(await host.terminate(10_000)).toBe(true);
  }, 60_000);

  it('plexus index finishes with one in the vault', async () => {
    const { vault } = await makeVault();
    execFileSync('mkfifo', [join(vault, 'pipe.md')]);
    const run = await plexus(30_000, 'index', '--vault', vault);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^2 notes, 0 other files$/m);
  }, 40_000);
});

describe.skipIf(!linux)('item 9: symlinks to "/" and back to the vault root', () => {
  it('the host starts with small memory, answers, and stops on SIGTERM', async () => {
    const { dir, vault } = await makeVault();
    await fs.symlink('/', join(vault, 'root'));
    await fs.symlink(vault, join(vault, 'loop-a'));
    await fs.symlink('.', join(vault, 'loop-b'));
    const host = await startHost(dir, vault, 30_000);
    // Following the links, the watcher walked the whole disk: 3–4.6 GB and still growing.
    expect(residentMb(host.child.pid ?? 0)).toBeLessThan(1000);
    const client = await api(host);
    // The links back to the root are the same folder: cut as loops, so listed once as folders.
    expect(paths(await client.call('listFiles'))).toEqual(['source.md', 'target.md']);
    await expect(client.call('readNote', { path: 'root/etc/hostname' })).rejects.toMatchObject({
      code: 'UNSAFE_PATH',
    });
    await fs.writeFile(join(vault, 'after.md'), 'albatross\n');
    await waitFor(() => client.events.some((e) => JSON.stringify(e).includes('after.md')), 20_000, 'after.md');
    client.close();
    expect(await host.terminate(10_000)).toBe(true);
  }, 60_000);

  it('plexus index copes', async () => {
    const { vault } = await makeVault();
    await fs.symlink('/', join(vault, 'root'));
    await fs.symlink(vault, join(vault, 'loop-a'));
    const run = await plexus(30_000, 'index', '--vault', vault);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^2 notes, 0 other files$/m);
  }, 40_000);
});

describe.skipIf(!linux)('item 11: sparse 1.9 GB notes', () => {
  it('plexus index reports them as too large without reading them', async () => {
    const { vault } = await makeVault();
    const size = Math.floor(1.9 * 1024 ** 3);
    for (const n of [1, 2, 3, 4]) await fs.truncate(await touch(join(vault, `huge-${n}.md`)), size); // sparse: no disk
    const run = await plexus(60_000, 'index', '--vault', vault, '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      notes: number;
      problems: { path: string; problems: { kind: string }[] }[];
    };
    expect(report.notes).toBe(6);
    expect(report.problems.map((p) => [p.path, p.problems.map((q) => q.kind)])).toEqual([
      ['huge-1.md', ['too-large']],
      ['huge-2.md', ['too-large']],
      ['huge-3.md', ['too-large']],
      ['huge-4.md', ['too-large']],
    ]);
    // Read, one of them alone is 1.9 GB resident (it reached 4 GB).
    expect(run.peakMb).toBeGreaterThan(0);
    expect(run.peakMb).toBeLessThan(1000);
  }, 70_000);

  it('the engine refuses to open one with TOO_LARGE', async () => {
    const { vault } = await makeVault();
    await fs.truncate(await touch(join(vault, 'huge.md')), Math.floor(1.9 * 1024 ** 3));
    const v = await Vault.open(vault);
    await expect(v.read('huge.md')).rejects.toMatchObject({ code: 'TOO_LARGE' });
  });
});

async function touch(path: string): Promise<string> {
  await fs.writeFile(path, '');
  return path;
}

describe.skipIf(!linux)('item 14: files outside the vault behind symlinks', () => {
  it('text added to an outside file behind leak.md, or below a folder link made while it runs, is never indexed', async () => {
    const { dir, vault } = await makeVault();
    const outside = join(dir, 'outside');
    await fs.mkdir(join(outside, 'private'), { recursive: true });
    await fs.writeFile(join(outside, 'diary.txt'), 'Dear diary.\n');
    await fs.symlink(join(outside, 'diary.txt'), join(vault, 'leak.md'));
    const service = await VaultService.open(vault, { host: 'browser', worker: null });
    try {
      await service.indexed();
      const events: string[] = [];
      service.onEvent((e) => events.push(JSON.stringify(e)));

      await fs.appendFile(join(outside, 'diary.txt'), 'Secret quokka. See [[target]].\n');
      // A folder link made while the vault is open, to a folder of private notes.
      await fs.writeFile(join(outside, 'private', 'secret.md'), 'Private wombat, about [[target]].\n');
      await fs.symlink(join(outside, 'private'), join(vault, 'linked'));
      await sleep(300);
      await fs.appendFile(join(outside, 'private', 'secret.md'), 'More wombat.\n');
      // A change inside the vault after them: once it is indexed, theirs would have been.
      await sleep(300);
      await fs.writeFile(join(vault, 'sentinel.md'), 'Sentinel pelican.\n');
      await waitFor(() => events.some((e) => e.includes('sentinel.md')), 10_000, 'the sentinel note');
      expect(hitPaths(await service.search({ query: 'pelican' }))).toEqual(['sentinel.md']);

      expect(hitPaths(await service.search({ query: 'quokka' }))).toEqual([]);
      expect(hitPaths(await service.search({ query: 'wombat' }))).toEqual([]);
      expect((await service.backlinks({ path: 'target.md' })).map((b) => b.source)).toEqual(['source.md']);
      expect(await service.noteMeta({ path: 'leak.md' })).toBeNull();
      expect(await service.noteMeta({ path: 'linked/secret.md' })).toBeNull();
      expect(paths(await service.listFiles())).toEqual(['sentinel.md', 'source.md', 'target.md']);
      expect(events.filter((e) => e.includes('leak.md') || e.includes('linked'))).toEqual([]);
      for (const path of ['leak.md', 'linked/secret.md']) {
        const error = (await service.readNote({ path }).catch((e: unknown) => e)) as PlexusError;
        expect(error.code).toBe('UNSAFE_PATH');
      }
    } finally {
      await service.close();
    }
  });

  it('the index, told a link out of the vault changed, does not read it', async () => {
    const { dir, vault } = await makeVault();
    await fs.writeFile(join(dir, 'diary.txt'), 'Secret quokka. See [[target]].\n');
    await fs.symlink(join(dir, 'diary.txt'), join(vault, 'leak.md'));
    const index = await VaultIndex.build(await Vault.open(vault), { cacheFile: null, worker: null });
    // As a watcher that follows links would report it.
    await index.apply({ type: 'changed', path: 'leak.md', origin: 'external' });
    expect(index.links.note('leak.md')).toBeUndefined();
    expect(index.search.query('quokka').hits).toEqual([]);
    expect(index.links.backlinks('target.md').map((b) => b.source)).toEqual(['source.md']);
  });

  it('a link into a dot-folder is not read either', async () => {
    const { vault } = await makeVault();
    await fs.mkdir(join(vault, '.git'));
    await fs.writeFile(join(vault, '.git', 'config'), '[core]\n');
    await fs.symlink('.git/config', join(vault, 'config.md'));
    const v = await Vault.open(vault);
    await expect(v.read('config.md')).rejects.toMatchObject({ code: 'UNSAFE_PATH' });
    expect(paths(await v.list())).toEqual(['source.md', 'target.md']);
  });
});
