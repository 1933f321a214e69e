import { cp, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { launchBrowserHost } from '../helpers/browser-host-process';
import { expect, test } from './browser-host';

/**
 * The window keeps its list of files from the engine's file events: its own saves list nothing
 * again, and other programs' changes still reach the tree. Requests are counted on the real
 * socket, as the page sends them.
 */

const row = (page: Page, path: string) => page.locator(`.tree-row[data-path="${path}"]`);
const editor = (page: Page) => page.locator('.cm-content');
const saveState = (page: Page) => page.locator('#status-save .save-label');

/** Reloads the page with every request it sends from then on counted by method. */
async function countRequests(page: Page, shown = 'beta.md'): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  page.on('websocket', (ws) =>
    ws.on('framesent', ({ payload }) => {
      const method = /"method":"([A-Za-z]+)"/.exec(String(payload))?.[1];
      if (method) counts.set(method, (counts.get(method) ?? 0) + 1);
    }),
  );
  await page.reload();
  await expect(row(page, shown)).toBeVisible();
  return counts;
}

/** Types ` word` at the end of the open note and waits until the page has sent its save. */
async function typeAndWaitForSave(page: Page, counts: Map<string, number>, word: string): Promise<void> {
  const saves = counts.get('writeNote') ?? 0;
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(` ${word}`);
  await expect.poll(() => counts.get('writeNote') ?? 0, { timeout: 8_000 }).toBeGreaterThan(saves);
}

test('typing and autosaving three times lists the vault no more', async ({ page }) => {
  const counts = await countRequests(page);
  await row(page, 'beta.md').click();
  await expect(editor(page)).toContainText('Beta links back to [[alpha]].');
  const listed = counts.get('listFiles') ?? 0;
  expect(listed).toBeGreaterThan(0); // the start's listing was counted: the counter sees the socket
  for (const word of ['one', 'two', 'three']) {
    await typeAndWaitForSave(page, counts, word);
    await expect(saveState(page)).toHaveText('Saved', { timeout: 8_000 });
  }
  // Well past the moment a listing after the last save's event would have been asked for (100 ms).
  await page.waitForTimeout(500);
  expect(counts.get('listFiles') ?? 0).toBe(listed);
  expect(counts.get('unlinkedMentions') ?? 0).toBe(0);
});

test('files added, removed and renamed by another program show in the tree', async ({ page, host }) => {
  const counts = await countRequests(page);
  const listed = counts.get('listFiles') ?? 0;
  await writeFile(join(host.vault, 'gamma.md'), '# Gamma\n');
  await mkdir(join(host.vault, 'made/inner'), { recursive: true });
  await writeFile(join(host.vault, 'made/inner/deep.md'), 'deep\n');
  await expect(row(page, 'gamma.md')).toBeVisible();
  await expect(row(page, 'made')).toBeVisible();
  await row(page, 'made').click();
  await row(page, 'made/inner').click();
  await expect(row(page, 'made/inner/deep.md')).toBeVisible();

  // A folder renamed elsewhere arrives as its removal and the new folder's contents.
  await rename(join(host.vault, 'made'), join(host.vault, 'moved'));
  await expect(row(page, 'made')).toHaveCount(0);
  await expect(row(page, 'moved')).toBeVisible();
  await row(page, 'moved').click();
  await row(page, 'moved/inner').click();
  await expect(row(page, 'moved/inner/deep.md')).toBeVisible();

  await rm(join(host.vault, 'gamma.md'));
  await rm(join(host.vault, 'moved'), { recursive: true });
  await expect(row(page, 'gamma.md')).toHaveCount(0);
  await expect(row(page, 'moved')).toHaveCount(0);
  await expect(row(page, 'moved/inner/deep.md')).toHaveCount(0);
  await expect(row(page, 'beta.md')).toBeVisible();
  // All of it from the events: the vault was not listed again.
  expect(counts.get('listFiles') ?? 0).toBe(listed);
});

