import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './browser-host';

test.use({ fixture: 'new-notes' });

const row = (page: Page, path: string) => page.locator(`.tree-row[data-path="${path}"]`);
const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

async function followFreshIdea(page: Page): Promise<void> {
  await row(page, 'sub').click();
  await row(page, 'sub/a.md').click();
  await expect(page.locator('#note-title')).toHaveText('a');
  await page.locator('.cm-link-unresolved', { hasText: 'Fresh Idea' }).click({ modifiers: ['ControlOrMeta'] });
  await expect(page.locator('#note-title')).toHaveText('Fresh Idea');
}

test('by default, an unresolved link in sub/a.md creates the note in sub/', async ({ page, host }) => {
  await followFreshIdea(page);
  await expect.poll(() => readFile(join(host.vault, 'sub', 'Fresh Idea.md'), 'utf8')).toBe('');
  expect(await exists(join(host.vault, 'Fresh Idea.md'))).toBe(false);
});

test('with new notes set to the inbox folder, the link creates inbox/Fresh Idea.md', async ({ page, host }) => {
  await expect(row(page, 'inbox')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+P');
  await page.keyboard.type('location for new');
  await expect(page.locator('.picker-option').first()).toContainText('Set location for new notes…');
  await page.keyboard.press('Enter');
  const picker = page.getByRole('dialog', { name: 'Location for new notes' });
  await expect(picker.locator('.picker-label')).toHaveText([
    'Same folder as current note',
    'Vault root',
    'inbox',
    'sub',
  ]);
  await expect(picker.locator('.picker-option').first().locator('.picker-hint')).toHaveText('current');
  await page.keyboard.type('inbox');
  await expect(picker.locator('.picker-option').first()).toHaveText('inbox');
  await page.keyboard.press('Enter');
  await expect(page.locator('.notice', { hasText: 'New notes go in "inbox".' })).toBeVisible();
  await expect
    .poll(() => readFile(join(host.vault, '.plexus', 'settings.json'), 'utf8').then(JSON.parse, () => null))
    .toEqual({ newNotes: 'folder', newNotesFolder: 'inbox', defaultEditing: 'source' }); // the mode is kept

  await followFreshIdea(page);
  await expect.poll(() => readFile(join(host.vault, 'inbox', 'Fresh Idea.md'), 'utf8')).toBe('');
  expect(await exists(join(host.vault, 'sub', 'Fresh Idea.md'))).toBe(false);
  await expect(row(page, 'inbox/Fresh Idea.md')).toBeVisible();

  // The quick switcher's create follows the same setting.
  await page.keyboard.press('ControlOrMeta+O');
  await page.keyboard.type('Quick Thought');
  await page.keyboard.press('Shift+Enter');
  await expect(page.locator('#note-title')).toHaveText('Quick Thought');
  await expect.poll(() => exists(join(host.vault, 'inbox', 'Quick Thought.md'))).toBe(true);
});
