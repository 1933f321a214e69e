import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './browser-host';

test.use({ fixture: 'editor' });

const row = (page: Page, path: string) => page.locator(`.tree-row[data-path="${path}"]`);
const tab = (page: Page, path: string) => page.locator(`.tab[data-path="${path}"]`);
const editor = (page: Page) => page.locator('.cm-content');

test('tabs open with Ctrl+click, close, reopen, and survive a restart', async ({ page, host }) => {
  await row(page, 'index.md').click();
  await expect(tab(page, 'index.md')).toHaveAttribute('aria-selected', 'true');
  await row(page, 'neural-nets.md').click({ modifiers: ['ControlOrMeta'] });
  await expect(page.locator('.tab')).toHaveCount(2);
  await expect(tab(page, 'neural-nets.md')).toHaveAttribute('aria-selected', 'true');
  await expect(editor(page)).toContainText('Layers of weighted sums');

  // A plain click replaces the active tab, as following a link does.
  await row(page, 'hostile.md').click();
  await expect(page.locator('.tab')).toHaveCount(2);
  await expect(tab(page, 'hostile.md')).toHaveAttribute('aria-selected', 'true');

  await tab(page, 'index.md').click();
  await expect(editor(page)).toContainText('Start with');
  await tab(page, 'index.md').locator('.tab-close').click();
  await expect(page.locator('.tab')).toHaveCount(1);
  await expect(editor(page)).toContainText('Plain text survives.');

  await page.keyboard.press('ControlOrMeta+Shift+T');
  await expect(page.locator('.tab')).toHaveCount(2);
  await expect(tab(page, 'index.md')).toHaveAttribute('aria-selected', 'true');

  const statePath = join(host.vault, '.plexus/workspace.json');
  await expect
    .poll(async () => JSON.parse(await readFile(statePath, 'utf8').catch(() => 'null')) as unknown)
    .toEqual({ tabs: ['index.md', 'hostile.md'], active: 'index.md' });

  await page.reload();
  await expect(page.locator('.tab')).toHaveCount(2);
  await expect(tab(page, 'index.md')).toHaveAttribute('aria-selected', 'true');
  await expect(editor(page)).toContainText('Start with');
});

test('back and forward go through visited notes', async ({ page }) => {
  await row(page, 'index.md').click();
  await expect(editor(page)).toContainText('Start with');
  await row(page, 'neural-nets.md').click();
  await expect(editor(page)).toContainText('Layers of weighted sums');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(editor(page)).toContainText('Start with');
  await page.keyboard.press('Alt+ArrowRight');
  await expect(editor(page)).toContainText('Layers of weighted sums');
});
