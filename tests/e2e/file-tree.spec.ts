import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './browser-host';

/** The file tree's mouse gestures, each checked on disk: drag to move, the context menu. */

const row = (page: Page, path: string) => page.locator(`.tree-row[data-path="${path}"]`);
const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

test('dragging a note onto a folder moves it there, and onto empty space back to the root', async ({ page, host }) => {
  await expect(row(page, 'beta.md')).toBeVisible();
  await page.locator('#new-folder').click();
  await page.keyboard.type('box');
  await page.keyboard.press('Enter');
  await expect(row(page, 'box')).toBeVisible();

  await row(page, 'beta.md').dragTo(row(page, 'box'));
  await expect.poll(() => exists(join(host.vault, 'box/beta.md'))).toBe(true);
  expect(await exists(join(host.vault, 'beta.md'))).toBe(false);
  await expect(row(page, 'beta.md')).toHaveCount(0);

  // Below the last row is the tree's empty space: the vault's root.
  await row(page, 'box').click();
  const tree = page.locator('#file-tree');
  const box = await tree.boundingBox();
  if (!box) throw new Error('the tree has no box');
  await row(page, 'box/beta.md').dragTo(tree, { targetPosition: { x: box.width / 2, y: box.height - 10 } });
  await expect.poll(() => exists(join(host.vault, 'beta.md'))).toBe(true);
  await expect(row(page, 'beta.md')).toBeVisible();
});

test('the context menu of a folder creates a note inside it', async ({ page, host }) => {
  await expect(row(page, 'beta.md')).toBeVisible();
  await page.locator('#new-folder').click();
  await page.keyboard.type('box');
  await page.keyboard.press('Enter');
  await row(page, 'box').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'New note' }).click();
  await page.keyboard.type('inside');
  await page.keyboard.press('Enter');
  await expect.poll(() => exists(join(host.vault, 'box/inside.md'))).toBe(true);
  await expect(row(page, 'box/inside.md')).toBeVisible();
});
