import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base } from '@playwright/test';

const repo = resolve(import.meta.dirname, '../..');

export type RunningHost = { url: string; vault: string; stop(): Promise<void> };

/** Starts `npm run serve`'s program on a fresh copy of a fixture vault and waits for its URL. */
export async function startHost(fixture = 'basic'): Promise<RunningHost> {
  const dir = await mkdtemp(join(tmpdir(), 'plexus-e2e-'));
  const vault = join(dir, 'vault');
  await cp(join(repo, 'tests/fixtures', fixture), vault, { recursive: true });
  const child: ChildProcess = spawn(
    process.execPath,
    // Its own data folder: the index cache and recovery snapshots never land in the real one.
    ['--import', 'tsx', 'vault/serve-cli.ts', '--vault', vault, '--port', '0', '--data-dir', join(dir, 'data')],
    {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser host did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`browser host exited with ${code}:\n${output}`)));
  });
  return {
    url,
    vault,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A Playwright test with its own vault copy and browser host, opened in the page. */
export const test = base.extend<{ host: RunningHost; fixture: string }>({
  /** Which vault under tests/fixtures a test starts on (`test.use({ fixture: 'editor' })`). */
  fixture: ['basic', { option: true }],
  // Automatic, so a test that never names `host` still gets the app opened in its page.
  host: [
    async ({ page, fixture }, use) => {
      const host = await startHost(fixture);
      await page.goto(host.url);
      await use(host);
      await host.stop();
    },
    { auto: true },
  ],
});

export { expect } from '@playwright/test';
