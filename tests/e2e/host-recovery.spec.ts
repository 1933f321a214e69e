import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import WebSocket from 'ws';
import { launchBrowserHost, type HostProcess } from '../helpers/browser-host-process';
import { answersNormally } from '../helpers/host-fixture';

/**
 * Issue 13 in a real Chromium page: the host dying under unsaved text (item 5), and the access
 * token reaching other servers on 127.0.0.1 (item 13).
 */

const repo = resolve(import.meta.dirname, '../..');
const row = (page: Page, path: string) => page.locator(`.tree-row[data-path="${path}"]`);
const editor = (page: Page) => page.locator('.cm-content');
const banner = (page: Page) => page.locator('.host-lost-banner');

let dir: string;
let vault: string;
let host: HostProcess | null = null;

test.beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plexus-e2e-recovery-'));
  vault = join(dir, 'vault');
  await cp(join(repo, 'tests/fixtures/basic'), vault, { recursive: true });
});

test.afterEach(async () => {
  await host?.stop();
  host = null;
  await rm(dir, { recursive: true, force: true });
});

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

async function openAlphaAndLoseHost(page: Page, port = 0): Promise<void> {
  host = await launchBrowserHost(vault, join(dir, 'data'), 20_000, { port });
  await page.goto(host.url);
  await row(page, 'alpha.md').click();
  await expect(editor(page)).toContainText('Alpha body text.');
  await host.kill(); // as a crash: no goodbye to the page
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\nWords typed after the host died.');
}

test('when the host dies, a banner says so and the unsaved text can be copied and downloaded', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openAlphaAndLoseHost(page);
  await expect(banner(page)).toBeVisible({ timeout: 10_000 });
  await expect(banner(page)).toHaveAttribute('role', 'alert');
  await expect(banner(page)).toContainText('nothing can be saved from here');
  await expect(banner(page)).toContainText('"alpha.md" has changes that are not saved');
  expect(await readFile(join(vault, 'alpha.md'), 'utf8')).not.toContain('Words typed');

  await banner(page).getByRole('button', { name: 'Copy text' }).click();
  await expect(banner(page).getByRole('button', { name: 'Copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('Alpha body text.\n\nWords typed after the host died.');
  expect(copied).toMatch(/^---\ntitle: Alpha/);

  const download = page.waitForEvent('download');
  await banner(page).getByRole('button', { name: 'Download alpha.md' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('alpha.md');
  expect(await readFile(await file.path(), 'utf8')).toBe(copied);
});

test('a host restarted on the same --port keeps its token: the page reconnects and saves', async ({ page }) => {
  const port = await freePort();
  await openAlphaAndLoseHost(page, port);
  await expect(banner(page)).toBeVisible({ timeout: 10_000 });
  host = await launchBrowserHost(vault, join(dir, 'data'), 20_000, { port });
  await expect(banner(page)).toBeHidden({ timeout: 10_000 });
  await expect
    .poll(async () => readFile(join(vault, 'alpha.md'), 'utf8'), { timeout: 15_000 })
    .toContain('Alpha body text.\n\nWords typed after the host died.');
});

test('a reload keeps working without the token in the address or any cookie', async ({ page, context }) => {
  host = await launchBrowserHost(vault, join(dir, 'data'), 20_000);
  await page.goto(host.url);
  await expect(row(page, 'alpha.md')).toBeVisible();
  expect(page.url()).not.toContain('token');
  await page.reload();
  await expect(row(page, 'alpha.md')).toBeVisible();
  expect(await context.cookies()).toEqual([]);
});

test('another server on 127.0.0.1 receives no credential it could replay', async ({ page }) => {
  host = await launchBrowserHost(vault, join(dir, 'data'), 20_000);
  const seen: IncomingHttpHeaders[] = [];
  const other = createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><title>another local server</title><img src="/pixel.png">');
  });
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
  const otherPort = (other.address() as AddressInfo).port;
  try {
    await page.goto(host.url);
    await expect(row(page, 'alpha.md')).toBeVisible();
    await page.goto(`http://127.0.0.1:${otherPort}/`);
    await expect(page).toHaveTitle('another local server');
    expect(seen.length).toBeGreaterThan(0);

    const running = host;
    const cookies = seen.map((h) => h.cookie ?? '').join('; ');
    expect(cookies).not.toContain(running.token);
    // Replay whatever arrived, with forged headers from outside a browser: refused everywhere.
    const ownOrigin = `http://127.0.0.1:${running.port}`;
    const socketAnswer = await new Promise<string>((resolveAnswer) => {
      const ws = new WebSocket(`ws://127.0.0.1:${running.port}/api`, {
        origin: ownOrigin,
        headers: { cookie: cookies },
      });
      ws.once('open', () => {
        ws.close();
        resolveAnswer('open');
      });
      ws.once('unexpected-response', (_req, res) => resolveAnswer(`HTTP ${res.statusCode}`));
      ws.once('error', (e) => resolveAnswer(e.message));
    });
    expect(socketAnswer).toBe('HTTP 403');
    const image = await fetch(`${ownOrigin}/vault-file/image.png`, { headers: { cookie: cookies } });
    expect(image.status).toBe(403);
  } finally {
    await new Promise((r) => other.close(r));
  }
});

test('a note too large to send is reported as not saved, kept in the editor, and the host lives', async ({ page }) => {
  test.setTimeout(120_000);
  // Issue 13: 23 MB of control bytes is ~138 MB once JSON escapes each one (\u0001).
  await writeFile(join(vault, 'huge.md'), '\u0001'.repeat(23 * 1024 * 1024));
  host = await launchBrowserHost(vault, join(dir, 'data'), 20_000);
  await page.goto(host.url);
  await row(page, 'huge.md').click();
  await expect(page.locator('#note-title')).toHaveText('huge', { timeout: 60_000 });
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.type('x');
  const state = page.locator('#status-save');
  await expect(state.locator('.save-label')).toHaveText('Not saved', { timeout: 30_000 });
  await expect(state.locator('.save-detail')).toContainText(
    'This note is too large to save through the browser host (139 MB encoded; limit 129 MB). Your text is still in the editor.',
  );
  // The typed text stays in the editor, the note on disk is as it was, and the page is connected.
  await expect(editor(page)).toHaveText(/^x/); // (control characters show as placeholders)
  expect((await readFile(join(vault, 'huge.md'), 'utf8')).startsWith('\u0001')).toBe(true);
  await expect(page.locator('#status-connection')).toHaveText('');
  await expect(banner(page)).toBeHidden();
  expect(host.exited()).toBeNull();
  expect(await answersNormally(host)).toBe('answers');
});
