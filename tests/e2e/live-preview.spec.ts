import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { expect, test, type Editing } from './browser-host';

/**
 * Live Preview, the editor's default mode, on a note shaped like real ones (properties, a spaced
 * alias, <br/>, a callout, a table, tasks, an embed): markup hidden off the cursor and shown on
 * it, widgets that write the note, the per-tab Source switch, and the same bytes on disk whichever
 * mode the keys were typed in.
 */

test.use({ fixture: 'live-preview', editing: 'live' });

const row = (page: Page, path: string) => page.locator(`.tree-row[data-path="${path}"]`);
const content = (page: Page) => page.locator('.cm-content');
const line = (page: Page, text: string) => page.locator('.cm-line', { hasText: text }).first();
const onDisk = (vault: string) => readFile(join(vault, 'trip.md'), 'utf8');

async function openTrip(page: Page): Promise<void> {
  await row(page, 'trip.md').click();
  await expect(page.locator('.cm-lp-property').first()).toBeVisible();
}

/** Waits until what the editor holds has been saved (the status says so). */
async function saved(page: Page): Promise<void> {
  await expect(page.locator('#status-save .save-label')).toHaveText('Saved', { timeout: 8_000 });
}

test('off the cursor the note shows rendered; on the cursor line its markup returns', async ({ page }) => {
  await openTrip(page);
  // Properties as typed rows, not YAML.
  await expect(page.locator('.cm-lp-property[data-key="status"]')).toBeVisible();
  await expect(content(page)).not.toContainText('status: draft');
  // `[[packing-list | Packing List]]` shows its alias, trimmed; `[[a#h]]` shows `a > h`.
  const links = line(page, 'before leaving');
  await expect(links).toContainText('See Packing List and packing-list > Clothes before leaving.');
  await expect(links).not.toContainText('[[');
  // <br/> is a break; bold, italic and code lose their marks; the tag is a pill.
  await expect(links.locator('.cm-lp-br')).toHaveCount(1);
  const prose = line(page, 'bold words');
  await expect(prose).toContainText('Some bold words, an aside and inline code with a #travel tag.');
  await expect(prose.locator('.cm-lp-tag')).toHaveText('#travel');
  // The callout is a box with its title, the table a grid, the tasks checkboxes, the embed its note.
  await expect(page.locator('.cm-lp-callout .callout-title')).toContainText('Visa');
  await expect(page.locator('.cm-lp-table')).toContainText('Lisbon');
  await expect(page.locator('.cm-lp-task-checkbox')).toHaveCount(2);
  await expect(page.locator('.cm-lp-embed')).toContainText('Two shirts and a jacket.');
  // The Mermaid block is a diagram (drawn as the reading view draws it, once in view), its fence hidden.
  await page.locator('.cm-lp-diagram').scrollIntoViewIfNeeded();
  await expect(page.locator('.cm-lp-diagram .mermaid-diagram svg')).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('.cm-lp-diagram svg text', { hasText: 'Porto' }).first()).toBeAttached();
  await expect(content(page)).not.toContainText('```mermaid');

  // The cursor in the bold words: their marks show again (Obsidian's rule: the element the
  // cursor touches), while the rest of the line and the other lines stay rendered.
  await prose.locator('.cm-lp-strong').click();
  await expect(prose).toContainText('Some **bold words**, an aside and inline code');
  await expect(links).not.toContainText('[[');
  // Heading marks are per line: the cursor on the heading's line shows its `#`.
  await line(page, 'Trip planning').click();
  await expect(line(page, 'Trip planning')).toHaveText('# Trip planning');
});

test('a task checkbox click saves [x], and a property edit saves YAML that keeps its comment', async ({
  page,
  host,
}) => {
  await openTrip(page);
  await page.locator('.cm-lp-task-checkbox').first().click();
  await saved(page);
  expect(await onDisk(host.vault)).toContain('- [x] Book the train\n');

  const status = page.locator('.cm-lp-property[data-key="status"] .cm-lp-property-value input');
  await status.fill('booked');
  await status.press('Enter');
  await expect.poll(async () => (await onDisk(host.vault)).includes('status: booked')).toBe(true);
  const text = await onDisk(host.vault);
  const yaml = text.slice(4, text.indexOf('\n---\n', 4));
  expect(parse(yaml)).toEqual({ title: 'Trip planning', status: 'booked', tags: ['travel'], rating: 3 });
  expect(yaml).toContain('# kept when a property changes');
});

