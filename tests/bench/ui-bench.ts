// The renderer's responsiveness, in Chromium through the browser host: the longest main-thread
// task (PerformanceObserver 'longtask') (a) while a big vault is indexed from cold and (b) while
// ~200 characters are typed into a 1 MB note (in Live Preview, the default), (d) while that note is
// scrolled; (c) each keystroke's time to the next frame in a note
// of 40k markdown links, one per line (one paragraph). Goal: no task over 50 ms. Reported by
// tests/bench/bench.ts (--ui); `node --import tsx tests/bench/ui-bench.ts [--notes N]` runs it alone,
// `--part links [--links N] [--keys N]` only (c), `--part big-note` only (b) and (d);
// (e) opening a note with 11k backlinks, `--part backlinks [--backlinks N]` alone.
// Needs the built renderer (out/renderer; built here when missing) and /usr/bin/chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from '@playwright/test';
import { launchBrowserHost } from '../helpers/browser-host-process';
import { HUB, writeBacklinkVault } from '../helpers/backlink-vault';
import { linkedNoteNames, linkNote } from '../helpers/link-note';
import { generateVault } from '../helpers/synthetic-vault';
import { goalTier } from './bench-goals';
import { markdownTable, ms, row, type BenchRow } from './bench-row';
import { percentile } from './bench-stats';
import { benchVault, scratchCopy } from './bench-vault';

