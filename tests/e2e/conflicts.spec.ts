import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './browser-host';
import { GIT_NOTE } from '../helpers/git-conflict-note';

test.use({ fixture: 'basic' });

const BETA = '# Beta\n\nBeta links back to [[alpha]].\n';

async function expectFile(path: string, check: (text: string | null) => boolean): Promise<void> {
  await expect.poll(async () => check(await readFile(path, 'utf8').catch(() => null)), { timeout: 8_000 }).toBe(true);
}

const row = (page: Page, path: string) => page.locator(`.tree-row[data-path="${path}"]`);
const editor = (page: Page) => page.locator('.cm-content');
const saveState = (page: Page) => page.locator('#status-save .save-label');

async function openBeta(page: Page): Promise<void> {
  await row(page, 'beta.md').click();
  await expect(editor(page)).toContainText('Beta links back to [[alpha]].');
  await editor(page).click();
}

/** Opens beta, types " (mine)" after its title and changes the title on disk: one conflict block. */
async function conflictOnTitle(page: Page, vault: string): Promise<void> {
  await openBeta(page);
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('End');
  await page.keyboard.type(' (mine)');
  await writeFile(join(vault, 'beta.md'), BETA.replace('# Beta', '# Beta (theirs)'));
  await expect(page.locator('.cm-conflict-marker').first()).toBeVisible({ timeout: 8_000 });
}

test('a change on disk to other lines is merged into unsaved edits, which are then saved', async ({ page, host }) => {
  await openBeta(page);
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('Typed here.');
  // Another program changes the title before the autosave (or while it runs).
  await writeFile(join(host.vault, 'beta.md'), BETA.replace('# Beta', '# Beta (edited elsewhere)'));

  await expect(page.locator('.notice', { hasText: 'Merged changes made on disk' })).toBeVisible({ timeout: 8_000 });
  await expect(editor(page)).toContainText('# Beta (edited elsewhere)');
  await expect(editor(page)).toContainText('Typed here.');
  await expectFile(
    join(host.vault, 'beta.md'),
    (t) => t === '# Beta (edited elsewhere)\n\nBeta links back to [[alpha]].\nTyped here.',
  );
  await expect(saveState(page)).toHaveText('Saved');
});

test('a conflicting change shows both versions and nothing is saved over the disk until resolved', async ({
  page,
  host,
}) => {
  await conflictOnTitle(page, host.vault);
  const theirs = BETA.replace('# Beta', '# Beta (theirs)');
  await expect(editor(page)).toContainText('<<<<<<< your edits');
  await expect(page.locator('.cm-conflict-mine')).toContainText('# Beta (mine)');
  await expect(page.locator('.cm-conflict-theirs')).toContainText('# Beta (theirs)');
  await expect(saveState(page)).toHaveText('Changed on disk');
  // Typing elsewhere while markers remain saves nothing.
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('More.');
  await page.waitForTimeout(2_500);
  expect(await readFile(join(host.vault, 'beta.md'), 'utf8')).toBe(theirs);

  // Resolving by hand (no markers left) saves.
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Resolved by hand.');
  await expectFile(join(host.vault, 'beta.md'), (t) => t === 'Resolved by hand.');
  await expect(saveState(page)).toHaveText('Saved');
});

test('a conflict on a paragraph line shows its lines as text between markers, not as a setext heading', async ({
  page,
  host,
}) => {
  await openBeta(page);
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End');
  await page.keyboard.type(' Mine.');
  await writeFile(join(host.vault, 'beta.md'), BETA.replace('[[alpha]].', '[[alpha]]. Theirs.'));
  await expect(page.locator('.cm-conflict-marker')).toHaveCount(3, { timeout: 8_000 });
  // The largest text size in a line: a heading's is 1.6 times the body's.
  const size = (line: string) =>
    page
      .locator(line)
      .first()
      .evaluate((el) =>
        Math.max(...[el, ...el.querySelectorAll('*')].map((e) => parseFloat(getComputedStyle(e).fontSize))),
      );
  const body = await editor(page).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(await size('.cm-conflict-mine')).toBe(body);
  // `=======` under "your" line is no heading underline, and the opening marker no heading either.
  expect(await size('.cm-conflict-marker:has-text("=======")')).toBeLessThanOrEqual(body);
  expect(await size('.cm-conflict-marker:has-text("<<<<<<<")')).toBeLessThanOrEqual(body);
});

test('"Keep my version" settles a conflict with the person\'s side of each block', async ({ page, host }) => {
  await conflictOnTitle(page, host.vault);
  await page.getByRole('button', { name: 'Keep my version' }).click();
  await expectFile(join(host.vault, 'beta.md'), (t) => t === BETA.replace('# Beta', '# Beta (mine)'));
  await expect(page.locator('.cm-conflict-marker')).toHaveCount(0);
});

