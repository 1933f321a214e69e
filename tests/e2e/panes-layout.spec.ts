import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './browser-host';

test.use({ fixture: 'editor' });

const MIN_EDITOR = 360;
const row = (page: Page, path: string) => page.locator(`.tree-row[data-path="${path}"]`);
const handle = (page: Page, side: 'left' | 'right') => page.locator(`.pane-resizer-${side}`);
const width = async (locator: Locator) => (await locator.boundingBox())?.width ?? 0;
/** The element is what a click at its centre lands on (not clipped, not covered). */
const hitAtCentre = (locator: Locator) =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === el;
  });
const savedPanes = async (vault: string): Promise<unknown> =>
  (
    JSON.parse(await readFile(join(vault, '.plexus', 'workspace.json'), 'utf8').catch(() => '{}')) as {
      panes?: unknown;
    }
  ).panes;

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+P');
  await page.keyboard.type(title);
  await expect(page.locator('.picker-option').first()).toContainText(title);
  await page.keyboard.press('Enter');
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await row(page, 'index.md').click();
});

test('dragging the handle resizes the file pane, and the width survives a reload', async ({ page, host }) => {
  const sidebar = page.locator('#sidebar');
  const before = await width(sidebar);
  const box = await handle(page, 'left').boundingBox();
  if (!box) throw new Error('no handle');
  await page.mouse.move(box.x + box.width / 2, box.y + 200);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + 200, { steps: 4 });
  await page.mouse.move(box.x + box.width / 2 + 100, box.y + 200, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => width(sidebar)).toBeCloseTo(before + 100, -1);
  await expect(handle(page, 'left')).toHaveAttribute('aria-valuenow', String(Math.round(before + 100)));
  await expect.poll(() => savedPanes(host.vault)).toMatchObject({ left: { width: Math.round(before + 100) } });
  await page.reload();
  await expect(row(page, 'index.md')).toBeVisible();
  await expect.poll(() => width(sidebar)).toBeCloseTo(before + 100, -1);
  // A double-click puts the default back.
  await handle(page, 'left').dblclick();
  await expect.poll(() => width(sidebar)).toBeCloseTo(before, -1);
});

test('the handle is a keyboard splitter: arrows resize, and the range is announced', async ({ page }) => {
  const right = handle(page, 'right');
  await expect(right).toHaveAttribute('role', 'separator');
  await expect(right).toHaveAttribute('aria-orientation', 'vertical');
  await expect(right).toHaveAttribute('aria-valuemin', '160');
  const panel = page.locator('#right-panel');
  const before = await width(panel);
  await expect(right).toHaveAttribute('aria-valuenow', String(Math.round(before)));
  await right.focus();
  // The right pane's handle moves left: the pane widens.
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect.poll(() => width(panel)).toBeCloseTo(before + 80, -1);
  await expect(right).toHaveAttribute('aria-valuenow', String(Math.round(before + 80)));
  const max = Number(await right.getAttribute('aria-valuemax'));
  await page.keyboard.press('End');
  await expect.poll(() => width(panel)).toBeCloseTo(max, -1);
  expect(await width(page.locator('#editor-pane'))).toBeGreaterThanOrEqual(MIN_EDITOR);
  await page.keyboard.press('Home');
  await expect.poll(() => width(panel)).toBeCloseTo(160, -1);
});

test('the toggle commands collapse a side pane, and it stays collapsed after a reload', async ({ page, host }) => {
  const panel = page.locator('#right-panel');
  await expect(panel).toBeVisible();
  await runCommand(page, 'Toggle right sidebar');
  await expect(panel).toBeHidden();
  await expect.poll(() => savedPanes(host.vault)).toMatchObject({ right: { collapsed: true } });
  await page.reload();
  await expect(row(page, 'index.md')).toBeVisible();
  await expect(panel).toBeHidden();
  // Its shortcut shows it again; Ctrl/Cmd+\ hides the file pane.
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+Shift+B');
  await expect(panel).toBeVisible();
  await page.keyboard.press('ControlOrMeta+\\');
  await expect(page.locator('#sidebar')).toBeHidden();
  // "Search the vault" brings the file pane's side back.
  await page.keyboard.press('ControlOrMeta+Shift+F');
  await expect(page.locator('#search-pane')).toBeVisible();
});

