import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { auditContrast, describeFailure } from './contrast';
import { expect, test } from './browser-host';

/**
 * WCAG AA contrast in both themes: each pane and popup of the app is opened on a note that uses
 * every style (tests/fixtures/contrast/showcase.md) and every visible text in it is measured
 * against the background it is drawn on (tests/e2e/contrast.ts): 4.5:1, or 3:1 for large text;
 * a link told from its text by colour alone needs 3:1 against that text.
 */

test.use({ fixture: 'contrast' });

const row = (page: Page, path: string) => page.locator(`.tree-row[data-path="${path}"]`);

/** Measures the text under `root` (already visible) and records what fails, named by state. */
async function expectContrast(page: Page, state: string, root: string): Promise<void> {
  await expect(page.locator(root).first()).toBeVisible();
  const report = await auditContrast(page, root);
  expect(report.checked, `${state}: some text was measured`).toBeGreaterThan(0);
  expect.soft(report.failures.map(describeFailure), `${state}: texts below WCAG AA`).toEqual([]);
}

async function openShowcase(page: Page): Promise<void> {
  await row(page, 'showcase.md').click();
  await expect(page.locator('.cm-content')).toContainText('Plain text with');
  // The folder open too, so its rows (a note and an attachment) are measured.
  await row(page, 'projects').click();
  await expect(row(page, 'projects/sheet.csv')).toBeVisible();
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test('Source mode: the window, link panes, find panel, hover preview, completion, pickers, menu, notice', async ({
      page,
    }) => {
      test.setTimeout(90_000);
      await openShowcase(page);
      await expect(page.locator('.pane-item').first()).toBeVisible();
      await expectContrast(page, 'window with file tree, Source editor and backlinks', 'body');

      await page.locator('#show-outgoing').click();
      await expect(page.locator('#outgoing-pane .outgoing-link').first()).toBeVisible();
      await expectContrast(page, 'outgoing links pane', '#right-panel');
      await page.locator('#show-unresolved').click();
      await expect(page.locator('#unresolved-pane')).toContainText('Ghost Note');
      await expectContrast(page, 'unresolved links pane', '#right-panel');

      await page.locator('.cm-content').click();
      await page.keyboard.press('ControlOrMeta+F');
      await page.keyboard.type('plan');
      await expectContrast(page, 'find panel', '.cm-panels');
      await page.keyboard.press('Escape');

      await page.keyboard.down('ControlOrMeta');
      await page.locator('.cm-link-resolved', { hasText: 'plan link' }).first().hover();
      await expect(page.locator('.cm-tooltip .hover-preview')).toContainText('Write the steps down');
      await expectContrast(page, 'hover preview (editor)', '.cm-tooltip');
      await page.keyboard.up('ControlOrMeta');
      await page.mouse.move(5, 5);

      await page.locator('.cm-content').click();
      await page.keyboard.press('ControlOrMeta+End');
      await page.keyboard.type('\n[[pl');
      await expect(page.locator('.cm-tooltip-autocomplete li').first()).toBeVisible();
      await expectContrast(page, '[[ completion', '.cm-tooltip-autocomplete');
      await page.keyboard.type('zzq');
      await expect(page.locator('.cm-tooltip-autocomplete li').first()).toBeVisible();
      await expectContrast(page, '[[ completion offering a new note', '.cm-tooltip-autocomplete');
      await page.keyboard.press('Escape');

      await page.keyboard.press('ControlOrMeta+Shift+F');
      await page.keyboard.type('plan');
      await expect(page.locator('.search-hit').first()).toBeVisible();
      await expectContrast(page, 'search pane with results', '#sidebar');
      await page.locator('#show-files').click();

      await page.keyboard.press('ControlOrMeta+O');
      await page.keyboard.type('pl');
      await expect(page.locator('.picker-option').first()).toBeVisible();
      await expectContrast(page, 'quick switcher', '.picker');
      await page.keyboard.press('Escape');

      await page.keyboard.press('ControlOrMeta+P');
      await expect(page.locator('.picker-option').first()).toBeVisible();
      await expectContrast(page, 'command palette', '.picker');
      await page.keyboard.type('Open notes in Source mode by default');
      await page.keyboard.press('Enter');
      await expect(page.locator('.notice')).toContainText('Notes now open in Source mode');
      await expectContrast(page, 'notice', '#notices');

      await row(page, 'loose.md').click({ button: 'right' });
      await expect(page.locator('.context-menu')).toBeVisible();
      await expectContrast(page, 'context menu', '.context-menu');
      await page.getByRole('menuitem', { name: 'Delete' }).click();
      await expectContrast(page, 'confirm dialog', '.confirm-dialog');
      await page.keyboard.press('Escape');
    });

    test('Reading view and its hover preview', async ({ page }) => {
      await openShowcase(page);
      await page.keyboard.press('ControlOrMeta+E');
      await expect(page.locator('#reading .reading-view')).toContainText('Plain text with');
      await expectContrast(page, 'reading view', '#reading');
      await page.locator('#reading a.internal-link', { hasText: 'plan link' }).hover();
      await expect(page.locator('.hover-popover')).toContainText('Write the steps down');
      await expectContrast(page, 'hover preview (reading view)', '.hover-popover');
    });

    test('a conflict with the disk: its blocks, their buttons and the status bar', async ({ page, host }) => {
      await row(page, 'loose.md').click();
      await expect(page.locator('.cm-content')).toContainText('Nothing links here');
      await page.locator('.cm-content').click();
      await page.keyboard.press('ControlOrMeta+End');
      await page.keyboard.type(' Mine.');
      await writeFile(
        join(host.vault, 'loose.md'),
        '# Loose\n\nNothing links here; it links to [[Nowhere]]. Theirs.\n',
      );
      await expect(page.locator('.cm-conflict-marker').first()).toBeVisible({ timeout: 8_000 });
      await expectContrast(page, 'conflict blocks', '#editor');
      await expectContrast(page, 'status bar in conflict', '#status-bar');
    });

    test.describe('Live Preview', () => {
      test.use({ editing: 'live' });
      test('the editor drawn as Live Preview', async ({ page }) => {
        await openShowcase(page);
        await expect(page.locator('.cm-lp-link-rendered').first()).toBeVisible();
        await expectContrast(page, 'Live Preview editor', '#editor');
      });
    });
  });
}
