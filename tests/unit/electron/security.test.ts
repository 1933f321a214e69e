import { describe, expect, it } from 'vitest';
import { DESKTOP_CSP, isExternalUrl } from '../../../electron/security';

describe('isExternalUrl', () => {
  it.each(['https://example.com', 'http://example.com/a?b', 'mailto:someone@example.com'])(
    'opens %s in the OS',
    (url) => {
      expect(isExternalUrl(url)).toBe(true);
    },
  );

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'vbscript:x', 'not a url', 'ftp://x'])(
    'refuses %s',
    (url) => {
      expect(isExternalUrl(url)).toBe(false);
    },
  );
});

describe('DESKTOP_CSP', () => {
  it('allows only our own scripts and no remote connections', () => {
    expect(DESKTOP_CSP).toContain("script-src 'self'");
    // The markdown render worker (renderer/src/render/render-worker.ts) comes from the app itself.
    expect(DESKTOP_CSP).toContain("worker-src 'self'");
    expect(DESKTOP_CSP).not.toMatch(/script-src[^;]*unsafe/);
    expect(DESKTOP_CSP).toContain("connect-src 'none'");
    expect(DESKTOP_CSP).toContain("object-src 'none'");
  });
});
