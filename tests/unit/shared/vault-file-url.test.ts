import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { VAULT_FILE_KEY_PARAM, vaultFilePath, vaultFileUrl } from '../../../shared/vault-file-url';
import { readVaultMedia } from '../../../vault/host/vault-file-route';
import { removeTempDirs, tempDir } from '../helpers/temp-vault';

afterAll(() => removeTempDirs());

/** Names that a careless URL would cut short or misread. */
const PATHS = [
  'pic.png',
  'assets/with space/pic.png',
  'a#b.png',
  'what?.png',
  '100%.png',
  '%41.png',
  'ünï/café ☕.png',
  'deep/er/still/x+y&z=1.png',
];

describe('vaultFileUrl', () => {
  it('encodes each segment of the path and keeps the folders', () => {
    expect(vaultFileUrl('assets/with space/a#b?.png')).toBe('/vault-file/assets/with%20space/a%23b%3F.png');
    expect(vaultFileUrl('100%/ü.png')).toBe('/vault-file/100%25/%C3%BC.png');
  });

  it('carries the browser host key as its query, and the desktop form as its own scheme', () => {
    expect(vaultFileUrl('a b.png', { key: 'k1' })).toBe(`/vault-file/a%20b.png?${VAULT_FILE_KEY_PARAM}=k1`);
    expect(vaultFileUrl('a b.png', { host: 'electron', key: 'ignored' })).toBe('plexus-file://vault/a%20b.png');
  });

  it.each(PATHS)('round-trips %s through both forms', (path) => {
    expect(vaultFilePath(vaultFileUrl(path))).toBe(path);
    expect(vaultFilePath(vaultFileUrl(path, { key: 'abc' }))).toBe(path);
    expect(vaultFilePath(vaultFileUrl(path, { host: 'electron' }))).toBe(path);
    // As Chromium parses the desktop form (pathname and all), the path comes back the same.
    const parsed = new URL(vaultFileUrl(path, { host: 'electron' }));
    expect(vaultFilePath(`${parsed.protocol}//${parsed.host}${parsed.pathname}`)).toBe(path);
  });

  it('names nothing for other URLs or broken percent-encoding', () => {
    expect(vaultFilePath('/static/app.js')).toBeNull();
    expect(vaultFilePath('/vault-files/a.png')).toBeNull();
    expect(vaultFilePath('plexus-file://other/a.png')).toBeNull();
    expect(vaultFilePath('plexus-file://vault.example/a.png')).toBeNull();
    expect(vaultFilePath('/vault-file/%E0%A4%A.png')).toBeNull();
  });
});

describe("the host's parser", () => {
  it('serves, for each URL the page builds, the file it names', async () => {
    const root = await fs.realpath(await tempDir());
    for (const [i, path] of PATHS.entries()) {
      await fs.mkdir(join(root, ...path.split('/').slice(0, -1)), { recursive: true });
      await fs.writeFile(join(root, ...path.split('/')), `image ${i}`);
    }
    for (const [i, path] of PATHS.entries()) {
      // The browser host hands over the URL's pathname; the desktop app the whole URL.
      const browser = new URL(vaultFileUrl(path, { key: 'k' }), 'http://127.0.0.1').pathname;
      for (const url of [browser, vaultFileUrl(path, { host: 'electron' })]) {
        const image = await readVaultMedia(root, url);
        expect(image?.body.toString(), url).toBe(`image ${i}`);
        expect(image?.contentType).toBe('image/png');
      }
    }
  });
});
