import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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

test('task-todo: finds words in unticked tasks only, and a scope with nothing to find says so', async ({ page }) => {
  await page.locator('#show-search').click();
  const input = pane(page).locator('.search-input');
  await expect(pane(page).locator('.search-summary')).toContainText('task-todo:');
  await input.fill('task-todo:follow');
  await expect(pane(page).locator('.search-hit-title')).toHaveText([/Roadmap/]);
  await expect(pane(page).locator('.search-snippet mark')).toHaveText(['Follow']);
  // "Write the plan" is a ticked task: not to do.
  await input.fill('task-todo:write');
  await expect(pane(page).locator('.search-summary')).toContainText('No notes match');
  await input.fill('task-done:write');
  await expect(pane(page).locator('.search-hit-title')).toHaveText([/Roadmap/]);
  // Taken as words before: "section" and "plan" were found anywhere.
  await input.fill('section:');
  await expect(pane(page).locator('.search-summary.error')).toContainText('"section:" needs words');
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

for (const editing of ['source', 'live'] as const) {
  test.describe(`in ${editing === 'source' ? 'Source mode' : 'Live Preview'}`, () => {
    test.use({ editing });

    test('Enter opens the first result with its first match selected', async ({ page }) => {
      await expect(page.locator('.tree-row[data-path="index.md"]')).toBeVisible();
      await page.keyboard.press('ControlOrMeta+Shift+F');
      await page.keyboard.type('descent ');
      await expect(pane(page).locator('.search-summary')).toHaveText('1 note');
      // No arrow key: the note's own row is selected, and Enter opens it at the match.
      await page.keyboard.press('Enter');
      await expect(page.locator('#note-title')).toHaveText('neural-nets');
      await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('descent');
      // Scrolled into view: the selection is inside the editor's visible box.
      const inView = await page.evaluate(() => {
        const range = window.getSelection()?.getRangeAt(0).getBoundingClientRect();
        const scroller = document.querySelector('.cm-scroller')?.getBoundingClientRect();
        return (
          !!range && !!scroller && range.height > 0 && range.top >= scroller.top && range.bottom <= scroller.bottom
        );
      });
      expect(inView).toBe(true);
    });
  });
}

for (const width of [1400, 900]) {
  test(`a match near the end of a long line is visible in its row at ${width} px`, async ({ page, host }) => {
    await page.setViewportSize({ width, height: 800 });
    const lead = 'The quick brown fox jumps over the lazy dog while the band plays on. '.repeat(3);
    await writeFile(join(host.vault, 'long-line.md'), `# Long line\n\n${lead}Zanzibar is where it ends.\n`);
    await page.locator('#show-search').click();
    const input = pane(page).locator('.search-input');
    // The new note is indexed from the watcher: search until it is found.
    await expect(async () => {
      await input.fill('');
      await input.fill('zanzibar');
      await expect(pane(page).locator('.search-hit-title')).toHaveText(['Long line'], { timeout: 1000 });
    }).toPass({ timeout: 10_000 });
    const text = pane(page).locator('.search-snippet .search-text').first();
    const mark = text.locator('mark');
    await expect(mark).toHaveText('Zanzibar');
    const box = await text.boundingBox();
    const markBox = await mark.boundingBox();
    if (!box || !markBox) throw new Error('snippet not laid out');
    // The text element clips what it cannot show (overflow hidden): the mark must be inside it.
    expect(markBox.x).toBeGreaterThanOrEqual(box.x - 0.5);
    expect(markBox.x + markBox.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
    expect(markBox.y).toBeGreaterThanOrEqual(box.y - 0.5);
    expect(markBox.y + markBox.height).toBeLessThanOrEqual(box.y + box.height + 0.5);
    // And the row is on screen, inside the pane.
    const paneBox = await pane(page).boundingBox();
    if (!paneBox) throw new Error('pane not laid out');
    expect(markBox.x + markBox.width).toBeLessThanOrEqual(paneBox.x + paneBox.width + 0.5);
  });
}
