import type { Page } from '@playwright/test';
import { expect, test } from './browser-host';

test.use({ fixture: 'editor' });

const pane = (page: Page) => page.locator('#search-pane');

test('the search pane shows snippets as you type, and Enter opens the note at the match', async ({ page }) => {
  await expect(page.locator('.tree-row[data-path="index.md"]')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Shift+F');
  await expect(pane(page).locator('.search-input')).toBeFocused();
  await page.keyboard.type('gradient desc');
  await expect(pane(page).locator('.search-summary')).toHaveText('1 note');
  const snippet = pane(page).locator('.search-snippet').first();
  await expect(snippet.locator('.search-line')).toHaveText('15');
  await expect(snippet.locator('mark')).toHaveText(['Gradient', 'desc']);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.locator('#note-title')).toHaveText('neural-nets');
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('Gradient');
});

test('a query that matches nothing says so and shows help; a bad one shows its error', async ({ page }) => {
  await page.locator('#show-search').click();
  await pane(page).locator('.search-input').fill('zebra');
  await expect(pane(page).locator('.search-summary')).toContainText('No notes match');
  await pane(page).locator('.search-input').fill('"unclosed');
  await expect(pane(page).locator('.search-summary.error')).toContainText('never closed');
});

test('an edited note is found by its new words', async ({ page }) => {
  await page.locator('.tree-row[data-path="hostile.md"]').click();
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\nQuixotic marmalade.');
  await expect(page.locator('#status-save .save-label')).toHaveText('Saved', { timeout: 8_000 });
  await page.locator('#show-search').click();
  await pane(page).locator('.search-input').fill('quixotic marm');
  await expect(pane(page).locator('.search-hit-title')).toHaveText(['Hostile']);
});
