import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './browser-host';

test.use({ fixture: 'editor' });

const row = (page: Page, path: string) => page.locator(`.tree-row[data-path="${path}"]`);
const reading = (page: Page) => page.locator('#reading .reading-view');

test('reading view renders a callout, a table, <br/> and a vault image', async ({ page }) => {
  await page.locator('.tree-row[data-path="projects"]').click();
  await row(page, 'projects/roadmap.md').click();
  await page.keyboard.press('ControlOrMeta+E');
  await expect(page.locator('#editor')).toBeHidden();
  const callout = reading(page).locator('.callout');
  await expect(callout).toContainText('Status');
  await expect(callout.locator('br')).toHaveCount(1);
  await expect(reading(page).locator('table td')).toContainText(['Q1', 'Ship search', 'Q2', 'Ship sync']);
  await expect(reading(page).locator('input[type="checkbox"]')).toHaveCount(2);
  const image = reading(page).locator('img');
  await expect(image).toHaveAttribute('width', '120');
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
  await page.keyboard.press('ControlOrMeta+E');
  await expect(page.locator('.cm-content')).toBeVisible();
});

test('a plain click on a link in reading view follows it; an unresolved one creates the note', async ({
  page,
  host,
}) => {
  await row(page, 'index.md').click();
  await page.keyboard.press('ControlOrMeta+E');
  await reading(page).locator('a.internal-link', { hasText: 'training' }).click();
  await expect(page.locator('#note-title')).toHaveText('neural-nets');
  await expect(reading(page).locator('h2', { hasText: 'Training' })).toBeInViewport();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page.locator('#note-title')).toHaveText('index');
  await reading(page).locator('a.internal-link.is-unresolved', { hasText: 'Ghost Note' }).click();
  await expect(page.locator('#note-title')).toHaveText('Ghost Note');
  await expect.poll(() => readFile(join(host.vault, 'Ghost Note.md'), 'utf8')).toBe('');
});

test('a hostile note runs nothing in reading view and logs no errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await row(page, 'hostile.md').click();
  await page.keyboard.press('ControlOrMeta+E');
  await expect(reading(page)).toContainText('Plain text survives.');
  for (const link of await reading(page).locator('a').all()) await link.click({ force: true }).catch(() => undefined);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(await reading(page).locator('script, iframe, object, embed, [onerror], [onload]').count()).toBe(0);
  expect(errors).toEqual([]);
  expect(requests.filter((url) => !url.startsWith('http://127.0.0.1'))).toEqual([]);
});

test.describe('reading view as Obsidian renders', () => {
  test.use({ fixture: 'reading' });

  const open = async (page: Page) => {
    await row(page, 'obsidian-article.md').click();
    await page.keyboard.press('ControlOrMeta+E');
    await expect(reading(page).locator('h1')).toHaveText('A pasted article');
  };

  test('single newlines are breaks; math, highlighted code, tasks and tags render', async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('requestfailed', (r) => errors.push(`failed: ${r.url()}`));
    await open(page);
    const first = reading(page).locator('p').first();
    await expect(first.locator('br')).toHaveCount(2);
    await expect(first).toContainText('The morning train was late again,');
    await expect(reading(page).locator('.callout-content br')).toHaveCount(1);
    await expect(reading(page).locator('li').first().locator('br')).toHaveCount(1);
    // Math: KaTeX's HTML, with its fonts loaded from our own origin
    await expect(reading(page).locator('.math-inline .katex')).toHaveCount(1);
    await expect(reading(page).locator('.math-block .katex-display')).toHaveCount(1);
    await expect(reading(page).locator('.math-block annotation')).toContainText('\\\\ c & d');
    await expect(reading(page)).toContainText('It costs $5 and $6, which is not math.');
    await expect
      .poll(() => page.evaluate(() => document.fonts.check('16px KaTeX_Main') && document.fonts.status))
      .toBe('loaded');
    const fontFamily = await reading(page)
      .locator('.math-inline .mord.mathnormal')
      .first()
      .evaluate((el) => getComputedStyle(el).fontFamily);
    expect(fontFamily).toContain('KaTeX_Math');
    // Code: the editor's Lezer parser for TypeScript, loaded on demand, classes only
    const code = reading(page).locator('pre code.language-ts');
    await expect(code.locator('.tok-keyword').first()).toHaveText('const');
    await expect(code.locator('.tok-comment')).toHaveText('// a typed greeting');
    expect(await code.locator('[style]').count()).toBe(0);
    const keywordColour = await code
      .locator('.tok-keyword')
      .first()
      .evaluate((el) => getComputedStyle(el).color);
    const plainColour = await code.evaluate((el) => getComputedStyle(el).color);
    expect(keywordColour).not.toBe(plainColour);
    // Tasks (tickable once the app passes onToggleTask: see the test below); tags are pills
    await expect(reading(page).locator('input[type="checkbox"]')).toHaveCount(2);
    await expect(reading(page).locator('a.tag')).toHaveText(['#reading/notes']);
    // Mermaid: drawn as an SVG diagram (labels as SVG text: no HTML labels), the code block gone
    const diagram = reading(page).locator('.mermaid-diagram svg');
    await expect(diagram).toBeVisible({ timeout: 15_000 });
    for (const label of ['Start', 'Works?', 'Ship'])
      await expect(diagram.locator('text', { hasText: label }).first()).toBeAttached();
    await expect(reading(page).locator('pre code.language-mermaid')).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`screenshot in ${scheme} mode`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1400, height: 900 });
      await open(page);
      await expect(reading(page).locator('.math-block .katex-display')).toBeVisible();
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: test.info().outputPath(`reading-${scheme}.png`) });
    });
  }

  // Enabled once the workspace passes ReadingView's onToggleTask (writes the line) and onTag.
  test('ticking a task writes the note; a tag pill opens a tag: search', async ({ page, host }) => {
    await open(page);
    const box = reading(page).locator('input[data-task-line="13"]');
    await expect(box).toBeEnabled();
    await box.click();
    await expect
      .poll(() => readFile(join(host.vault, 'obsidian-article.md'), 'utf8'))
      .toContain('- [x] Tick me when done');
    await reading(page).locator('a.tag').click();
    await expect(page.locator('#search-pane input, .search-input').first()).toHaveValue('tag:#reading/notes');
  });
});
