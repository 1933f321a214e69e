import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './browser-host';

test.use({ fixture: 'editor' });

const row = (page: Page, path: string) => page.locator(`.tree-row[data-path="${path}"]`);
const editor = (page: Page) => page.locator('.cm-content');

test('renaming in the tree rewrites the linking note on disk and in its open editor, and Undo reverses it', async ({
  page,
  host,
}) => {
  await row(page, 'index.md').click();
  await expect(editor(page)).toContainText('[[neural-nets | Neural Networks]]');
  await row(page, 'neural-nets.md').click({ button: 'right' });
  await page.locator('.context-menu button', { hasText: 'Rename' }).click();
  const input = page.locator('.tree-input');
  await input.fill('deep-learning');
  await input.press('Enter');

  await expect(page.locator('.notice', { hasText: 'Updated 3 links in 1 note' })).toBeVisible();
  await expect(row(page, 'deep-learning.md')).toBeVisible();
  const indexOnDisk = () => readFile(join(host.vault, 'index.md'), 'utf8');
  await expect.poll(indexOnDisk).toContain('Start with [[deep-learning | Neural Networks]]');
  expect(await indexOnDisk()).toContain('[[deep-learning#Training|training]]');
  expect(await indexOnDisk()).toContain('[[deep-learning#^key-idea|key idea]]');
  // The open editor shows the rewritten text (it is the tab in front of index.md's).
  await page
    .locator('.tab[data-path="index.md"]')
    .click()
    .catch(() => undefined);
  await row(page, 'index.md').click();
  await expect(editor(page)).toContainText('[[deep-learning | Neural Networks]]');

  await page.locator('.notice', { hasText: 'Updated 3 links' }).locator('.notice-action').click();
  await expect.poll(indexOnDisk).toContain('Start with [[neural-nets | Neural Networks]]');
  await expect(row(page, 'neural-nets.md')).toBeVisible();
  await expect(editor(page)).toContainText('[[neural-nets | Neural Networks]]');
});

test('an open note with unsaved edits keeps them when a rename rewrites it', async ({ page, host }) => {
  await row(page, 'index.md').click();
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\nTyped just before the rename.');
  await row(page, 'neural-nets.md').click({ button: 'right' });
  await page.locator('.context-menu button', { hasText: 'Rename' }).click();
  await page.locator('.tree-input').fill('nets');
  await page.locator('.tree-input').press('Enter');
  const indexOnDisk = () => readFile(join(host.vault, 'index.md'), 'utf8');
  await expect.poll(indexOnDisk).toContain('[[nets | Neural Networks]]');
  expect(await indexOnDisk()).toContain('Typed just before the rename.');
  await expect(editor(page)).toContainText('Typed just before the rename.');
  await expect(editor(page)).toContainText('[[nets | Neural Networks]]');
});