const repo = resolve(import.meta.dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
const BIG_NOTE = 'Big note.md';

/** How the big note is edited: Live Preview (the default) or Source mode, to compare. */
type Editing = 'live' | 'source';
const MODE: Record<Editing, string> = { live: 'Live Preview', source: 'Source mode' };

type LongTask = { start: number; duration: number };
type PageState = {
  tasks: LongTask[];
  sawIndexing: boolean;
  firstRow: number | null;
  ready: number | null;
  /** When the last key went down (capture phase, before the editor sees it). */
  keyAt: number;
};

declare global {
  interface Window {
    __bench: PageState;
  }
}

/** Runs in the page before its scripts: records long tasks, when the tree shows, and the index status. */
function instrument(): void {
  const state: PageState = { tasks: [], sawIndexing: false, firstRow: null, ready: null, keyAt: 0 };
  window.__bench = state;
  window.addEventListener('keydown', () => (state.keyAt = performance.now()), true);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const poll = setInterval(() => {
    if (state.firstRow === null && document.querySelector('.tree-row')) state.firstRow = performance.now();
    const status = document.querySelector('#status-index')?.textContent ?? '';
    if (status !== '') state.sawIndexing = true;
    else if (state.sawIndexing && state.ready === null) {
      state.ready = performance.now();
      clearInterval(poll);
    }
  }, 50);
}

/** The host starts slowly on a big vault: it lists the vault before it prints its URL. */
const HOST_START_MS = 120_000;

function ensureRendererBuilt(log: (line: string) => void): void {
  if (existsSync(join(repo, 'out/renderer/index.html'))) return;
  log('building the renderer (npm run build)…');
  const result = spawnSync('npm', ['run', 'build'], { cwd: repo, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build failed; the UI bench needs out/renderer.');
}

async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.addInitScript(instrument);
  await page.goto(url);
  return page;
}

const longest = (tasks: LongTask[]): number => Math.max(0, ...tasks.map((t) => t.duration));
const over = (tasks: LongTask[], limit: number): number => tasks.filter((t) => t.duration > limit).length;

/** (a): opens the app on a scratch copy of the `notes`-note vault while the host indexes it from cold. */
async function duringIndex(browser: Browser, notes: number, label: string): Promise<BenchRow> {
  const scratch = scratchCopy(benchVault(notes));
  const dataDir = mkdtempSync(join(tmpdir(), 'plexus-ui-bench-data-'));
  const host = await launchBrowserHost(scratch.root, dataDir, HOST_START_MS);
  try {
    const page = await openPage(browser, host.url);
    await page.waitForFunction(
      () =>
        window.__bench.ready !== null ||
        (window.__bench.firstRow !== null &&
          !window.__bench.sawIndexing &&
          performance.now() - window.__bench.firstRow > 3000),
      null,
      {
        timeout: 15 * 60_000,
        polling: 500,
      },
    );
    const state = await page.evaluate(() => window.__bench);
    await page.close();
    const goal = goalTier(notes).goals.longTask;
    const firstRow = state.firstRow ?? 0;
    const load = state.tasks.filter((t) => t.start < firstRow);
    const after = state.tasks.filter((t) => t.start >= firstRow);
    const worst = longest(state.tasks);
    return row(label, `UI: longest task while ${notes.toLocaleString()} notes index`, ms(worst), {
      goal,
      actual: worst,
      note: state.sawIndexing
        ? `${over(state.tasks, 50)} tasks over 50 ms; page load until the tree shows (${ms(firstRow)}): longest ${ms(longest(load))}; ` +
          `then until indexed (${ms((state.ready ?? firstRow) - firstRow)}): longest ${ms(longest(after))}, ${over(after, 50)} over 50 ms`
        : 'the index was ready before the page showed it: only the page load was measured',
      data: {
        longestMs: worst,
        over50: over(state.tasks, 50),
        loadLongestMs: longest(load),
        afterLongestMs: longest(after),
      },
    });
  } finally {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
    scratch.remove();
  }
}

/** About `bytes` of realistic markdown: synthetic notes' bodies, one after another. */
function bigNote(bytes: number): string {
  const parts: string[] = ['# Big note\n'];
  let size = 0;
  for (const note of generateVault({ notes: Math.ceil(bytes / 3500), seed: 3 })) {
    const body = note.text.replace(/^---\n[\s\S]*?\n---\n/, '');
    parts.push(body);
    size += body.length;
    if (size >= bytes) break;
  }
  return parts.join('\n');
}

/** A 1k-note vault with a ~1 MB note (~20k lines) open in the page, ready to type or scroll in. */
async function openBigNote(browser: Browser, editing: Editing): Promise<{ page: Page; close: () => Promise<void> }> {
  const scratch = scratchCopy(benchVault(1000));
  writeFileSync(join(scratch.root, BIG_NOTE), bigNote(1024 * 1024));
  if (editing === 'source') {
    mkdirSync(join(scratch.root, '.plexus'), { recursive: true });
    writeFileSync(
      join(scratch.root, '.plexus/settings.json'),
      '{"newNotes":"beside-current","defaultEditing":"source"}',
    );
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'plexus-ui-bench-data-'));
  const host = await launchBrowserHost(scratch.root, dataDir, HOST_START_MS);
  const close = async () => {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
    scratch.remove();
  };
  try {
    const page = await openPage(browser, host.url);
    await page.locator('.tree-row').first().waitFor();
    await page.waitForFunction(() => document.querySelector('#status-index')?.textContent === '', null, {
      timeout: 120_000,
    });
    await page.keyboard.press('ControlOrMeta+O');
    await page.keyboard.type('Big note');
    await page.locator('.picker-option', { hasText: 'Big note' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('#note-title', { hasText: 'Big note' }).waitFor();
    return { page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** (b): types ~200 characters (with a `[[` completion) into a 1 MB note of a 1k-note vault, in Live Preview. */
async function whileTyping(browser: Browser, label: string, editing: Editing = 'live'): Promise<BenchRow> {
  const { page, close } = await openBigNote(browser, editing);
  try {
    const editor = page.locator('.cm-content');
    await editor.click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.waitForTimeout(1500);
    const t0 = await page.evaluate(() => {
      window.__bench.tasks = [];
      return performance.now();
    });
    const started = Date.now();
    const sentence = 'Typing into a very large note should feel exactly like typing into a small one, ';
    await page.keyboard.type(`\n\n${sentence}${sentence.slice(0, 60)}`, { delay: 40 });
    await page.keyboard.type(' see [[Caf', { delay: 40 });
    await page
      .locator('.cm-tooltip-autocomplete')
      .waitFor({ timeout: 10_000 })
      .catch(() => undefined);
    await page.keyboard.press('Escape');
    await page.keyboard.type(' and more words to finish the line.', { delay: 40 });
    const typedMs = Date.now() - started;
    await page.waitForTimeout(3000); // the autosave and the index update that follow
    const tasks = await page.evaluate(() => window.__bench.tasks);
    await page.close();
    const worst = longest(tasks);
    const worstAt = ((tasks.find((t) => t.duration === worst)?.start ?? t0) - t0) / 1000;
    const goal = goalTier(1000).goals.longTask;
    return row(label, `UI: longest task while typing in a 1 MB note (${MODE[editing]})`, ms(worst), {
      goal,
      actual: worst,
      note:
        `~200 characters at 40 ms each incl. a [[ completion (0–${(typedMs / 1000).toFixed(1)} s), then 3 s for ` +
        `the autosave: ${over(tasks, 50)} tasks over 50 ms, ${tasks.length} long tasks in all` +
        (tasks.length > 0 ? `; the longest at ${worstAt.toFixed(1)} s` : ''),
      data: { longestMs: worst, over50: over(tasks, 50), longTasks: tasks.length },
    });
  } finally {
    await close();
  }
}

/** (d): scrolls down the same ~20k-line note in Live Preview (its widgets and marks drawn as lines come into view). */
async function whileScrolling(browser: Browser, label: string, editing: Editing = 'live'): Promise<BenchRow> {
  const { page, close } = await openBigNote(browser, editing);
  try {
    await page.locator('.cm-content').click();
    await page.waitForTimeout(1500);
    await page.evaluate(() => (window.__bench.tasks = []));
    const steps = 150;
    for (let i = 0; i < steps; i++) {
      await page.mouse.wheel(0, 900);
      await page.waitForTimeout(30);
    }
    await page.waitForTimeout(1000);
    const tasks = await page.evaluate(() => window.__bench.tasks);
    await page.close();
    const worst = longest(tasks);
    return row(label, `UI: longest task while scrolling a 1 MB note (${MODE[editing]})`, ms(worst), {
      goal: goalTier(1000).goals.longTask,
      actual: worst,
      note: `${steps} wheel steps of 900 px, 30 ms apart: ${over(tasks, 50)} tasks over 50 ms, ${tasks.length} long tasks in all`,
      data: { longestMs: worst, over50: over(tasks, 50), longTasks: tasks.length },
    });
  } finally {
    await close();
  }
}

/** In the page: resolves after the next frame is drawn and the tasks queued behind it have run. */
function nextFrame(): Promise<number> {
  return new Promise((done) => requestAnimationFrame(() => setTimeout(() => done(performance.now()), 0)));
}

/**
 * (c): opens a note of `links` links, one per line (one paragraph: issue 13 item 12 froze the
 * page 7 s on open and 6 s per keystroke at 40k), then types `keys` characters at its end, each
 * timed from keydown to the next frame. 20 of the targets exist, so both link styles are drawn.
 */
export async function inLinkNote(
  browser: Browser,
  label: string,
  options: { links: number; keys: number; style?: 'markdown' | 'wiki' },
): Promise<BenchRow> {
  const { links, keys, style = 'markdown' } = options;
  const dir = mkdtempSync(join(tmpdir(), 'plexus-ui-bench-links-'));
  const vault = join(dir, 'vault');
  mkdirSync(vault);
  writeFileSync(join(vault, 'Links.md'), linkNote(links, style));
  for (const name of linkedNoteNames(20)) writeFileSync(join(vault, name), `# ${name}\n`);
  const host = await launchBrowserHost(vault, join(dir, 'data'), HOST_START_MS);
  try {
    const page = await openPage(browser, host.url);
    await page.locator('.tree-row[data-path="Links.md"]').waitFor();
    await page.evaluate(nextFrame);
    await page.evaluate(() => (window.__bench.tasks = []));
    const opening = Date.now();
    await page.locator('.tree-row[data-path="Links.md"]').click();
    await page
      .locator('.cm-line', { hasText: style === 'wiki' ? '[[n0]]' : '[t](n0.md)' })
      .waitFor({ timeout: 600_000 });
    await page.evaluate(nextFrame);
    const openMs = Date.now() - opening;
    const openTasks = await page.evaluate(() => window.__bench.tasks);
    await page.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.evaluate(nextFrame);
    await page.waitForTimeout(1000);
    await page.evaluate(() => (window.__bench.tasks = []));
    const perKey: number[] = [];
    for (let i = 0; i < keys; i++) {
      await page.keyboard.press(String.fromCharCode(97 + (i % 26)));
      const keyMs = await page.evaluate(
        () =>
          new Promise<number>((done) =>
            requestAnimationFrame(() => setTimeout(() => done(performance.now() - window.__bench.keyAt), 0)),
          ),
      );
      perKey.push(keyMs);
      await page.waitForTimeout(50);
    }
    await page.waitForTimeout(1500); // the autosave and the index update that follow
    const typingTasks = await page.evaluate(() => window.__bench.tasks);
    await page.close();
    const p50 = percentile(perKey, 50);
    const max = Math.max(...perKey);
    const what = style === 'wiki' ? 'wiki' : 'markdown';
    return row(label, `UI: keystroke in a ${links / 1000}k-${what}-link note`, `p50 ${ms(p50)}, max ${ms(max)}`, {
      goal: goalTier(1000).goals.longTask,
      actual: longest(typingTasks),
      note:
        `${keys} keys, keydown to next frame; opening it: ${ms(openMs)} (longest task ${ms(longest(openTasks))}); ` +
        `while typing and saving: longest task ${ms(longest(typingTasks))}, ${over(typingTasks, 50)} over 50 ms`,
      data: { p50Ms: p50, maxMs: max, openMs, openLongestMs: longest(openTasks), longestMs: longest(typingTasks) },
    });
  } finally {
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * (e): opens a note that `notes` other notes link to (issue 16: 11k backlinks blocked the window
 * 1.4 s), from the tree, and waits until its backlinks pane shows them.
 */
async function openHubNote(browser: Browser, label: string, notes: number): Promise<BenchRow> {
  const dir = mkdtempSync(join(tmpdir(), 'plexus-ui-bench-backlinks-'));
  const vault = join(dir, 'vault');
  mkdirSync(vault);
  await writeBacklinkVault(vault, notes);
  const host = await launchBrowserHost(vault, join(dir, 'data'), HOST_START_MS);
  try {
    const page = await openPage(browser, host.url);
    const hub = page.locator(`.tree-row[data-path="${HUB}"]`);
    await hub.waitFor();
    await page.waitForFunction(() => document.querySelector('#status-index')?.textContent === '', null, {
      timeout: 120_000,
    });
    await page.waitForTimeout(1000);
    await page.evaluate(() => (window.__bench.tasks = []));
    const opening = Date.now();
    await hub.click();
    await page.locator('#backlinks-pane .backlinks-total', { hasText: String(notes) }).waitFor({ timeout: 120_000 });
    await page.evaluate(nextFrame);
    const shownMs = Date.now() - opening;
    await page.waitForTimeout(1000);
    const tasks = await page.evaluate(() => window.__bench.tasks);
    await page.close();
    const worst = longest(tasks);
    return row(label, `UI: longest task opening a note with ${notes.toLocaleString()} backlinks`, ms(worst), {
      goal: goalTier(1000).goals.longTask,
      actual: worst,
      note: `click to the pane showing the count: ${ms(shownMs)}; ${over(tasks, 50)} tasks over 50 ms, ${tasks.length} long tasks in all`,
      data: { longestMs: worst, over50: over(tasks, 50), longTasks: tasks.length, shownMs },
    });
  } finally {
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** (e) alone, in its own browser. */
async function backlinksOnly(notes: number): Promise<BenchRow[]> {
  ensureRendererBuilt(() => undefined);
  const browser = await launchChromium();
  try {
    return [await openHubNote(browser, 'renderer (Chromium)', notes)];
  } finally {
    await browser.close();
  }
}

/** Both UI measures: (a) on the `notes`-note synthetic vault, (b) on a 1 MB note. */
export async function measureUi(options: { notes: number; log?: (line: string) => void }): Promise<BenchRow[]> {
  const log = options.log ?? (() => undefined);
  ensureRendererBuilt(log);
  const browser = await launchChromium();
  try {
    const label = 'renderer (Chromium)';
    log(`UI: indexing ${options.notes.toLocaleString()} notes in the browser host…`);
    const indexing = await duringIndex(browser, options.notes, label);
    log(`UI: ${indexing.value}`);
    const typing = await whileTyping(browser, label);
    log(`UI: ${typing.value}`);
    const scrolling = await whileScrolling(browser, label);
    log(`UI: ${scrolling.value}`);
    const links = await inLinkNote(browser, label, { links: 40_000, keys: 30 });
    log(`UI: ${links.value}`);
    const backlinks = await openHubNote(browser, label, 11_000);
    log(`UI: ${backlinks.value}`);
    return [indexing, typing, scrolling, links, backlinks];
  } finally {
    await browser.close();
  }
}

/** (b) and (d) alone: typing and scrolling in the 1 MB note, in Live Preview and in Source mode. */
async function bigNoteOnly(): Promise<BenchRow[]> {
  ensureRendererBuilt(() => undefined);
  const browser = await launchChromium();
  const label = 'renderer (Chromium)';
  try {
    const rows: BenchRow[] = [];
    for (const editing of ['live', 'source'] as const)
      rows.push(await whileTyping(browser, label, editing), await whileScrolling(browser, label, editing));
    return rows;
  } finally {
    await browser.close();
  }
}

/** (c) alone, in its own browser. */
async function linkNoteOnly(options: { links: number; keys: number; style: 'markdown' | 'wiki' }): Promise<BenchRow[]> {
  ensureRendererBuilt(() => undefined);
  const browser = await launchChromium();
  try {
    return [await inLinkNote(browser, 'renderer (Chromium)', options)];
  } finally {
    await browser.close();
  }
}

function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: existsSync(CHROMIUM) ? CHROMIUM : undefined,
    args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      notes: { type: 'string', default: '10000' },
      part: { type: 'string' },
      links: { type: 'string', default: '40000' },
      keys: { type: 'string', default: '30' },
      wiki: { type: 'boolean' },
      backlinks: { type: 'string', default: '11000' },
    },
  });
  const rows =
    values.part === 'big-note'
      ? await bigNoteOnly()
      : values.part === 'backlinks'
        ? await backlinksOnly(Number(values.backlinks))
        : values.part === 'links'
          ? await linkNoteOnly({
              links: Number(values.links),
              keys: Number(values.keys),
              style: values.wiki ? 'wiki' : 'markdown',
            })
          : await measureUi({ notes: Number(values.notes), log: (line) => process.stderr.write(`  ${line}\n`) });
  console.log(markdownTable(rows));
}
