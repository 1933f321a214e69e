import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { launchBrowserHost, type HostProcess } from '../helpers/browser-host-process';
import { HUB, writeBacklinkVault } from '../helpers/backlink-vault';

const NOTES = 10_500;
let dir = '';
let host: HostProcess;

test.describe.configure({ timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dir = await mkdtemp(join(tmpdir(), 'plexus-e2e-backlinks-'));
  const vault = join(dir, 'vault');
  await mkdir(vault);
  await writeBacklinkVault(vault, NOTES);
  host = await launchBrowserHost(vault, join(dir, 'data'), 120_000);
});

test.afterAll(async () => {
  await host?.stop();
  await rm(dir, { recursive: true, force: true });
});

test('a note with 10,000+ backlinks shows their count and a page of them, then more as the pane scrolls', async ({
  page,
}) => {
  await page.goto(host.url);
  await page.locator(`.tree-row[data-path="${HUB}"]`).click();
  const pane = page.locator('#backlinks-pane');
  // The count is of every link (the index is built when the host starts: it waits, not guesses).
  await expect(pane.locator('.backlinks-total')).toHaveText(String(NOTES), { timeout: 60_000 });
  const groups = pane.locator('.backlinks-linked .pane-group');
  const first = await groups.count();
  expect(first).toBeGreaterThan(0);
  expect(first).toBeLessThan(200);
  await expect(groups.first().locator('mark')).toHaveText('[[Hub]]');
  await expect(groups.first().locator('.context-snippet')).toContainText('for the overview');
  // Scrolling to the end of the list loads the next page by itself.
  await pane.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect.poll(() => groups.count()).toBeGreaterThan(first);
  const second = await groups.count();
  // "Show more" loads one too; every note appears once, in order.
  await page.locator('.backlinks-more').click();
  await expect.poll(() => groups.count()).toBeGreaterThan(second);
  const sources = await groups.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.source ?? ''));
  expect(new Set(sources).size).toBe(sources.length);
  expect(sources).toEqual([...sources].sort());
  await expect(page.locator('.backlinks-more')).toContainText(`${NOTES - sources.length} more notes`);
});
