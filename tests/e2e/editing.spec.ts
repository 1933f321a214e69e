import { readFile, writeFile, access } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './browser-host';

/** Polls a file on disk until `check` holds (the app saves asynchronously). */
async function expectFile(path: string, check: (text: string | null) => boolean): Promise<void> {
  await expect.poll(async () => check(await readFile(path, 'utf8').catch(() => null)), { timeout: 8_000 }).toBe(true);
}

const row = (page: Page, path: string) => page.locator(`.tree-row[data-path="${path}"]`);
const editor = (page: Page) => page.locator('.cm-content');
const saveState = (page: Page) => page.locator('#status-save .save-label');

test('opens a note from the tree, and what is typed is saved to disk', async ({ page, host }) => {
  await expect(row(page, 'beta.md')).toBeVisible();
  await row(page, 'beta.md').click();
  await expect(page.locator('#note-title')).toHaveText('beta');
  await expect(editor(page)).toContainText('Beta links back to [[alpha]].');

  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\nTyped in the browser.');
  await expect(saveState(page)).toHaveText('Saved', { timeout: 8_000 });
  await expectFile(
    join(host.vault, 'beta.md'),
    (t) => t === '# Beta\n\nBeta links back to [[alpha]].\n\nTyped in the browser.',
  );
});

test('nested folders expand, and a CRLF note stays CRLF after an edit', async ({ page, host }) => {
  await row(page, 'notes').click();
  await row(page, 'notes/deeper').click();
  await row(page, 'notes/deeper/delta.md').click();
  await expect(editor(page)).toContainText('Delta is deep.');

  await row(page, 'crlf.md').click();
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('More.');
  await expectFile(join(host.vault, 'crlf.md'), (t) => t === '# CRLF\r\n\r\nWindows line endings.\r\nMore.');
});

test('creates a note and renames it from the tree', async ({ page, host }) => {
  await page.getByRole('button', { name: 'New note' }).click();
  const name = page.getByRole('textbox', { name: 'Note name' });
  await name.fill('Fresh idea');
  await name.press('Enter');
  await expect(page.locator('#note-title')).toHaveText('Fresh idea');
  await expectFile(join(host.vault, 'Fresh idea.md'), (t) => t === '');

  await page.keyboard.type('First line of a fresh idea.');
  await expectFile(join(host.vault, 'Fresh idea.md'), (t) => t === 'First line of a fresh idea.');

  await row(page, 'Fresh idea.md').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Rename' }).click();
  const rename = page.getByRole('textbox', { name: 'New name for Fresh idea.md' });
  await expect(rename).toHaveValue('Fresh idea');
  await rename.fill('Renamed idea');
  await rename.press('Enter');

  await expect(row(page, 'Renamed idea.md')).toBeVisible();
  await expect(page.locator('#note-title')).toHaveText('Renamed idea');
  await expectFile(join(host.vault, 'Renamed idea.md'), (t) => t === 'First line of a fresh idea.');
  await expect(access(join(host.vault, 'Fresh idea.md'))).rejects.toThrow();

  // Editing after the rename saves to the new name.
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' Still here.');
  await expectFile(join(host.vault, 'Renamed idea.md'), (t) => t === 'First line of a fresh idea. Still here.');
});

test('an illegal name is refused with a clear message and nothing is created', async ({ page, host }) => {
  await page.getByRole('button', { name: 'New note' }).click();
  const name = page.getByRole('textbox', { name: 'Note name' });
  await name.fill('what?');
  await name.press('Enter');
  await expect(page.getByRole('alert')).toContainText('is not allowed in names on Windows');
  await expect(access(join(host.vault, 'what?.md'))).rejects.toThrow();
});

test('an edit made on disk by another program appears in the open editor', async ({ page, host }) => {
  await row(page, 'alpha.md').click();
  await expect(editor(page)).toContainText('Alpha body text.');
  const file = join(host.vault, 'alpha.md');
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.replace('Alpha body text.', 'Alpha body text, changed outside.'));
  await expect(editor(page)).toContainText('Alpha body text, changed outside.');
  await expect(saveState(page)).toHaveText('Saved');
});

test('an edit on disk while the note has unsaved edits is flagged, not overwritten', async ({ page, host }) => {
  await row(page, 'beta.md').click();
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  const file = join(host.vault, 'beta.md');
  // Type and change the file on disk within the autosave pause.
  await page.keyboard.type(' mine');
  await writeFile(file, '# Beta\n\nTheirs.\n');
  await expect(saveState(page)).toHaveText('Changed on disk');
  await expect(editor(page)).toContainText('Beta links back to [[alpha]]. mine');
  await page.waitForTimeout(1500);
  expect(await readFile(file, 'utf8')).toBe('# Beta\n\nTheirs.\n');

  await page.getByRole('button', { name: 'Keep my version' }).click();
  await expectFile(file, (t) => t === '# Beta\n\nBeta links back to [[alpha]].\n mine');
});

test('a visitor without the token gets no vault: the page says so and images are refused', async ({
  browser,
  host,
}) => {
  // A fresh tab (no sessionStorage) at the address without its token.
  const page = await browser.newPage();
  await page.goto(host.url.replace(/\?token=.*/, ''));
  await expect(page.locator('#empty')).toContainText('needs the address printed by "npm run serve"');
  await expect(page.locator('.tree-row')).toHaveCount(0);
  const image = await page.request.get(host.url.replace(/\?token=.*/, 'vault-file/image.png'));
  expect(image.status()).toBe(403);
  await page.close();
});

test('a name being typed survives the tree refreshing for a change on disk', async ({ page, host }) => {
  await expect(row(page, 'beta.md')).toBeVisible();
  await page.getByRole('button', { name: 'New note' }).click();
  const name = page.getByRole('textbox', { name: 'Note name' });
  await name.fill('Half typed');
  await writeFile(join(host.vault, 'arrived.md'), '# Arrived\n');
  await expect(row(page, 'arrived.md')).toBeVisible();
  await expect(name).toHaveValue('Half typed');
  await name.press('End');
  await page.keyboard.type(' and finished');
  await page.keyboard.press('Enter');
  await expectFile(join(host.vault, 'Half typed and finished.md'), (t) => t === '');
});
