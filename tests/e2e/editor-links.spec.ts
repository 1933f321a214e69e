import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './browser-host';
import { acceptCompletion, completions, editor, row, typeAtEnd } from './editor-typing';

test.use({ fixture: 'editor' });

test('typing [[ and words of a title offers the note by its title and inserts [[file|Title]]', async ({
  page,
  host,
}) => {
  // Only the title holds "neural netw" (the file name is neural-nets): see link-completion.spec.ts for the file name.
  await typeAtEnd(page, 'hostile.md', '\n[[Neural Netw');
  await expect(completions(page).first()).toContainText('Neural Networks');
  await acceptCompletion(page);
  await expect(editor(page)).toContainText('[[neural-nets|Neural Networks]]');
  await expect(editor(page)).not.toContainText(']]]]');
  await expect
    .poll(() => readFile(join(host.vault, 'hostile.md'), 'utf8'), { timeout: 8_000 })
    .toContain('[[neural-nets|Neural Networks]]');
});

test('[[target# lists the target’s headings', async ({ page }) => {
  await typeAtEnd(page, 'hostile.md', '\n[[neural-nets#');
  await expect(completions(page)).toContainText(['Neural Networks', 'Training', 'Inference']);
  await page.keyboard.type('Infe');
  await expect(completions(page).first()).toContainText('Inference');
  await acceptCompletion(page);
  await expect(editor(page)).toContainText('[[neural-nets#Inference]]');
});

test('links are styled resolved or unresolved, and Ctrl+click follows one to its heading', async ({ page }) => {
  await row(page, 'index.md').click();
  await expect(page.locator('.cm-link-unresolved', { hasText: 'Ghost Note' })).toBeVisible();
  const training = page.locator('.cm-link-resolved', { hasText: 'training' }).first();
  await expect(training).toBeVisible();
  await training.click({ modifiers: ['ControlOrMeta'] });
  await expect(page.locator('#note-title')).toHaveText('neural-nets');
  await expect(page.locator('.cm-line', { hasText: '## Training' })).toBeInViewport();
});

test('Ctrl+click on an unresolved link creates the note on disk and opens it', async ({ page, host }) => {
  await row(page, 'index.md').click();
  await page.locator('.cm-link-unresolved', { hasText: 'Ghost Note' }).click({ modifiers: ['ControlOrMeta'] });
  await expect(page.locator('#note-title')).toHaveText('Ghost Note');
  await expect.poll(() => readFile(join(host.vault, 'Ghost Note.md'), 'utf8')).toBe('');
});

test('the quick switcher opens a note by its alias', async ({ page }) => {
  await expect(row(page, 'index.md')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+O');
  await page.keyboard.type('plans');
  await expect(page.locator('.picker-option').first()).toContainText('Roadmap 2027');
  await page.keyboard.press('Enter');
  await expect(page.locator('#note-title')).toHaveText('roadmap');
});

test('the command palette lists commands with shortcuts and runs one', async ({ page }) => {
  await row(page, 'index.md').click();
  await page.keyboard.press('ControlOrMeta+P');
  await page.keyboard.type('reading');
  const option = page.locator('.picker-option').first();
  await expect(option).toContainText('Toggle reading view');
  await expect(option).toContainText(/Ctrl\+E|⌘E/);
  await page.keyboard.press('Enter');
  await expect(page.locator('#reading .reading-view')).toContainText('Start with');
});

test('hovering a link with Ctrl/Cmd held previews the linked section, rendered', async ({ page }) => {
  await row(page, 'index.md').click();
  await page.keyboard.down('ControlOrMeta');
  await page.locator('.cm-link-resolved', { hasText: 'training' }).first().hover();
  const preview = page.locator('.cm-tooltip .hover-preview');
  await expect(preview).toContainText('Gradient descent on a loss');
  await expect(preview).not.toContainText('A forward pass');
  await page.keyboard.up('ControlOrMeta');
});

test('the preview of a missing note says how to follow its link: Ctrl/Cmd+click in Source mode, a click in Live Preview', async ({
  page,
}) => {
  await row(page, 'index.md').click();
  const preview = page.locator('.cm-tooltip .hover-preview');
  await page.keyboard.down('ControlOrMeta');
  await page.locator('.cm-link-unresolved', { hasText: 'Ghost Note' }).hover();
  await expect(preview).toContainText(/“Ghost Note” does not exist yet\. (Ctrl|Cmd)\+click the link to create it\./);
  await page.keyboard.up('ControlOrMeta');
  await page.mouse.move(0, 0);
  await expect(preview).toHaveCount(0);

  await page.locator('#toggle-source').click();
  const rendered = page.locator('.cm-lp-link-rendered', { hasText: 'Ghost Note' });
  await rendered.hover();
  await expect(preview).toContainText('“Ghost Note” does not exist yet. Click the link to create it.');
  // And a click is what follows it there: the note is created and opened.
  await rendered.click();
  await expect(page.locator('#note-title')).toHaveText('Ghost Note');
});

test('tooltips take the dark colours when the OS is dark, also after switching while open', async ({ page }) => {
  // The completion list's background, with the text colour it is read against.
  const colours = async () => {
    const tooltip = page.locator('.cm-tooltip-autocomplete');
    await expect(tooltip).toBeVisible();
    return tooltip.evaluate((el) => {
      const style = getComputedStyle(el);
      const item = getComputedStyle(el.querySelector('li:not([aria-selected])') ?? el);
      return { background: style.backgroundColor, text: item.color };
    });
  };
  const light = (rgb: string) => (rgb.match(/\d+/g) ?? []).slice(0, 3).reduce((sum, c) => sum + Number(c), 0) > 3 * 128;
  await typeAtEnd(page, 'hostile.md', '\n[[ne');
  const day = await colours();
  expect(light(day.background)).toBe(true);
  expect(light(day.text)).toBe(false);
  await page.keyboard.press('Escape');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.keyboard.type('u');
  const night = await colours();
  expect(light(night.background)).toBe(false);
  expect(light(night.text)).toBe(true);
});
