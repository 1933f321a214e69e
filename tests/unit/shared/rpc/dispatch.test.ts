import { describe, expect, it, vi } from 'vitest';
import type { PlexusApi, VaultSettings } from '../../../../shared/api';
import { createClient } from '../../../../shared/rpc/client';
import { dispatch } from '../../../../shared/rpc/dispatch';
import { PlexusError } from '../../../../shared/errors';
import type { Transport } from '../../../../shared/rpc/rpc';

function fakeService(): PlexusApi {
  return {
    vaultInfo: vi.fn(() => Promise.resolve({ name: 'v', root: '/v', host: 'browser' as const })),
    listFiles: vi.fn(() => Promise.resolve([])),
    readNote: vi.fn(({ path }: { path: string }) => Promise.resolve({ path, text: 'hi', version: '0123456789abcdef' })),
    writeNote: vi.fn(() => Promise.reject(new PlexusError('STALE_VERSION', 'changed on disk'))),
    createNote: vi.fn(() => Promise.reject(new Error('boom'))),
    createFolder: vi.fn(({ path }: { path: string }) => Promise.resolve({ path })),
    move: vi.fn(({ from, to }: { from: string; to: string }) => Promise.resolve({ from, to })),
    trash: vi.fn(({ path }: { path: string }) => Promise.resolve({ path })),
    noteMeta: vi.fn(() => Promise.resolve(null)),
    outgoingLinks: vi.fn(() => Promise.resolve([])),
    backlinks: vi.fn(() => Promise.resolve([])),
    backlinkPage: vi.fn(() => Promise.resolve({ total: 0, notes: 0, links: [], next: null })),
    unlinkedMentions: vi.fn(() => Promise.resolve([])),
    unresolvedLinks: vi.fn(() => Promise.resolve([])),
    tags: vi.fn(() => Promise.resolve([])),
    indexStatus: vi.fn(() =>
      Promise.resolve({
        state: 'ready' as const,
        done: 0,
        total: 0,
        stats: { notes: 0, files: 0, links: 0, resolved: 0, unresolved: 0, tags: 0 },
        problems: [],
      }),
    ),
    resolveLinks: vi.fn(({ targets }: { targets: string[] }) => Promise.resolve(targets.map(() => null))),
    suggestNotes: vi.fn(() => Promise.resolve([])),
    search: vi.fn(({ query }: { query: string }) => Promise.resolve({ query, total: 0, hits: [], ms: 0 })),
    rename: vi.fn(() => Promise.reject(new Error('not here'))),
    undoRename: vi.fn(() => Promise.reject(new Error('not here'))),
    loadWorkspace: vi.fn(() => Promise.resolve(null)),
    saveWorkspace: vi.fn(() => Promise.resolve({ saved: true as const })),
    getSettings: vi.fn(() => Promise.resolve({ newNotes: 'beside-current' as const })),
    setSettings: vi.fn(({ settings }: { settings: VaultSettings }) => Promise.resolve(settings)),
    listSnapshots: vi.fn(() => Promise.resolve([{ id: '1700000000000-0123456789abcdef-01234567', time: 1, size: 2 }])),
    readSnapshot: vi.fn(({ id }: { id: string }) => Promise.resolve({ path: `${id}.md`, text: 'old', time: 1 })),
  };
}

