import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './browser-host';
import { acceptCompletion, completions, editor, typeAtEnd } from './editor-typing';

/**
 * `[[` completion writes the name that was typed and picked: the file name as `[[file]]`, a title
 * as `[[file|Title]]` (editor-links.spec.ts), an alias as `[[file|alias]]`; its list is set in the
 * UI's proportional font, names no folder for root notes, and every row is readable in either theme.
 */

test.use({ fixture: 'editor' });

const onDisk = (vault: string) => readFile(join(vault, 'hostile.md'), 'utf8');

test('typing a file name and picking it writes [[file]], even when the note has a title', async ({ page, host }) => {
  // neural-nets.md has `title: Neural Networks`, which "neural-n" matches as well once `-` is folded.
  await typeAtEnd(page, 'hostile.md', '\n[[neural-n');
  const first = completions(page).first();
  await expect(first.locator('.cm-completionLabel')).toHaveText('neural-nets');
  await expect(first.locator('.cm-completionDetail')).toHaveText('Neural Networks');
  await acceptCompletion(page);
  await expect(editor(page)).toContainText('[[neural-nets]]');
  await expect.poll(() => onDisk(host.vault), { timeout: 8_000 }).toMatch(/\n\[\[neural-nets\]\]$/);
});

test('picking an alias writes [[file|alias]]', async ({ page, host }) => {
  await typeAtEnd(page, 'hostile.md', '\n[[deep lea');
  await expect(completions(page).first().locator('.cm-completionLabel')).toHaveText('Deep Learning');
  await acceptCompletion(page);
  await expect.poll(() => onDisk(host.vault), { timeout: 8_000 }).toMatch(/\n\[\[neural-nets\|Deep Learning\]\]$/);
});

/** WCAG contrast of an element's text against what is behind it (opacity and alpha blended in). */
function contrastOf(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const parse = (css: string) => {
        const [r = 0, g = 0, b = 0, a = 1] = (css.match(/[\d.]+/g) ?? []).map(Number);
        return { rgb: [r, g, b], a: css.startsWith('rgba') ? a : 1 };
      };
      const over = (top: number[], alpha: number, under: number[]) =>
        top.map((c, i) => c * alpha + under[i]! * (1 - alpha));
      // What is behind: the nearest backgrounds, blended from the page up.
      const layers: { rgb: number[]; a: number }[] = [];
      for (let node: Element | null = el; node; node = node.parentElement) {
        const bg = parse(getComputedStyle(node).backgroundColor);
        if (bg.a > 0) layers.push(bg);
        if (bg.a === 1) break;
      }
      let back = [255, 255, 255];
      for (const layer of layers.reverse()) back = over(layer.rgb, layer.a, back);
      let opacity = 1;
      for (let node: Element | null = el; node; node = node.parentElement)
        opacity *= Number(getComputedStyle(node).opacity);
      const text = parse(getComputedStyle(el).color);
      const front = over(text.rgb, text.a * opacity, back);
      const lum = (rgb: number[]) => {
        const [r, g, b] = rgb.map((c) => {
          const s = c / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const [hi, lo] = [lum(front), lum(back)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the list is proportional, shows no "/" for root notes, and is readable (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await typeAtEnd(page, 'hostile.md', '\n[[in');
    const list = page.locator('.cm-tooltip-autocomplete');
    await expect(completions(page).filter({ hasText: 'index' })).toHaveCount(1);
    await expect(completions(page).last()).toContainText('Create link to new note ‘in’');

    const font = await completions(page)
      .first()
      .evaluate((el) => getComputedStyle(el).fontFamily);
    const uiFont = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(font).toBe(uiFont);
    expect(font).not.toMatch(/monospace/);

    // index.md is in the vault's root: nothing after its name (no "/").
    const index = completions(page).filter({ hasText: 'index' });
    await expect(index.locator('.cm-completionDetail')).toHaveCount(0);
    expect(await completions(page).locator('.cm-completionDetail').allTextContents()).not.toContain('/');

    await page.screenshot({ path: `/tmp/plexus-completion-${scheme}.png` });
    // Every row's text, and the "create" row's (not selected, then selected), against the list.
    expect(
      await contrastOf(page, '.cm-tooltip-autocomplete li:not([aria-selected]) .cm-completionLabel'),
    ).toBeGreaterThanOrEqual(4.5);
    expect(
      await contrastOf(page, '.cm-tooltip-autocomplete li[aria-selected] .cm-completionLabel'),
    ).toBeGreaterThanOrEqual(4.5);
    expect(await contrastOf(page, '.cm-tooltip-autocomplete li:last-child .cm-completionLabel')).toBeGreaterThanOrEqual(
      4.5,
    );
    const count = await completions(page).count();
    for (let i = 1; i < count; i++) await page.keyboard.press('ArrowDown');
    await expect(completions(page).last()).toHaveAttribute('aria-selected', 'true');
    await page.screenshot({ path: `/tmp/plexus-completion-create-${scheme}.png` });
    expect(await contrastOf(page, '.cm-tooltip-autocomplete li:last-child .cm-completionLabel')).toBeGreaterThanOrEqual(
      4.5,
    );
    expect(await contrastOf(page, '.cm-tooltip-autocomplete .cm-completionDetail')).toBeGreaterThanOrEqual(4.5);
    await expect(list).toBeVisible();
  });
}
