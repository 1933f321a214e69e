import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { linkedNoteNames, linkNote } from '../helpers/link-note';
import { expect, test, type RunningHost } from './browser-host';

// Issue 13 item 12: a note of 40k links, one per line, froze the page for seconds on opening and
// on every keystroke. Here it opens, takes typing and saves it, and only the links in view are
// drawn, each still styled resolved or unresolved.

const LINKS = 40_000;

/** Writes `Links.md` (LINKS links) and n0.md…n19.md into the vault, then opens `Links.md`. */
async function openLinkNote(page: Page, host: RunningHost, style: 'markdown' | 'wiki'): Promise<void> {
  for (const name of linkedNoteNames(20)) await writeFile(join(host.vault, name), `# ${name}\n`);
  await writeFile(join(host.vault, 'Links.md'), linkNote(LINKS, style));
  await page.locator('.tree-row[data-path="Links.md"]').click();
  await expect(page.locator('#note-title')).toHaveText('Links');
}

/**
 * Link spans drawn in the editor (highlighting splits one link into up to 4: `[`, `t`, `]`,
 * `(n1.md)`), and lines: the view draws the lines near the viewport only.
 */
async function drawn(page: Page): Promise<{ links: number; lines: number }> {
  return page.evaluate(() => ({
    links: document.querySelectorAll('.cm-content .cm-link').length,
    lines: document.querySelectorAll('.cm-content .cm-line').length,
  }));
}

/** The text of the `.cm-link-…` pieces in `line` (highlighting splits a link into several spans). */
function styled(line: Locator, status: 'resolved' | 'unresolved'): Promise<string> {
  return line
    .locator(`.cm-link-${status}`)
    .allTextContents()
    .then((parts) => parts.join(''));
}

for (const style of ['markdown', 'wiki'] as const) {
  const link = (i: number) => (style === 'wiki' ? `[[n${i}]]` : `[t](n${i}.md)`);

  test(`a note of 40k ${style} links opens, takes typing, and draws the links in view only`, async ({ page, host }) => {
    test.setTimeout(60_000);
    await openLinkNote(page, host, style);
    const line = (i: number) =>
      page.locator('.cm-line', { hasText: new RegExp(`^${link(i).replace(/[[\]().]/g, '\\$&')}$`) });
    // The notes were written behind the host's back: the index takes them in (the 40k-link note
    // too) before links resolve, which on a loaded machine is seconds.
    await expect.poll(() => styled(line(0), 'resolved'), { timeout: 25_000 }).toBe(link(0));
    await expect.poll(() => styled(line(25), 'unresolved')).toBe(link(25));
    expect(await styled(line(0), 'unresolved')).toBe('');
    const atTop = await drawn(page);
    expect(atTop.links).toBeGreaterThan(0);
    expect(atTop.links).toBeLessThanOrEqual(4 * atTop.lines);
    expect(atTop.lines).toBeLessThan(LINKS / 20);

    await page.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+End');
    await expect.poll(() => styled(line(LINKS - 1), 'unresolved')).toBe(link(LINKS - 1));
    const typed = `${link(7)} typed at the end`;
    await page.keyboard.type(typed);
    await expect
      .poll(() => styled(page.locator('.cm-line', { hasText: 'typed at the end' }), 'resolved'))
      .toBe(link(7));
    const atEnd = await drawn(page);
    expect(atEnd.links).toBeLessThanOrEqual(4 * atEnd.lines);
    expect(atEnd.lines).toBeLessThan(LINKS / 20);
    await expect
      .poll(() => readFile(join(host.vault, 'Links.md'), 'utf8'), { timeout: 10_000 })
      .toBe(linkNote(LINKS, style) + typed);
  });
}