/** The editor's lines as shown (each `.cm-line`), for counting marker lines. */
async function lines(page: Page): Promise<string[]> {
  return page.locator('.cm-content .cm-line').allTextContents();
}

/** Types at the end of an open note, then appends `disk` to its file before the autosave's second is up. */
async function conflictAtEnd(page: Page, file: string, typed: string, disk: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(typed);
  await writeFile(file, disk);
  await expect(page.locator('.cm-conflict-marker').first()).toBeVisible({ timeout: 8_000 });
}

test('"Keep my version" leaves marker lines the note itself holds (a code block about git) byte for byte', async ({
  page,
  host,
}) => {
  const file = join(host.vault, 'git-notes.md');
  await writeFile(file, GIT_NOTE);
  await page.reload();
  await row(page, 'git-notes.md').click();
  await expect(editor(page)).toContainText('Status: draft');
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.type(' (mine)');
  await writeFile(file, GIT_NOTE.replace('Status: draft', 'Status: draft (disk)'));

  await expect(page.locator('.cm-conflict-mine')).toHaveText(['Status: draft (mine)'], { timeout: 8_000 });
  // Only the merge's own block is a conflict: the code block's lines are not coloured as one.
  await expect(page.locator('.cm-conflict-marker')).toHaveCount(3);
  await page.getByRole('button', { name: 'Keep my version' }).click();
  await expectFile(file, (t) => t === GIT_NOTE.replace('Status: draft', 'Status: draft (mine)'));
  await expect(saveState(page)).toHaveText('Saved');
  // Typing on goes on being saved: the note's own marker lines never pause the autosave.
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('After.');
  await expectFile(file, (t) => t === GIT_NOTE.replace('Status: draft', 'Status: draft (mine)') + 'After.');
});

test('typing at the end right after a conflict appears starts a line of its own', async ({ page, host }) => {
  await openBeta(page);
  await conflictAtEnd(page, join(host.vault, 'beta.md'), 'mine-1', BETA + 'disk-1\n');
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('mine-2');
  const shown = await lines(page);
  expect(shown).toContain('>>>>>>> on disk');
  expect(shown.at(-1)).toBe('mine-2');
});

test("typing on after a conflict appears goes on in the person's own line, not on a marker line", async ({
  page,
  host,
}) => {
  await conflictOnTitle(page, host.vault);
  // The cursor was not moved: the merge wrapped its line in markers around it.
  await page.keyboard.type(' and more');
  expect(await lines(page)).toEqual([
    '<<<<<<< your edits',
    '# Beta (mine) and more',
    '=======',
    '# Beta (theirs)',
    '>>>>>>> on disk',
    '',
    'Beta links back to [[alpha]].',
    '',
  ]);
  await expect(saveState(page)).toHaveText('Changed on disk');
  await page.getByRole('button', { name: 'Keep my version' }).click();
  await expectFile(join(host.vault, 'beta.md'), (t) => t === BETA.replace('# Beta', '# Beta (mine) and more'));
});

test('a second outside change during a conflict updates the disk side, and "Keep my version" saves exactly mine', async ({
  page,
  host,
}) => {
  const file = join(host.vault, 'beta.md');
  await openBeta(page);
  await conflictAtEnd(page, file, 'mine-1', BETA + 'disk-1\n');
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('mine-2');
  // Another program appends again while the conflict is open.
  await writeFile(file, BETA + 'disk-1\ndisk-2\n');

  await expect(page.locator('.cm-conflict-theirs')).toHaveText(['disk-1', 'disk-2'], { timeout: 8_000 });
  await expect(page.locator('.cm-conflict-mine')).toHaveText(['mine-1', 'mine-2']);
  // One block, balanced: no markers inside markers.
  const shown = await lines(page);
  expect(shown.filter((l) => l.startsWith('<<<<<<<'))).toEqual(['<<<<<<< your edits']);
  expect(shown.filter((l) => l === '=======')).toHaveLength(1);
  expect(shown.filter((l) => l.startsWith('>>>>>>>'))).toEqual(['>>>>>>> on disk']);
  await expect(saveState(page)).toHaveText('Changed on disk');
  expect(await readFile(file, 'utf8')).toBe(BETA + 'disk-1\ndisk-2\n');

  await page.getByRole('button', { name: 'Keep my version' }).click();
  await expectFile(file, (t) => t === BETA + 'mine-1\nmine-2');
  await expect(page.locator('.cm-conflict-marker')).toHaveCount(0);
  await expect(saveState(page)).toHaveText('Saved');
});