test('a narrow window keeps the editor wide: panes shrink, then the right one collapses', async ({ page }) => {
  const editor = page.locator('#editor-pane');
  await page.setViewportSize({ width: 900, height: 700 });
  await expect.poll(() => width(editor)).toBeGreaterThanOrEqual(420);
  await expect(page.locator('#sidebar')).toBeVisible();
  await expect(page.locator('#right-panel')).toBeVisible();
  const defaultLeft = await width(page.locator('#sidebar'));
  await page.setViewportSize({ width: 760, height: 700 });
  await expect.poll(() => width(page.locator('#sidebar'))).toBeLessThan(defaultLeft - 10);
  await expect(page.locator('#right-panel')).toBeVisible();
  expect(await width(editor)).toBeGreaterThanOrEqual(MIN_EDITOR);
  await page.setViewportSize({ width: 640, height: 700 });
  await expect(page.locator('#right-panel')).toBeHidden();
  expect(await width(editor)).toBeGreaterThanOrEqual(MIN_EDITOR);
  await expect(page.locator('#sidebar')).toBeVisible();
  // Asking for the links pane there makes room by collapsing the file pane instead.
  await runCommand(page, 'Show backlinks');
  await expect(page.locator('#right-panel')).toBeVisible();
  await expect(page.locator('#sidebar')).toBeHidden();
  expect(await width(editor)).toBeGreaterThanOrEqual(MIN_EDITOR);
  // A wide window again shows both, as chosen.
  await page.setViewportSize({ width: 1400, height: 900 });
  await expect(page.locator('#sidebar')).toBeVisible();
  await expect(page.locator('#right-panel')).toBeVisible();
});

test('long names ellipsize and the pane buttons stay in view and clickable', async ({ page, host }) => {
  // Names with no space to wrap at: the longest a line of the pane can get.
  const longName = `ANoteWhoseNameIsVeryLong${'AndGoesOn'.repeat(8)}ToTheEnd`;
  const missing = `MissingNoteNamedAtGreatLength${'OnAndOn'.repeat(8)}Here`;
  const paragraph = `${'word '.repeat(200)}Neural Networks ${'x'.repeat(300)} ${'more words '.repeat(100)}`;
  await writeFile(join(host.vault, `${longName}.md`), `See [[${missing}]].\n\n${paragraph}\n`);
  await page.setViewportSize({ width: 900, height: 700 });
  await runCommand(page, 'Show unresolved links');
  const group = page.locator(`#unresolved-pane .pane-group[data-target="${missing}"]`);
  await expect(group).toBeVisible();
  const create = group.locator('.mention-link');
  const panel = await page.locator('#right-panel').boundingBox();
  const button = await create.boundingBox();
  if (!panel || !button) throw new Error('no boxes');
  expect(button.x).toBeGreaterThanOrEqual(panel.x);
  expect(button.x + button.width).toBeLessThanOrEqual(Math.min(panel.x + panel.width, 900));
  expect(await hitAtCentre(create)).toBe(true);
  const name = group.locator('.pane-group-name');
  await expect(name).toHaveAttribute('title', missing);
  expect(await name.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true); // ellipsized
  await create.click();
  await expect(page.locator('#note-title')).toHaveText(missing);
  await expect
    .poll(() =>
      access(join(host.vault, `${missing}.md`)).then(
        () => true,
        () => false,
      ),
    )
    .toBe(true);

  // The unlinked mention in a long paragraph keeps its Link button inside the pane.
  await row(page, 'neural-nets.md').click();
  await runCommand(page, 'Show backlinks');
  await page.locator('#backlinks-pane summary').click();
  const mention = page.locator(`#backlinks-pane .backlinks-unlinked .pane-group[data-source="${longName}.md"]`);
  const link = mention.locator('.mention-link');
  await expect(link).toBeVisible();
  await mention.scrollIntoViewIfNeeded(); // the group, not the button: a clipped button must stay clipped
  const linkBox = await link.boundingBox();
  const pane = await page.locator('#right-panel').boundingBox();
  if (!linkBox || !pane) throw new Error('no boxes');
  expect(linkBox.x + linkBox.width).toBeLessThanOrEqual(pane.x + pane.width);
  expect(linkBox.y + linkBox.height).toBeLessThanOrEqual(700);
  expect(await hitAtCentre(link)).toBe(true);
  await link.click();
  await expect
    .poll(() => readFile(join(host.vault, `${longName}.md`), 'utf8'))
    .toContain('[[neural-nets|Neural Networks]]');
});
