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
  // A drag is a move, and the notice says so.
  await expect(page.locator('.notice', { hasText: 'Moved "beta.md"' })).toBeVisible();
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

test('Delete asks in the window’s own dialog: Escape and Cancel keep the note, "Move to trash" trashes it', async ({
  page,
  host,
}) => {
  // No native dialog (window.confirm) may open.
  page.on('dialog', (dialog) => {
    throw new Error(`a native ${dialog.type()} dialog opened: ${dialog.message()}`);
  });
  const dialog = page.getByRole('dialog');
  await row(page, 'beta.md').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  await expect(dialog).toContainText('Move "beta" to the trash?');
  // The focus is in the dialog, and Tab keeps it there.
  const cancel = dialog.getByRole('button', { name: 'Cancel' });
  const ok = dialog.getByRole('button', { name: 'Move to trash' });
  await expect(cancel).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(ok).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(cancel).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(ok).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(row(page, 'beta.md')).toBeFocused();
  expect(await exists(join(host.vault, 'beta.md'))).toBe(true);

  // From the keyboard: Delete on the row, then Cancel.
  await page.keyboard.press('Delete');
  await expect(cancel).toBeFocused();
  await cancel.click();
  await expect(dialog).toHaveCount(0);
  await expect(row(page, 'beta.md')).toBeFocused();
  expect(await exists(join(host.vault, 'beta.md'))).toBe(true);

  await page.keyboard.press('Delete');
  await ok.click();
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => exists(join(host.vault, 'beta.md'))).toBe(false);
  await expect(row(page, 'beta.md')).toHaveCount(0);
  expect(await exists(join(host.vault, 'alpha.md'))).toBe(true);
});
