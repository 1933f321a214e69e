import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './browser-host';

test.use({ fixture: 'editor' });

const NOTE = 'First line\nSecond line\n\n> [!note] Callout\n> one\n> two\n';
const paragraph = (page: Page) => page.locator('#reading .reading-view p', { hasText: 'First line' });

/** Puts `app.json` (or nothing) in the vault's .obsidian folder, writes the note, and reloads the page. */
async function start(page: Page, vault: string, appJson: string | null): Promise<void> {
  if (appJson !== null) {
    await mkdir(join(vault, '.obsidian'), { recursive: true });
    await writeFile(join(vault, '.obsidian', 'app.json'), appJson);
  }
  await writeFile(join(vault, 'lines.md'), NOTE);
  // The page reads the vault's info (app.json included) when it starts.
  await page.reload();
  await page.locator('.tree-row[data-path="lines.md"]').click();
  await expect(page.locator('#note-title')).toHaveText('lines');
  await page.keyboard.press('ControlOrMeta+E');
  await expect(page.locator('#editor')).toBeHidden();
}

test('without app.json, single newlines are line breaks in reading view', async ({ page, host }) => {
  await start(page, host.vault, null);
  await expect(paragraph(page).locator('br')).toHaveCount(1);
  await expect(page.locator('#reading .callout br')).toHaveCount(1);
});

test('app.json with strictLineBreaks joins them; the palette command turns breaks back on and saves it', async ({
  page,
  host,
}) => {
  const appJson = '{\n  "strictLineBreaks": true\n}';
  await start(page, host.vault, appJson);
  await expect(paragraph(page)).toContainText('First line');
  await expect(paragraph(page).locator('br')).toHaveCount(0);
  await expect(page.locator('#reading .callout br')).toHaveCount(0);

  // Plexus's own setting outranks app.json, which is never written.
  await page.keyboard.press('ControlOrMeta+P');
  await page.keyboard.type('strict line breaks');
  await expect(page.locator('.picker-option').first()).toContainText('Toggle strict line breaks');
  await page.keyboard.press('Enter');
  await expect(paragraph(page).locator('br')).toHaveCount(1);
  const settings = JSON.parse(await readFile(join(host.vault, '.plexus', 'settings.json'), 'utf8')) as {
    strictLineBreaks?: boolean;
  };
  expect(settings.strictLineBreaks).toBe(false);
  expect(await readFile(join(host.vault, '.obsidian', 'app.json'), 'utf8')).toBe(appJson);
});

test('a malformed app.json gives a notice and the default', async ({ page, host }) => {
  await start(page, host.vault, '{"strictLineBreaks": tru');
  await expect(page.locator('.notice.error', { hasText: 'app.json is not valid JSON' })).toBeVisible();
  await expect(paragraph(page).locator('br')).toHaveCount(1);
});
