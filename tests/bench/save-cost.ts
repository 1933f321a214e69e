// What one autosave of the open note costs the window at N notes (default 5,000), in Chromium
// through the browser host: the requests the page sends after each save (counted on the socket,
// by method) and the time they take from request to answer, listFiles apart. Run with the unlinked
// mentions section closed and open. `node --import tsx tests/bench/save-cost.ts [--notes N]
// [--saves N] [--static-dir DIR]` (DIR: another build of the renderer, e.g. an older commit's, to
// compare; default out/renderer, built by `npm run build`). Needs /usr/bin/chromium.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { launchBrowserHost } from '../helpers/browser-host-process';
import { benchVault, scratchCopy } from './bench-vault';

const CHROMIUM = '/usr/bin/chromium';

type Sent = { method: string; at: number };
type Tally = { count: number; ms: number };

/** Every request the page sends, and how long until its answer, by method. */
function watchSocket(page: Page): { sent: Map<number, Sent>; done: { method: string; ms: number; at: number }[] } {
  const sent = new Map<number, Sent>();
  const done: { method: string; ms: number; at: number }[] = [];
  page.on('websocket', (ws) => {
    ws.on('framesent', ({ payload }) => {
      const m = /^\{"id":(\d+),"method":"([A-Za-z]+)"/.exec(String(payload));
      if (m) sent.set(Number(m[1]), { method: m[2] as string, at: performance.now() });
    });
    ws.on('framereceived', ({ payload }) => {
      const m = /^\{"id":(\d+)/.exec(String(payload));
      const request = m ? sent.get(Number(m[1])) : undefined;
      if (request) done.push({ method: request.method, ms: performance.now() - request.at, at: request.at });
    });
  });
  return { sent, done };
}

async function measure(page: Page, saves: number, done: { method: string; ms: number; at: number }[]) {
  const editor = page.locator('.cm-content');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+End');
  const tally = new Map<string, Tally>();
  for (let i = 0; i < saves; i++) {
    const writes = done.filter((d) => d.method === 'writeNote').length;
    const from = performance.now();
    await page.keyboard.type(` s${i}`);
    while (done.filter((d) => d.method === 'writeNote').length === writes) await page.waitForTimeout(20);
    // Long enough for every request a save leads to (the tree's listing came 100 ms after the event).
    await page.waitForTimeout(2500);
    for (const d of done.filter((x) => x.at >= from && x.method !== 'writeNote')) {
      const t = tally.get(d.method) ?? { count: 0, ms: 0 };
      t.count++;
      t.ms += d.ms;
      tally.set(d.method, t);
    }
  }
  return [...tally].map(([method, t]) => ({
    method,
    perSave: +(t.count / saves).toFixed(2),
    msPerSave: +(t.ms / saves).toFixed(1),
  }));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { notes: { type: 'string' }, saves: { type: 'string' }, 'static-dir': { type: 'string' } },
  });
  const notes = Number(values.notes ?? 5000);
  const saves = Number(values.saves ?? 5);
  const vault = scratchCopy(benchVault(notes));
  const data = mkdtempSync(join(tmpdir(), 'plexus-save-cost-'));
  const host = await launchBrowserHost(vault.root, data, 120_000, { staticDir: values['static-dir'] });
  const browser = await chromium.launch({ executablePath: existsSync(CHROMIUM) ? CHROMIUM : undefined });
  try {
    const page = await browser.newPage();
    const { done } = watchSocket(page);
    await page.goto(host.url);
    await page.locator('.tree-row').first().waitFor();
    await page.locator('#note-title').filter({ hasText: /./ }).waitFor({ timeout: 60_000 });
    // Let the first index build and the start's requests finish.
    await page
      .locator('#status-index')
      .filter({ hasNotText: /index/i })
      .waitFor({ timeout: 120_000 })
      .catch(() => undefined);
    await page.waitForTimeout(3000);
    const closed = await measure(page, saves, done);
    await page.locator('#backlinks-pane summary').click();
    await page.waitForTimeout(3000);
    const open = await measure(page, saves, done);
    console.log(
      JSON.stringify({ notes, saves, renderer: values['static-dir'] ?? 'out/renderer', closed, open }, null, 1),
    );
  } finally {
    await browser.close();
    await host.stop();
    rmSync(data, { recursive: true, force: true });
    vault.remove();
  }
}

await main();
