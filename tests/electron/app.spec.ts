import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary } from '../../scripts/electron-binary.mjs';

const repo = resolve(import.meta.dirname, '../..');
const binary = electronBinary();

test.skip(
  !binary,
  "Electron's binary is not installed on this machine (its download is not reachable), so the desktop app cannot be launched here.",
);

test('the desktop app opens a vault sandboxed, and saves an edit', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'plexus-electron-'));
  const vault = join(dir, 'vault');
  await cp(join(repo, 'tests/fixtures/basic'), vault, { recursive: true });
  const app = await electron.launch({
    executablePath: binary ?? undefined,
    args: [repo, '--vault', vault],
    env: { ...process.env, PLEXUS_DATA_DIR: join(dir, 'data') },
  });
  try {
    const page = await app.firstWindow();
    // The page sees the typed transport only: no Node, no require.
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => Object.keys((window as unknown as { plexus: object }).plexus).sort())).toEqual([
      'onEvent',
      'request',
    ]);
    await page.locator('.tree-row[data-path="beta.md"]').click();
    await page.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type(' Desktop.');
    await expect
      .poll(() => readFile(join(vault, 'beta.md'), 'utf8'), { timeout: 8_000 })
      .toContain('Beta links back to [[alpha]]. Desktop.');
  } finally {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  }
});