describe('dispatch', () => {
  it('calls the service with validated arguments', async () => {
    const service = fakeService();
    const response = await dispatch(service, 'readNote', { path: 'a.md' });
    expect(response).toEqual({ ok: true, result: { path: 'a.md', text: 'hi', version: '0123456789abcdef' } });
    expect(service.readNote).toHaveBeenCalledWith({ path: 'a.md' });
  });

  it('passes a snapshot id and a path to the recovery requests', async () => {
    const service = fakeService();
    const id = '1700000000000-0123456789abcdef-01234567';
    expect(await dispatch(service, 'readSnapshot', { id })).toEqual({
      ok: true,
      result: { path: `${id}.md`, text: 'old', time: 1 },
    });
    expect(await dispatch(service, 'listSnapshots', { path: 'a.md' })).toMatchObject({ ok: true });
    expect(service.listSnapshots).toHaveBeenCalledWith({ path: 'a.md' });
  });

  it('passes settings through to the settings requests', async () => {
    const service = fakeService();
    expect(await dispatch(service, 'getSettings', {})).toEqual({ ok: true, result: { newNotes: 'beside-current' } });
    const settings = { newNotes: 'folder', newNotesFolder: 'inbox' };
    expect(await dispatch(service, 'setSettings', { settings })).toEqual({ ok: true, result: settings });
    expect(service.setSettings).toHaveBeenCalledWith({ settings });
  });

  it.each([
    ['constructor', {}],
    ['toString', {}],
    ['nope', {}],
    [42, {}],
  ])('refuses unknown method %j', async (method, args) => {
    const response = await dispatch(fakeService(), method, args);
    expect(response).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it.each([
    ['readNote', { path: 3 }, 'path: a path must be a string'],
    ['readNote', {}, 'path'],
    ['readNote', { path: '' }, 'a path is required'],
    ['readNote', { path: 'a.md', extra: 1 }, 'extra'],
    ['writeNote', { path: 'a.md', text: 'x', baseVersion: 'zz' }, 'baseVersion: a version is 16 hex digits'],
    ['writeNote', { path: 'a.md', baseVersion: '0123456789abcdef' }, 'text'],
    ['move', { from: 'a.md' }, 'to'],
    ['listFiles', { sneaky: true }, 'sneaky'],
    ['backlinks', { path: ['a.md'] }, 'path: a path must be a string'],
    ['indexStatus', { all: true }, 'all'],
    ['readNote', 'a.md', 'Invalid readNote request'],
    ['readSnapshot', { id: '../../etc/passwd' }, 'a snapshot id is letters, digits and dashes'],
    ['readSnapshot', { id: 'a/b' }, 'a snapshot id'],
    ['readSnapshot', { id: '' }, 'a snapshot id'],
    ['readSnapshot', { id: 7 }, 'a snapshot id must be a string'],
    ['listSnapshots', { path: '' }, 'a path is required'],
    ['getSettings', { newNotes: 'vault-root' }, 'newNotes'],
    ['setSettings', {}, 'settings'],
    ['setSettings', { settings: { newNotes: 'elsewhere' } }, 'settings.newNotes'],
    ['setSettings', { settings: { newNotes: 'folder' } }, 'settings.newNotesFolder'],
    ['setSettings', { settings: { newNotes: 'folder', newNotesFolder: '' } }, 'a path is required'],
    ['setSettings', { settings: { newNotes: 'folder', newNotesFolder: 7 } }, 'a path must be a string'],
    ['setSettings', { settings: { newNotes: 'vault-root', newNotesFolder: 'inbox' } }, 'newNotesFolder'],
    ['setSettings', { settings: { newNotes: 'vault-root', theme: 'dark' } }, 'theme'],
  ])('%s(%j) is refused before the service runs', async (method, args, message) => {
    const service = fakeService();
    const response = await dispatch(service, method, args);
    expect(response.ok).toBe(false);
    if (!response.ok) {
      expect(response.error.code).toBe('INVALID_ARGUMENT');
      expect(response.error.message).toContain(message);
    }
    for (const fn of Object.values(service)) expect(fn).not.toHaveBeenCalled();
  });

  it('passes a PlexusError through with its code, and hides other errors behind INTERNAL', async () => {
    const service = fakeService();
    const stale = await dispatch(service, 'writeNote', { path: 'a.md', text: 'x', baseVersion: '0123456789abcdef' });
    expect(stale).toEqual({ ok: false, error: { code: 'STALE_VERSION', message: 'changed on disk' } });
    const crash = await dispatch(service, 'createNote', { path: 'a.md' });
    expect(crash).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'boom' } });
  });
});

describe('createClient', () => {
  it('turns error responses back into PlexusErrors and results into values, for every method', async () => {
    const service = fakeService();
    const transport: Transport = {
      request: (method, args) => dispatch(service, method, args),
      onEvent: () => () => undefined,
    };
    const client = createClient(transport);
    await expect(client.readNote({ path: 'x.md' })).resolves.toMatchObject({ text: 'hi' });
    await expect(client.move({ from: 'a.md', to: 'b.md' })).resolves.toEqual({ from: 'a.md', to: 'b.md' });
    const error: unknown = await client
      .writeNote({ path: 'a.md', text: 'x', baseVersion: '0123456789abcdef' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlexusError);
    expect((error as PlexusError).code).toBe('STALE_VERSION');
  });
});
