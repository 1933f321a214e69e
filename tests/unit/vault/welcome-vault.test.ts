import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appCommands, type CommandTargets } from '../../../renderer/src/chrome/app-commands';
import { CLOSE_MARKER, OPEN_MARKER } from '../../../renderer/src/saving/three-way-merge';
import { Vault } from '../../../vault/files/vault';
import { VaultIndex } from '../../../vault/index/vault-index';

// The welcome vault is the first thing a person sees: its notes must parse cleanly and every
// link must lead somewhere, but for the one left unresolved on purpose (start-here.md says so).
describe('the welcome vault', () => {
  it('has no problem notes and exactly one unresolved link, on purpose', async () => {
    const index = await VaultIndex.build(await Vault.open('assets/welcome-vault'), { cacheFile: null, worker: null });
    expect(index.problems()).toEqual([]);
    const unresolved = index.links.unresolved().map((g) => [g.target, g.sources.map((s) => s.source)]);
    expect(unresolved).toEqual([['my-first-note', ['start-here.md']]]);
    expect(index.links.stats().notes).toBeGreaterThanOrEqual(12);
  });

  it('finds its own guide by words from it', async () => {
    const index = await VaultIndex.build(await Vault.open('assets/welcome-vault'), { cacheFile: null, worker: null });
    const result = index.search.query('unlinked mentions', 5);
    expect(result.hits[0]?.path).toBe('guides/backlinks.md');
  });

  const note = (path: string) => readFileSync(`assets/welcome-vault/${path}`, 'utf8');
  /** "Mod-Shift-f" or "CmdOrCtrl+Shift+F" → "Shift+Ctrl+F", as the welcome vault writes keys. */
  const asWritten = (key: string) => {
    const parts = key.split(/[-+]/);
    const last = (parts.pop() ?? '').toUpperCase();
    return [...(parts.includes('Shift') ? ['Shift'] : []), 'Ctrl', last].join('+');
  };
  const menu = readFileSync('electron/menu.ts', 'utf8');
  const menuKey = (label: string) => {
    const m = new RegExp(`label: '${label}', accelerator: '([^']+)'`).exec(menu);
    if (!m?.[1]) throw new Error(`no menu item ${label}`);
    return asWritten(m[1]);
  };

  it('names the keys the app binds: the shortcuts table, and opening a folder as the desktop menu does', () => {
    const noop = () => undefined;
    const targets = new Proxy({} as CommandTargets, { get: () => noop });
    const bound = new Set([
      ...appCommands(targets).flatMap((c) => (c.shortcut?.startsWith('Mod-') ? [asWritten(c.shortcut)] : [])),
      ...[...menu.matchAll(/accelerator: '([^']+)'/g)].map((m) => asWritten(m[1] ?? '')),
      // CodeMirror's own: find, undo, redo.
      'Ctrl+F',
      'Ctrl+Z',
      'Shift+Ctrl+Z',
    ]);
    const table = note('reference/keyboard-shortcuts.md');
    const written = [...table.matchAll(/\| ((?:Shift\+)?Ctrl\+[A-Z])\b/g)].map((m) => m[1]);
    expect(written.length).toBeGreaterThan(8);
    expect(written.filter((key) => !bound.has(key!))).toEqual([]);
    const openFolder = menuKey('Open Folder as Vault…');
    expect(table).toMatch(new RegExp(`Open a folder as a vault +\\| ${openFolder.replace(/\+/g, '\\+')} `));
    // The guide to opening a vault names the same keys (Ctrl before Shift, as people say it).
    expect(note('guides/your-own-vault.md')).toContain(`Press ${openFolder.replace('Shift+Ctrl', 'Ctrl+Shift')} `);
  });

  it('says that changes on disk are merged, with the markers the merge writes', () => {
    const about = note('about-plexus.md');
    expect(about).toContain(OPEN_MARKER);
    expect(about).toContain(CLOSE_MARKER);
    const notYet = about.slice(about.indexOf('## Not yet'));
    expect(notYet).not.toMatch(/merg/i);
  });
});