test('in a narrow window nothing is wider than the editor, and a table breaks its cells between words only', async ({
  page,
}) => {
  await page.setViewportSize({ width: 900, height: 800 });
  await openTrip(page);
  const cells = page.locator('.cm-lp-table td, .cm-lp-table th');
  await expect(cells.first()).toBeVisible();
  // Each one-word cell (a number, a name) takes one line: its text's boxes share one top.
  const split = await cells.evaluateAll((all) =>
    all
      .filter((cell) => /^\S+$/.test(cell.textContent?.trim() ?? ''))
      .filter((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size > 1;
      })
      .map((cell) => cell.textContent),
  );
  expect(split).toEqual([]);
  // Nothing (properties' inputs, the table, the callout) makes the note wider than the editor.
  const overflow = await page
    .locator('.cm-scroller')
    .evaluate((scroller) => scroller.scrollWidth - scroller.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('properties are added, renamed and removed from the block, the YAML on disk following', async ({ page, host }) => {
  await openTrip(page);
  await page.locator('.cm-lp-property-add').click();
  await page.locator('.cm-lp-property-new').fill('due');
  await page.locator('.cm-lp-property-new').press('Enter');
  // The new row's value has the focus: typing fills it.
  await expect(page.locator('.cm-lp-property[data-key="due"] .cm-lp-property-value input')).toBeFocused();
  await page.keyboard.type('2026-05-01');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await onDisk(host.vault)).includes('due: 2026-05-01')).toBe(true);

  const name = page.locator('.cm-lp-property[data-key="rating"] .cm-lp-property-key');
  await name.fill('stars');
  await name.press('Enter');
  await page.locator('.cm-lp-property[data-key="tags"]').hover();
  await page.locator('.cm-lp-property[data-key="tags"] .cm-lp-property-remove').click();
  await expect.poll(async () => (await onDisk(host.vault)).includes('tags:')).toBe(false);
  const text = await onDisk(host.vault);
  const yaml = text.slice(4, text.indexOf('\n---\n', 4));
  expect(parse(yaml)).toEqual({ title: 'Trip planning', status: 'draft', stars: 3, due: '2026-05-01' });
  expect(yaml).toContain('# kept when a property changes');
});

test('the Source switch shows the markup, is kept per tab, and survives a reload', async ({ page }) => {
  await openTrip(page);
  const toggle = page.locator('#toggle-source');
  await expect(toggle).toHaveText('Live Preview');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(content(page)).toContainText('[[packing-list | Packing List]]');
  await expect(content(page)).toContainText('status: draft');

  // Another tab opens in the default mode; back on the first, Source is still on.
  await row(page, 'packing-list.md').click({ modifiers: ['ControlOrMeta'] });
  await expect(toggle).toHaveText('Live Preview');
  await page.locator('.tab', { hasText: 'trip' }).click();
  await expect(toggle).toHaveText('Source');

  await page.waitForTimeout(800); // the tabs are saved half a second after they change
  await page.reload();
  await expect(page.locator('#toggle-source')).toHaveText('Source');
  await expect(content(page)).toContainText('[[packing-list | Packing List]]');
});

test('Ctrl/Cmd+E reads the note rendered, and ticking a task there writes the note', async ({ page, host }) => {
  await openTrip(page);
  await page.keyboard.press('ControlOrMeta+e');
  await expect(page.locator('#reading')).toBeVisible();
  await expect(page.locator('#toggle-reading')).toHaveText('Reading');
  await page.locator('#reading input[type="checkbox"]').first().check();
  await saved(page);
  expect(await onDisk(host.vault)).toContain('- [x] Book the train\n');
  await page.keyboard.press('ControlOrMeta+e');
  await expect(page.locator('#reading')).toBeHidden();
});

test('a tag clicked in the editor searches for it', async ({ page }) => {
  await openTrip(page);
  await line(page, 'bold words').locator('.cm-lp-tag').click();
  await expect(page.locator('#search-pane input')).toHaveValue('tag:#travel');
  await expect(page.locator('#search-pane .search-item').first()).toContainText('Trip planning');
});

/** Types the same keys into trip.md in `editing` mode on a fresh host, and returns the bytes saved. */
for (const editing of ['live', 'source'] as Editing[]) {
  test.describe(`typing in ${editing === 'live' ? 'Live Preview' : 'Source mode'}`, () => {
    test.use({ editing });
    test('saves exactly the keys typed', async ({ page, host }) => {
      await row(page, 'trip.md').click();
      await expect(line(page, 'bold words')).toBeVisible();
      await line(page, 'bold words').click();
      await page.keyboard.press('End');
      await page.keyboard.type(' More **strong** and [[packing-list|list]].');
      await page.keyboard.press('Enter');
      await page.keyboard.type('- [ ] A new task, typed again');
      await saved(page);
      const text = await onDisk(host.vault);
      expect(text).toContain(
        'a #travel tag. More **strong** and [[packing-list|list]].\n- [ ] A new task, typed again\n',
      );
    });
  });
}

test.describe('a vault whose notes open in Source mode', () => {
  test.use({ editing: 'source' });
  test('a note clicked before the vault’s settings arrive still opens in Source mode', async ({ page, host }) => {
    // A second window whose settings answer comes 2 s late (the socket's messages relayed by hand).
    const late = await page.context().newPage();
    await late.routeWebSocket(/\/api/, (ws) => {
      const server = ws.connectToServer();
      const asked = new Set<number>();
      ws.onMessage((message) => {
        const request = JSON.parse(String(message)) as { id?: number; method?: string };
        if (request.method === 'getSettings' && request.id !== undefined) asked.add(request.id);
        server.send(message);
      });
      server.onMessage((message) => {
        const reply = JSON.parse(String(message)) as { id?: number };
        if (reply.id !== undefined && asked.has(reply.id)) setTimeout(() => ws.send(message), 2000);
        else ws.send(message);
      });
    });
    await late.goto(host.url);
    await row(late, 'trip.md').click();
    await expect(late.locator('#toggle-source')).toHaveText('Source');
    await expect(content(late)).toContainText('[[packing-list | Packing List]]');
  });
});
