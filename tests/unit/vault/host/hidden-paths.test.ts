import { promises as fs } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Method } from '../../../../shared/api';
import type { ServerMessage } from '../../../../shared/rpc/rpc';
import { startBrowserHost, type BrowserHost } from '../../../../vault/host/server';
import { VaultService } from '../../../../vault/service';
import { versionOf } from '../../../../vault/files/vault';
import { removeTempDirs, tempDir, tempVault } from '../../helpers/temp-vault';

/**
 * Hidden files and folders (.git, .obsidian, .trash, .plexus) are not the vault's: no request
 * reads, writes, moves or trashes them. The attack as found: over the browser host's socket,
 * `.git/config` overwritten with `hooksPath=/tmp/evil` and `.git` trashed.
 */

const CONFIG = '[core]\n\trepositoryformatversion = 0\n\tbare = false\n';
const EVIL = '[core]\n\thooksPath = /tmp/evil\n';

let dir: string;
let service: VaultService;

beforeEach(async () => {
  dir = await tempVault();
  await fs.mkdir(join(dir, '.git', 'hooks'), { recursive: true });
  await fs.writeFile(join(dir, '.git', 'config'), CONFIG);
  await fs.writeFile(join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  // A note-looking file inside a dot-folder, so only the rule (not "not a note") can refuse it.
  await fs.mkdir(join(dir, '.obsidian'), { recursive: true });
  await fs.writeFile(join(dir, '.obsidian', 'secret.md'), '# Secret\n[[alpha]]\n');
  await fs.writeFile(join(dir, '.env'), 'TOKEN=1\n');
  service = await VaultService.open(dir, { host: 'browser', watch: false });
  await service.indexed();
});

afterEach(async () => {
  await service.close();
  await removeTempDirs();
});

/** Every file and folder under the vault, with each file's bytes (hex), dot-folders included. */
async function tree(root = dir): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
      const abs = join(folder, entry.name);
      const rel = relative(root, abs);
      if (entry.isDirectory()) {
        out[rel] = 'folder';
        await walk(abs);
      } else out[rel] = (await fs.readFile(abs)).toString('hex');
    }
  };
  await walk(root);
  return out;
}

const configVersion = versionOf(Buffer.from(CONFIG));

/** Each path-taking request with a hidden path in the place that takes one. */
const ATTACKS: [Method, Record<string, unknown>][] = [
  ['readNote', { path: '.git/config' }],
  ['readNote', { path: '.obsidian/secret.md' }],
  ['readNote', { path: 'notes/./.env' }],
  ['readNote', { path: './/.env' }],
  ['writeNote', { path: '.git/config', text: EVIL, baseVersion: configVersion }],
  ['writeNote', { path: './.git//config', text: EVIL, baseVersion: configVersion }],
  ['createNote', { path: '.git/hooks/pre-commit.md', text: '#!/bin/sh\n' }],
  ['createNote', { path: '.obsidian/new.md' }],
  ['createFolder', { path: '.git/hooks/evil' }],
  ['createFolder', { path: '.new-hidden' }],
  ['move', { from: '.git', to: 'git' }],
  ['move', { from: '.git/config', to: 'config.md' }],
  ['move', { from: 'alpha.md', to: '.git/alpha.md' }],
  ['move', { from: 'notes', to: '.trash/notes' }],
  ['trash', { path: '.git' }],
  ['trash', { path: '.git/config' }],
  ['trash', { path: '.obsidian' }],
  ['rename', { from: '.git', to: 'git' }],
  ['rename', { from: '.obsidian/secret.md', to: 'secret.md' }],
  ['rename', { from: 'alpha.md', to: '.git/alpha.md' }],
  ['rename', { from: 'alpha.md', to: '.git/alpha.md', dryRun: true }],
  ['noteMeta', { path: '.obsidian/secret.md' }],
  ['outgoingLinks', { path: '.obsidian/secret.md' }],
  ['backlinks', { path: '.git/config' }],
  ['backlinkPage', { path: '.git/config' }],
  ['unlinkedMentions', { path: '.obsidian/secret.md' }],
  ['resolveLinks', { from: '.obsidian/secret.md', targets: ['alpha'] }],
  ['listSnapshots', { path: '.git/config' }],
  ['setSettings', { settings: { newNotes: 'folder', newNotesFolder: '.git/hooks' } }],
  ['saveWorkspace', { state: { tabs: ['.git/config'], active: '.git/config' } }],
  ['suggestNotes', { query: 'se', recent: ['.obsidian/secret.md'] }],
];

