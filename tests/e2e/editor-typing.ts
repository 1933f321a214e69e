import type { Page } from '@playwright/test';

/** A file tree row, by the file's vault path. */
export const row = (page: Page, path: string) => page.locator(`.tree-row[data-path="${path}"]`);
/** The editor's text. */
export const editor = (page: Page) => page.locator('.cm-content');
/** The `[[` completion list's options. */
export const completions = (page: Page) => page.locator('.cm-tooltip-autocomplete li');

/** CodeMirror ignores Enter for 75 ms after the list opens (so fast typists don't pick by accident). */
export async function acceptCompletion(page: Page): Promise<void> {
  await page.waitForTimeout(150);
  await page.keyboard.press('Enter');
}

/** Opens `path` from the tree and types `text` at the end of the note. */
export async function typeAtEnd(page: Page, path: string, text: string): Promise<void> {
  await row(page, path).click();
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(text);
}
