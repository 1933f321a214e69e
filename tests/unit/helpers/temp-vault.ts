import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

/** Every folder tempVault()/tempDir() made and removeTempDirs() has not removed yet. */
const created: string[] = [];

/** A fresh, empty temp folder (removed by removeTempDirs). */
export async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(join(tmpdir(), 'plexus-'));
  created.push(dir);
  return dir;
}

/**
 * Copies tests/fixtures/<fixture>/ (dot-folders included) into a fresh temp folder and returns
 * its path. Call removeTempDirs() from afterEach to delete it again.
 */
export async function tempVault(fixture = 'basic'): Promise<string> {
  const source = join(FIXTURES, fixture);
  await fs.access(source); // a typo in a fixture name should fail loudly, not give an empty vault
  const dir = await tempDir();
  await fs.cp(source, dir, { recursive: true });
  return dir;
}

/** Deletes every folder made by tempVault()/tempDir() so far. */
export async function removeTempDirs(): Promise<void> {
  const dirs = created.splice(0);
  await Promise.all(
    dirs.map(async (dir) => {
      // A test may have left a folder read-only; make sure rm can get in.
      await fs.chmod(dir, 0o700).catch(() => undefined);
      await fs.rm(dir, { recursive: true, force: true });
    }),
  );
}

/** Polls `predicate` until it is true; fails after `timeoutMs`. */
export async function waitFor(predicate: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await sleep(25);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