/**
 * The requests the engine itself refuses (without the boundary's schemas): a saved workspace is
 * checked when it is loaded, and `recent` only ranks indexed notes, so the engine never reads it.
 */
const ENGINE_ATTACKS = ATTACKS.filter(([method]) => method !== 'saveWorkspace' && method !== 'suggestNotes');

describe('through VaultService (the engine, as the desktop app and the CLI call it)', () => {
  it.each(ENGINE_ATTACKS)('%s %j is refused with UNSAFE_PATH, changing nothing', async (method, args) => {
    const before = await tree();
    const call = (service as unknown as Record<string, (a: unknown) => Promise<unknown>>)[method]!;
    const error: unknown = await call.call(service, args).then(
      (result) => ({ result }),
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      code: 'UNSAFE_PATH',
      message: expect.stringContaining('Plexus never reads or changes hidden files and folders') as unknown,
    });
    expect(await tree()).toEqual(before);
  });

  it('a saved workspace never offers a hidden tab back (the file is hand-editable)', async () => {
    await expect(service.saveWorkspace({ state: { tabs: ['.git/config'], active: null } })).rejects.toMatchObject({
      code: 'UNSAFE_PATH',
    });
    await fs.mkdir(join(dir, '.plexus'), { recursive: true });
    const state = { tabs: ['alpha.md', '.git/config', 'notes/../../x.md'], active: '.git/config' };
    await fs.writeFile(join(dir, '.plexus', 'workspace.json'), JSON.stringify(state));
    expect(await service.loadWorkspace()).toEqual({ tabs: ['alpha.md'], active: null });
  });
});

describe('through the browser host’s real WebSocket, with the token', () => {
  let host: BrowserHost;
  let ws: WebSocket;
  let next = 1;

  beforeEach(async () => {
    const staticDir = await tempDir();
    await fs.writeFile(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
    host = await startBrowserHost({ service, staticDir });
    ws = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`, {
      origin: `http://127.0.0.1:${host.port}`,
    });
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    return async () => {
      ws.close();
      await host.close();
    };
  });

  function call(method: string, args: unknown): Promise<ServerMessage> {
    const id = next++;
    return new Promise((resolve) => {
      const onMessage = (data: WebSocket.RawData) => {
        const message = JSON.parse((data as Buffer).toString('utf8')) as ServerMessage;
        if (!('id' in message) || message.id !== id) return;
        ws.off('message', onMessage);
        resolve(message);
      };
      ws.on('message', onMessage);
      ws.send(JSON.stringify({ id, method, args }));
    });
  }

  it.each(ATTACKS)('%s %j → UNSAFE_PATH; .git/config is byte-identical and nothing moved', async (method, args) => {
    const before = await tree();
    const reply = await call(method, args);
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNSAFE_PATH' } });
    expect(JSON.stringify(reply)).toContain('Plexus never reads or changes hidden files and folders');
    expect(JSON.stringify(reply)).not.toContain('repositoryformatversion'); // nothing of the file leaked
    expect(await fs.readFile(join(dir, '.git', 'config'), 'utf8')).toBe(CONFIG);
    expect(await tree()).toEqual(before);
  });

  it('the same socket still serves the vault’s own notes', async () => {
    const read = await call('readNote', { path: 'alpha.md' });
    expect(read).toMatchObject({ ok: true, result: { path: 'alpha.md' } });
    const created = await call('createNote', { path: 'visible/new.md', text: 'x' });
    expect(created).toMatchObject({ ok: true, result: { path: 'visible/new.md' } });
  });
});

describe('a note that is a symlink into a hidden folder', () => {
  it('is never saved through, even by a client that knows the target version', async () => {
    await fs.symlink(join(dir, '.git', 'config'), join(dir, 'innocent.md'));
    const before = await tree();
    await expect(service.readNote({ path: 'innocent.md' })).rejects.toMatchObject({ code: 'UNSAFE_PATH' });
    await expect(
      service.writeNote({ path: 'innocent.md', text: EVIL, baseVersion: configVersion }),
    ).rejects.toMatchObject({ code: 'UNSAFE_PATH' });
    expect(await tree()).toEqual(before);
    expect(await fs.readFile(join(dir, '.git', 'config'), 'utf8')).toBe(CONFIG);
  });
});