test('a click on a folder counts when another program adds a file between the press and the release', async ({
  page,
  host,
}) => {
  await expect(row(page, 'beta.md')).toBeVisible();
  await mkdir(join(host.vault, 'made'));
  await writeFile(join(host.vault, 'made/inside.md'), 'inside\n');
  await expect(row(page, 'made')).toBeVisible();
  const box = await row(page, 'made').boundingBox();
  if (!box) throw new Error('the folder row has no box');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  // The tree redraws for the new file while the button is down (folders sort first: the row
  // under the pointer stays where it is).
  await writeFile(join(host.vault, 'zz-late.md'), 'late\n');
  await expect(row(page, 'zz-late.md')).toBeVisible();
  await page.mouse.up();
  await expect(row(page, 'made')).toHaveAttribute('aria-expanded', 'true');
  await expect(row(page, 'made/inside.md')).toBeVisible();
});

test.describe('unlinked mentions (a scan of every note)', () => {
  test.use({ fixture: 'editor' });

  test('are looked for again when another note changes, while they show, and not on the open note’s saves', async ({
    page,
    host,
  }) => {
    const counts = await countRequests(page, 'neural-nets.md');
    const unlinked = () => counts.get('unlinkedMentions') ?? 0;
    const mentions = page.locator('#backlinks-pane .backlinks-unlinked');
    await row(page, 'neural-nets.md').click();
    await mentions.locator('summary').click();
    await expect(mentions.locator('.pane-group[data-source="projects/roadmap.md"]')).toBeVisible();
    const before = unlinked();

    // The open note's own saves: no other note's text changed.
    for (const word of ['one', 'two']) await typeAndWaitForSave(page, counts, word);
    await expect(saveState(page)).toHaveText('Saved', { timeout: 8_000 });
    await page.waitForTimeout(500);
    expect(unlinked()).toBe(before);

    // Another note now mentions it: looked for again, and shown.
    await writeFile(join(host.vault, 'hostile.md'), 'Neural Networks are mentioned here.\n');
    await expect(mentions.locator('.pane-group[data-source="hostile.md"]')).toBeVisible();
    expect(unlinked()).toBeGreaterThan(before);

    // Hidden behind the outgoing view: not looked for until the backlinks come back.
    await page.locator('#show-outgoing').click();
    const hidden = unlinked();
    const linked = counts.get('backlinkPage') ?? 0;
    await writeFile(join(host.vault, 'projects/roadmap.md'), 'No mention any more.\n');
    await expect.poll(() => counts.get('backlinkPage') ?? 0).toBeGreaterThan(linked); // the change reached the pane
    await page.waitForTimeout(500);
    expect(unlinked()).toBe(hidden);
    await page.locator('#show-backlinks').click();
    await expect(mentions.locator('.pane-group[data-source="projects/roadmap.md"]')).toHaveCount(0);
    expect(unlinked()).toBeGreaterThan(hidden);
  });
});

test('files that changed while the connection was down show once it is back (the vault is listed again)', async ({
  page,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'plexus-e2e-resync-'));
  const vault = join(dir, 'vault');
  await cp(resolve(import.meta.dirname, '../fixtures/basic'), vault, { recursive: true });
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  let host = await launchBrowserHost(vault, join(dir, 'data'), 20_000, { port });
  try {
    await page.goto(host.url);
    await expect(row(page, 'alpha.md')).toBeVisible();
    await host.kill();
    await expect(page.locator('#status-connection')).not.toBeEmpty({ timeout: 10_000 });
    // Written while no host watched: no event will ever say so.
    await writeFile(join(vault, 'while-away.md'), '# Away\n');
    await rm(join(vault, 'beta.md'));
    host = await launchBrowserHost(vault, join(dir, 'data'), 20_000, { port });
    await expect(row(page, 'while-away.md')).toBeVisible({ timeout: 15_000 });
    await expect(row(page, 'beta.md')).toHaveCount(0);
  } finally {
    await host.stop();
    await rm(dir, { recursive: true, force: true });
  }
});
