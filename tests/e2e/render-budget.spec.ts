import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './browser-host';

/*
 * Reading view and previews render in a worker (renderer/src/reading/render-client.ts) with a 3 s budget:
 * markdown that takes remark far longer (this one: about 10 s in Node) shows a line saying so,
 * and the window answers all along.
 */

test.use({ fixture: 'editor' });

/** `[[[…a](](…`: unclosed link openers, each tried against every `](` after it (18 kB). */
const PATHOLOGICAL = '['.repeat(6000) + 'a' + ']('.repeat(6000) + '\n';
const TOO_COMPLEX =
  'This note is too complex to render in reading view (it took more than 3 s); the editor still shows it.';

const row = (page: Page, path: string) => page.locator(`.tree-row[data-path="${path}"]`);
const reading = (page: Page) => page.locator('#reading .reading-view');

/** How long the page takes to answer a script, ms. */
async function roundTrip(page: Page): Promise<number> {
  const start = Date.now();
  await page.evaluate(() => document.title);
  return Date.now() - start;
}

test('a note too complex for the budget says so, and the window stays responsive', async ({ page, host }) => {
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await writeFile(join(host.vault, 'deep.md'), PATHOLOGICAL);
  await expect(row(page, 'deep.md')).toBeVisible();
  await row(page, 'deep.md').click();
  await expect(page.locator('#note-title')).toHaveText('deep');
  await page.keyboard.press('ControlOrMeta+E');
  await expect(page.locator('#editor')).toBeHidden();
  // While the worker is busy with the note, the page answers at once.
  await page.waitForTimeout(500);
  expect(await roundTrip(page)).toBeLessThan(500);
  await expect(reading(page)).toHaveText(TOO_COMPLEX, { timeout: 10_000 });
  expect(workers.some((url) => /render-worker/.test(url))).toBe(true);
  // The next note renders in a new worker.
  await row(page, 'index.md').click();
  await expect(reading(page).locator('h1')).toHaveText('Index');
  await expect(reading(page).locator('a.internal-link', { hasText: 'training' })).toBeVisible();
  expect(workers.filter((url) => /render-worker/.test(url)).length).toBe(2);
  // Leaving the note before its budget runs out drops its render: the note left never shows.
  await row(page, 'deep.md').click();
  await page.waitForTimeout(300);
  expect(await roundTrip(page)).toBeLessThan(500);
  await row(page, 'index.md').click();
  await page.waitForTimeout(3500);
  await expect(reading(page).locator('h1')).toHaveText('Index');
  await expect(reading(page)).not.toContainText('too complex');
  // The editor still shows the note.
  await row(page, 'deep.md').click();
  await expect(reading(page)).toHaveText(TOO_COMPLEX, { timeout: 10_000 });
  await page.keyboard.press('ControlOrMeta+E');
  await expect(page.locator('.cm-content')).toContainText('[[[[');
});

test('a note renders in reading view through the worker: callout, links, embed, vault image', async ({
  page,
  host,
}) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  const worker = page.waitForEvent('worker');
  await writeFile(
    join(host.vault, 'worker-note.md'),
    [
      '# Through the worker',
      '',
      '> [!tip] Off the page',
      '> With [[neural-nets|a link]] inside &amp; &copy; entities.',
      '',
      'And [[Nowhere]].',
      '',
      '![[diagram.png|120]]',
      '',
      '![[neural-nets#Training]]',
      '',
    ].join('\n'),
  );
  await expect(row(page, 'worker-note.md')).toBeVisible();
  await row(page, 'worker-note.md').click();
  await page.keyboard.press('ControlOrMeta+E');
  expect((await worker).url()).toMatch(/render-worker/);
  const callout = reading(page).locator('.callout');
  await expect(callout).toContainText('Off the page');
  await expect(callout).toContainText('With a link inside & © entities.');
  await expect(callout.locator('a.internal-link:not(.is-unresolved)')).toHaveText('a link');
  await expect(reading(page).locator('a.internal-link.is-unresolved')).toHaveText('Nowhere');
  await expect(reading(page).locator('.markdown-embed-content')).toContainText('Gradient descent on a loss');
  const image = reading(page).locator('img.image-embed');
  await expect(image).toHaveAttribute('src', /^\/vault-file\/media\/diagram\.png\?key=[0-9a-f]{64}$/);
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
  // A preview from reading view renders through the worker too.
  await page.keyboard.down('Control');
  await callout.locator('a.internal-link').hover();
  await page.keyboard.up('Control');
  await expect(page.locator('.hover-popover .hover-preview')).toContainText('Layers of weighted sums');
  expect(errors).toEqual([]);
});
