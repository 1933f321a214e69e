import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './browser-host';

test.use({ fixture: 'editor' });

const row = (page: Page, path: string) => page.locator(`.tree-row[data-path="${path}"]`);
const reading = (page: Page) => page.locator('#reading .reading-view');

test('reading view renders a callout, a table, <br/> and a vault image', async ({ page }) => {
  await page.locator('.tree-row[data-path="projects"]').click();
  await row(page, 'projects/roadmap.md').click();
  await page.keyboard.press('ControlOrMeta+E');
  await expect(page.locator('#editor')).toBeHidden();
  const callout = reading(page).locator('.callout');
  await expect(callout).toContainText('Status');
  await expect(callout.locator('br')).toHaveCount(1);
  await expect(reading(page).locator('table td')).toContainText(['Q1', 'Ship search', 'Q2', 'Ship sync']);
  await expect(reading(page).locator('input[type="checkbox"]')).toHaveCount(2);
  const image = reading(page).locator('img');
  await expect(image).toHaveAttribute('width', '120');
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
  await page.keyboard.press('ControlOrMeta+E');
  await expect(page.locator('.cm-content')).toBeVisible();
});

test('a plain click on a link in reading view follows it; an unresolved one creates the note', async ({
  page,
  host,
}) => {
  await row(page, 'index.md').click();
  await page.keyboard.press('ControlOrMeta+E');
  await reading(page).locator('a.internal-link', { hasText: 'training' }).click();
  await expect(page.locator('#note-title')).toHaveText('neural-nets');
  await expect(reading(page).locator('h2', { hasText: 'Training' })).toBeInViewport();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page.locator('#note-title')).toHaveText('index');
  await reading(page).locator('a.internal-link.is-unresolved', { hasText: 'Ghost Note' }).click();
  await expect(page.locator('#note-title')).toHaveText('Ghost Note');
  await expect.poll(() => readFile(join(host.vault, 'Ghost Note.md'), 'utf8')).toBe('');
});

test('a hostile note runs nothing in reading view and logs no errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await row(page, 'hostile.md').click();
  await page.keyboard.press('ControlOrMeta+E');
  await expect(reading(page)).toContainText('Plain text survives.');
  for (const link of await reading(page).locator('a').all()) await link.click({ force: true }).catch(() => undefined);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(await reading(page).locator('script, iframe, object, embed, [onerror], [onload]').count()).toBe(0);
  expect(errors).toEqual([]);
  expect(requests.filter((url) => !url.startsWith('http://127.0.0.1'))).toEqual([]);
});
