import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  navigationPolicy,
  permissionPolicy,
  trustedSender,
  windowOpenPolicy,
  windowPreferences,
  type SenderFacts,
} from '../../../electron/window-options';

describe('windowPreferences', () => {
  const prefs = windowPreferences('/app/preload.cjs');

  it('isolates and sandboxes the page, with no Node anywhere', () => {
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps web security on and turns off webviews, insecure content, experiments and drop-to-navigate', () => {
    expect(prefs).toMatchObject({
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
  });

  it('sets nothing that loosens security (no unknown keys slipped in)', () => {
    expect(Object.keys(prefs).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'safeDialogs',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });

  it('is what electron/main.ts gives the window, and main.ts applies every policy', () => {
    const main = readFileSync(join(import.meta.dirname, '../../../electron/main.ts'), 'utf8');
    expect(main).toMatch(/webPreferences: windowPreferences\(/);
    expect(main).not.toMatch(/contextIsolation|nodeIntegration|sandbox:/);
    expect(main).toMatch(/navigationPolicy\(event\.url\)/);
    expect(main).toMatch(/windowOpenPolicy\(url\)/);
    expect(main).toMatch(/setPermissionRequestHandler\([^)]*\)\s*=>\s*callback\(permissionPolicy\(permission\)\)/);
    expect(main).toMatch(/setPermissionCheckHandler\(\(_wc, permission\) => permissionPolicy\(permission\)\)/);
    expect(main).toMatch(/trustedSender\(senderFacts\(event\)\)/);
    expect(main).toMatch(/will-attach-webview', \(event\) => event\.preventDefault\(\)/);
  });
});

describe('navigationPolicy', () => {
  it.each([
    'https://example.com',
    'http://127.0.0.1:8080/',
    'file:///etc/passwd',
    'file:///app/out/renderer/other.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'plexus-file://vault/note.png',
    'mailto:a@example.com',
  ])('never lets the window navigate to %s', (url) => {
    expect(navigationPolicy(url).allow).toBe(false);
  });
});

describe('windowOpenPolicy', () => {
  it.each(['https://example.com/page', 'http://example.com', 'mailto:someone@example.com', 'HTTPS://EXAMPLE.COM'])(
    'opens %s in the OS, never in a new app window',
    (url) => {
      expect(windowOpenPolicy(url)).toEqual({ action: 'deny', openExternally: true });
    },
  );

  it.each([
    'file:///etc/passwd',
    'file:///C:/Windows/System32/calc.exe',
    'javascript:alert(1)',
    'data:text/html,x',
    'vbscript:msgbox',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=x',
    'smb://evil.example/share',
    'plexus-file://vault/x.png',
    'about:blank',
    '',
    'not a url',
  ])('drops %j', (url) => {
    expect(windowOpenPolicy(url)).toEqual({ action: 'deny', openExternally: false });
  });
});

describe('permissionPolicy', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'midi',
    'midiSysex',
    'pointerLock',
    'fullscreen',
    'openExternal',
    'clipboard-read',
    'display-capture',
    'hid',
    'serial',
    'usb',
    'fileSystem',
    'unknown-future-permission',
  ])('refuses %s', (permission) => {
    expect(permissionPolicy(permission)).toBe(false);
  });
});

describe('trustedSender', () => {
  const page = 'file:///opt/Plexus/resources/app.asar/out/renderer/index.html';
  const facts = (over: Partial<SenderFacts> = {}): SenderFacts => ({
    fromAppWindow: true,
    frame: { url: page, isMainFrame: true },
    ...over,
  });

  it('trusts our own page in the main frame of the app window', () => {
    expect(trustedSender(facts())).toBe(true);
    expect(trustedSender(facts({ frame: { url: `${page}#/note`, isMainFrame: true } }))).toBe(true);
  });

  it.each<[string, Partial<SenderFacts>]>([
    ['another web contents (a devtools or a future second window)', { fromAppWindow: false }],
    ['a sub-frame (an iframe a note managed to embed)', { frame: { url: page, isMainFrame: false } }],
    ['a destroyed or navigated-away frame', { frame: null }],
    ['a remote page in the main frame', { frame: { url: 'https://evil.example/', isMainFrame: true } }],
    ['a data: URL page', { frame: { url: 'data:text/html,<script>1</script>', isMainFrame: true } }],
    ['about:blank', { frame: { url: 'about:blank', isMainFrame: true } }],
    ['a vault file', { frame: { url: 'plexus-file://vault/x.svg', isMainFrame: true } }],
    ['an unparsable URL', { frame: { url: '::', isMainFrame: true } }],
  ])('refuses %s', (_name, over) => {
    expect(trustedSender(facts(over))).toBe(false);
  });
});
