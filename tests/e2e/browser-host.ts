import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base } from '@playwright/test';
import { launchBrowserHost } from '../helpers/browser-host-process';

const repo = resolve(import.meta.dirname, '../..');

export type RunningHost = { url: string; vault: string; stop(): Promise<void> };

/** How notes open in the editor: Live Preview (the app's default) or Source mode. */
export type Editing = 'live' | 'source';

/**
 * Starts `npm run serve`'s program on a fresh copy of a fixture vault and waits for its URL.
 * `editing: 'source'` sets the vault's default editing mode to Source (its settings file).
 */
export async function startHost(fixture = 'basic', editing: Editing = 'live'): Promise<RunningHost> {
  const dir = await mkdtemp(join(tmpdir(), 'plexus-e2e-'));
  const vault = join(dir, 'vault');
  await cp(join(repo, 'tests/fixtures', fixture), vault, { recursive: true });
  if (editing === 'source') {
    await mkdir(join(vault, '.plexus'), { recursive: true });
    const settings = { newNotes: 'beside-current', defaultEditing: 'source' };
    await writeFile(join(vault, '.plexus', 'settings.json'), JSON.stringify(settings));
  }
  // Its own data folder: the index cache and recovery snapshots never land in the real one.
  const host = await launchBrowserHost(vault, join(dir, 'data'), 20_000);
  return {
    url: host.url,
    vault,
    stop: async () => {
      await host.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A Playwright test with its own vault copy and browser host, opened in the page. */
export const test = base.extend<{ host: RunningHost; fixture: string; editing: Editing }>({
  /** Which vault under tests/fixtures a test starts on (`test.use({ fixture: 'editor' })`). */
  fixture: ['basic', { option: true }],
  /**
   * How notes open. Specs that check the note's source as typed (conflict markers, link text,
   * autosave) use Source mode; tests/e2e/live-preview.spec.ts checks Live Preview, and that
   * typing the same keys in either mode saves the same bytes.
   */
  editing: ['source', { option: true }],
  // Automatic, so a test that never names `host` still gets the app opened in its page.
  host: [
    async ({ page, fixture, editing }, use) => {
      const host = await startHost(fixture, editing);
      await page.goto(host.url);
      await use(host);
      await host.stop();
    },
    { auto: true },
  ],
});

export { expect } from '@playwright/test';
