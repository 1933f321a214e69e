import { chmod, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { portToken } from '../../../../vault/host/token';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plexus-host-token-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const file = (port: number) => join(dir, 'browser-host', `token-${port}`);

describe.skipIf(process.platform === 'win32')('the kept token of a fixed port', () => {
  it('is made once, owner-only, and given again for the same port only', async () => {
    const token = await portToken(dir, 5173);
    expect(token).toMatch(/^[0-9a-f]{48}$/);
    expect((await stat(file(5173))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'browser-host'))).mode & 0o077).toBe(0);
    expect(await portToken(dir, 5173)).toBe(token);
    expect(await portToken(dir, 5174)).not.toBe(token);
  });

  it('replaces a token file others could read, a link, or one that is not a token', async () => {
    const token = await portToken(dir, 1);
    await chmod(file(1), 0o644);
    const fresh = await portToken(dir, 1);
    expect(fresh).not.toBe(token);
    expect((await stat(file(1))).mode & 0o777).toBe(0o600);

    await writeFile(join(dir, 'elsewhere'), 'a'.repeat(48), { mode: 0o600 });
    await rm(file(1));
    await symlink(join(dir, 'elsewhere'), file(1));
    expect(await portToken(dir, 1)).not.toBe('a'.repeat(48));

    await writeFile(file(2), 'not a token', { mode: 0o600 });
    expect(await portToken(dir, 2)).toMatch(/^[0-9a-f]{48}$/);
    expect(await readFile(join(dir, 'elsewhere'), 'utf8')).toBe('a'.repeat(48));
  });
});
