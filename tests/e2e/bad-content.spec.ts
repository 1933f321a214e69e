import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './browser-host';

test.use({ fixture: 'bad-content' });

const row = (page: Page, path: string) => page.locator(`.tree-row[data-path="${path}"]`);
const editor = (page: Page) => page.locator('.cm-content');
const banner = (page: Page) => page.locator('.cm-note-banner');
const saveState = (page: Page) => page.locator('#status-save .save-label');

test('a Latin-1 note opens read-only with a warning; typing changes nothing, on screen or on disk', async ({
  page,
  host,
}) => {
  const path = join(host.vault, 'latin1.md');
  const before = await readFile(path);
  await row(page, 'latin1.md').click();
  // Bad bytes show as U+FFFD; the rest of the text is there (CRLF shown as lines, as for any note).
  await expect(editor(page)).toContainText('# Caf\uFFFD notes');
  await expect(editor(page)).toContainText('Cr\uFFFDme br\uFFFDl\uFFFDe, na\uFFFDve.');
  await expect(banner(page)).toContainText('not valid UTF-8 text (the first bad byte is at offset 5)');
  await expect(banner(page)).toContainText('read-only so that saving can never replace its bytes with a lossy copy');
  await expect(saveState(page)).toHaveText('Read-only');
  await expect(editor(page)).toHaveAttribute('contenteditable', 'false');

  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('typed');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('ControlOrMeta+S');
  // Longer than the autosave delay: a save, if any were attempted, would have happened.
  await page.waitForTimeout(2_500);
  await expect(editor(page)).not.toContainText('typed');
  await expect(saveState(page)).toHaveText('Read-only');
  expect(await readFile(path)).toEqual(before);

  // Leaving and coming back is not blocked, and it still opens read-only.
  await row(page, 'start-here.md').click();
  await expect(editor(page)).toContainText('A plain note.');
  await expect(banner(page)).toHaveCount(0);
  await expect(editor(page)).toHaveAttribute('contenteditable', 'true');
  await row(page, 'latin1.md').click();
  await expect(banner(page)).toContainText('not valid UTF-8');
  expect(await readFile(path)).toEqual(before);
});

test('a read-only note fixed on disk (now UTF-8) reloads editable, and edits are saved', async ({ page, host }) => {
  const path = join(host.vault, 'latin1.md');
  await row(page, 'latin1.md').click();
  await expect(banner(page)).toContainText('not valid UTF-8');
  // Another program re-encodes the file as UTF-8.
  await writeFile(path, '# Caf\u00e9 notes\r\n\r\nCr\u00e8me br\u00fbl\u00e9e.\r\n');
  await expect(editor(page)).toContainText('# Caf\u00e9 notes', { timeout: 8_000 });
  await expect(banner(page)).toHaveCount(0);
  await expect(editor(page)).toHaveAttribute('contenteditable', 'true');
  await expect(saveState(page)).toHaveText('Saved');
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('Now editable.');
  // Saved in the note's own format (CRLF kept).
  await expect
    .poll(() => readFile(path, 'utf8'), { timeout: 8_000 })
    .toBe('# Caf\u00e9 notes\r\n\r\nCr\u00e8me br\u00fbl\u00e9e.\r\nNow editable.');
});

test('a binary file is refused with a clear message', async ({ page }) => {
  await row(page, 'binary.md').click();
  await expect(page.locator('.notice.error', { hasText: 'is a binary file' })).toBeVisible();
});

test('a 20 MB note opens in plain-text mode, takes typing and is saved; the page stays responsive', async ({
  page,
  host,
}) => {
  test.setTimeout(240_000);
  const path = join(host.vault, 'huge.md');
  const line = (i: number) =>
    `Line ${String(i).padStart(6, '0')} of a large note with [[start-here]] and **bold** text.\n`;
  const lines: string[] = [];
  for (let i = 0; i < 340_000; i++) lines.push(line(i));
  const text = lines.join('');
  expect(text.length).toBeGreaterThan(20_000_000);
  await writeFile(path, text);
  const size = (await stat(path)).size;
  await page.reload();

  // The engine indexes the new note first (seconds at this size, more on a busy machine).
  await row(page, 'huge.md').click({ timeout: 90_000 });
  await expect(banner(page)).toContainText('Large note: plain-text mode', { timeout: 60_000 });
  await expect(editor(page)).toContainText('Line 000000 of a large note');
  // Plain mode: no markdown highlighting and no link decorations in the editor.
  await expect(page.locator('.cm-content .cm-wiki-link, .cm-content .cm-link')).toHaveCount(0);

  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('Z');
  await expect(editor(page)).toContainText('Z');
  await expect.poll(async () => (await stat(path)).size, { timeout: 30_000 }).toBe(size + 1);
  const saved = await readFile(path, 'utf8');
  expect(saved.endsWith(`${line(339_999)}Z`)).toBe(true);
  // The engine re-indexes the note as part of the save, which takes seconds at this size.
  await expect(saveState(page)).toHaveText('Saved', { timeout: 60_000 });

  // The reading view refuses (it would render megabytes of markdown) and says so.
  await page.keyboard.press('ControlOrMeta+E');
  await expect(page.locator('.notice', { hasText: 'reading view is off' })).toBeVisible();
  await expect(page.locator('#editor')).toBeVisible();

  // Still responsive: the page answers and another note opens.
  expect(await page.evaluate(() => document.querySelectorAll('.tree-row').length)).toBeGreaterThan(2);
  await row(page, 'start-here.md').click();
  await expect(editor(page)).toContainText('A plain note.');
  await expect(banner(page)).toHaveCount(0);
});
