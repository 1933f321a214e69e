import type { WebPreferences } from 'electron';
import { isExternalUrl } from './security';

/**
 * The desktop window's security settings and policies, as pure functions so the unit tests check
 * the real configuration without starting Electron (tests/unit/electron/window-options.test.ts).
 * A malicious note must not run code, read files outside the vault or reach the network: the page
 * is sandboxed, has no Node, cannot navigate, open windows, embed webviews or get permissions, and
 * only its own main frame may call the API.
 */

/** The app window's webPreferences: the page gets the preload's typed transport and nothing else. */
export function windowPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
  };
}

/**
 * What to do when a page asks to navigate its window to `url` (a clicked link, a script, a form,
 * a dropped file): never. The app is one fixed page; external links go through `windowOpenPolicy`.
 */
export function navigationPolicy(url: string): { allow: false; url: string } {
  return { allow: false, url };
}

/**
 * What to do with `window.open(url)` (how the page opens an external link): never a new Electron
 * window; http(s) and mailto are handed to the OS, everything else (file:, javascript:, data:,
 * custom schemes that could launch programs) is dropped.
 */
export function windowOpenPolicy(url: string): { action: 'deny'; openExternally: boolean } {
  return { action: 'deny', openExternally: isExternalUrl(url) };
}

/** Camera, microphone, location, notifications, HID, USB, …: Plexus needs none, so all are refused. */
export function permissionPolicy(_permission: string): boolean {
  return false;
}

/** What the main process knows about the frame behind an IPC request. */
export type SenderFacts = {
  /** The request came from the app window's own webContents. */
  fromAppWindow: boolean;
  /** The sending frame, or null when it is gone (destroyed or navigated away). */
  frame: { url: string; isMainFrame: boolean } | null;
};

/** Requests are served only to our own page in the main frame, never to anything it embeds. */
export function trustedSender(facts: SenderFacts): boolean {
  if (!facts.fromAppWindow || !facts.frame || !facts.frame.isMainFrame) return false;
  try {
    return new URL(facts.frame.url).protocol === 'file:';
  } catch {
    return false;
  }
}
