import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './browser-host';

test.use({ fixture: 'editor' });

const row = (page: Page, path: string) => page.locator(`.tree-row[data-path="${path}"]`);
const editor = (page: Page) => page.locator('.cm-content');
const backlinks = (page: Page) => page.locator('#backlinks-pane');

test('backlinks list linking notes with context, and a click jumps to the link', async ({ page }) => {
  await row(page, 'neural-nets.md').click();
  const group = backlinks(page).locator('.pane-group[data-source="index.md"]');
  await expect(group.locator('.pane-count')).toHaveText('3');
  await expect(group.locator('mark').first()).toHaveText('[[neural-nets | Neural Networks]]');
  await group.locator('.pane-item').nth(1).click();
  await expect(page.locator('#note-title')).toHaveText('index');
  await expect(page.locator('.cm-selectionBackground').first()).toBeAttached();
});

test('a link typed in one note appears in the other note’s backlinks', async ({ page }) => {
  await row(page, 'hostile.md').click();
  await row(page, 'neural-nets.md').click({ modifiers: ['ControlOrMeta'] });
  await expect(backlinks(page).locator('.pane-group[data-source="hostile.md"]')).toHaveCount(0);
  await page.locator('.tab[data-path="hostile.md"]').click();
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\nSee [[neural-nets]] for the theory.');
  await page.locator('.tab[data-path="neural-nets.md"]').click();
  await expect(backlinks(page).locator('.pane-group[data-source="hostile.md"] mark')).toHaveText('[[neural-nets]]');
});

test('the Link action turns an unlinked mention into a link on disk', async ({ page, host }) => {
  await row(page, 'neural-nets.md').click();
  await backlinks(page).locator('summary').click();
  const mention = backlinks(page).locator('.backlinks-unlinked .pane-group[data-source="projects/roadmap.md"]');
  await expect(mention.locator('mark')).toHaveText('Neural Networks');
  await mention.locator('.mention-link').click();
  await expect
    .poll(() => readFile(join(host.vault, 'projects/roadmap.md'), 'utf8'))
    .toContain('Q3 depends on [[neural-nets|Neural Networks]] research.');
  await expect(
    backlinks(page).locator('.backlinks-linked .pane-group[data-source="projects/roadmap.md"]'),
  ).toBeVisible();
});

test('outgoing links: an unresolved one is styled apart, and a click creates the note', async ({ page, host }) => {
  await row(page, 'index.md').click();
  await page.locator('#show-outgoing').click();
  const ghost = page.locator('#outgoing-pane .outgoing-link.unresolved');
  await expect(ghost).toHaveText('Ghost Note');
  await expect(page.locator('#outgoing-pane .outgoing-link.resolved')).toHaveText(['neural-nets', 'roadmap']);
  await ghost.click();
  await expect(page.locator('#note-title')).toHaveText('Ghost Note');
  await expect.poll(() => readFile(join(host.vault, 'Ghost Note.md'), 'utf8')).toBe('');
});