test('each conflict block offers its own choices: "Keep both" settles that block alone', async ({ page, host }) => {
  const file = join(host.vault, 'beta.md');
  await openBeta(page);
  await conflictAtEnd(page, file, 'mine-1', BETA + 'disk-1\n');
  await page.locator('.cm-conflict-actions').getByRole('button', { name: 'Keep both' }).click();
  await expectFile(file, (t) => t === BETA + 'mine-1\ndisk-1\n');
  await expect(saveState(page)).toHaveText('Saved');
});

test('undoing a resolution brings the conflict back, paused, not its markers as text to save', async ({
  page,
  host,
}) => {
  const file = join(host.vault, 'beta.md');
  await openBeta(page);
  await conflictAtEnd(page, file, 'mine-1', BETA + 'disk-1\n');
  await page.locator('.cm-conflict-actions').getByRole('button', { name: 'Keep mine' }).click();
  await expectFile(file, (t) => t === BETA + 'mine-1');
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(page.locator('.cm-conflict-marker')).toHaveCount(3);
  await expect(saveState(page)).toHaveText('Changed on disk');
  await page.locator('.cm-conflict-actions').getByRole('button', { name: 'Keep disk' }).click();
  await expectFile(file, (t) => t === BETA + 'disk-1\n');
  await expect(saveState(page)).toHaveText('Saved');
});

test('a note deleted on disk keeps its text in the editor and can be saved again', async ({ page, host }) => {
  await openBeta(page);
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('Not lost.');
  await expectFile(join(host.vault, 'beta.md'), (t) => t?.endsWith('Not lost.') ?? false);
  await rm(join(host.vault, 'beta.md'));

  await expect(page.locator('#status-save .save-detail')).toContainText('deleted or moved away', { timeout: 8_000 });
  await expect(editor(page)).toContainText('Not lost.');
  await page.getByRole('button', { name: 'Keep my version' }).click();
  await expectFile(join(host.vault, 'beta.md'), (t) => t === BETA + 'Not lost.');
});

test('a note replaced on disk by a folder of the same name says so and keeps the typed text', async ({
  page,
  host,
}) => {
  await openBeta(page);
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('Typed, not saved yet.');
  // Before the autosave's second is up: the text exists only in the editor.
  await rm(join(host.vault, 'beta.md'));
  await mkdir(join(host.vault, 'beta.md'));

  await expect(page.locator('#status-save .save-detail')).toContainText('was replaced by a folder on disk', {
    timeout: 8_000,
  });
  await expect(saveState(page)).toHaveText('Changed on disk');
  await expect(editor(page)).toContainText('Typed, not saved yet.');
  await expect(row(page, 'beta.md')).toHaveClass(/\bfolder\b/);
  // Nothing is saved over the folder, however long one waits.
  await page.waitForTimeout(1500);
  await expect(editor(page)).toContainText('Typed, not saved yet.');
  expect((await stat(join(host.vault, 'beta.md'))).isDirectory()).toBe(true);
});

test('a sync conflict copy is pointed out on its note and opens from there', async ({ page, host }) => {
  await writeFile(join(host.vault, "beta (Sam's conflicted copy 2024-01-01).md"), BETA + 'From the laptop.\n');
  await page.reload();
  await row(page, 'beta.md').click();
  const banner = page.locator('.sync-conflict-banner');
  await expect(banner).toContainText('A sync conflict copy of this note exists');
  await banner.getByRole('button', { name: "beta (Sam's conflicted copy 2024-01-01).md" }).click();
  await expect(editor(page)).toContainText('From the laptop.');
});

test('an earlier version is restored from the file recovery dialog', async ({ page, host }) => {
  await openBeta(page);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('A bad save.');
  await expectFile(join(host.vault, 'beta.md'), (t) => t === 'A bad save.');

  await page.keyboard.press('ControlOrMeta+P');
  await page.keyboard.type('file recovery');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'File recovery' });
  const versions = dialog.locator('.recovery-item');
  await expect(versions).toHaveCount(2);
  await versions.nth(1).click();
  await expect(dialog.locator('.diff-added')).toContainText(['# Beta']);
  await expect(dialog.locator('.diff-removed')).toContainText(['A bad save.']);
  await dialog.getByRole('button', { name: 'Restore this version' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(editor(page)).toContainText('Beta links back to [[alpha]].');
  await expectFile(join(host.vault, 'beta.md'), (t) => t === BETA);
  // The restore is an edit like any other: undo brings the bad save back.
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(editor(page)).toContainText('A bad save.');
});
