import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { AppCommand, PlexusEvent } from '../shared/api';
import { dispatch } from '../shared/rpc/dispatch';
import { ensureWelcomeVault } from '../vault/app-data/app-paths';
import { VaultService } from '../vault/service';
import { EVENT_CHANNEL, REQUEST_CHANNEL } from './channels';
import { buildMenu } from './menu';
import { DESKTOP_CSP } from './security';
import { loadSettings, saveSettings } from './settings';
import { handleVaultFiles, registerVaultFileScheme } from './vault-file-protocol';
import {
  navigationPolicy,
  permissionPolicy,
  trustedSender,
  windowOpenPolicy,
  windowPreferences,
  type SenderFacts,
} from './window-options';

// PLEXUS_DATA_DIR gives tests (and portable installs) their own settings and welcome vault.
if (process.env.PLEXUS_DATA_DIR) app.setPath('userData', process.env.PLEXUS_DATA_DIR);
const dataDir = app.getPath('userData');
registerVaultFileScheme();
const rendererIndex = join(__dirname, '../renderer/index.html');
let window: BrowserWindow | null = null;
let service: VaultService | null = null;
let unsubscribe: (() => void) | null = null;

function send(event: PlexusEvent): void {
  window?.webContents.send(EVENT_CHANNEL, event);
}

/** Opens `root` as the vault, replacing the one open, and remembers it for the next launch. */
async function openVault(root: string): Promise<void> {
  const next = await VaultService.open(root, {
    host: 'electron',
    trash: (abs) => shell.trashItem(abs),
    cacheDir: join(dataDir, 'index-cache'),
    recoveryDir: join(dataDir, 'recovery'),
    worker: { url: join(__dirname, 'scan-worker.cjs') },
  });
  unsubscribe?.();
  await service?.close();
  service = next;
  unsubscribe = next.onEvent(send);
  await saveSettings(dataDir, { lastVault: next.vault.root });
}

async function chooseFolder(): Promise<void> {
  if (!window) return;
  const result = await dialog.showOpenDialog(window, { properties: ['openDirectory', 'createDirectory'] });
  const folder = result.filePaths[0];
  if (result.canceled || !folder) return;
  try {
    await openVault(folder);
    window.webContents.reload();
  } catch (error) {
    dialog.showErrorBox('Could not open the folder', error instanceof Error ? error.message : String(error));
  }
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1200,
    height: 800,
    title: 'Plexus',
    webPreferences: windowPreferences(join(__dirname, '../preload/preload.cjs')),
  });
  void win.loadFile(rendererIndex);
  return win;
}

/** The facts trustedSender judges, read from an IPC event. */
function senderFacts(event: Electron.IpcMainInvokeEvent): SenderFacts {
  const frame = event.senderFrame;
  return {
    fromAppWindow: window !== null && event.sender === window.webContents,
    frame: frame ? { url: frame.url, isMainFrame: frame.parent === null } : null,
  };
}

async function start(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(1), options: { vault: { type: 'string' } }, strict: false });
  const settings = await loadSettings(dataDir);
  const welcome = () => ensureWelcomeVault(dataDir, join(app.getAppPath(), 'assets/welcome-vault'));
  const chosen = typeof values.vault === 'string' ? values.vault : settings.lastVault;
  try {
    await openVault(chosen ?? (await welcome()));
  } catch (error) {
    // A remembered vault that vanished (unplugged drive) falls back to the welcome vault.
    if (typeof values.vault === 'string') throw error;
    await openVault(await welcome());
  }

  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [DESKTOP_CSP] } });
  });
  handleVaultFiles(() => service?.vault.root ?? null);
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
    callback(permissionPolicy(permission)),
  );
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => permissionPolicy(permission));

  ipcMain.handle(REQUEST_CHANNEL, (event, method: unknown, args: unknown) => {
    if (!trustedSender(senderFacts(event)) || !service) {
      return { ok: false, error: { code: 'INVALID_ARGUMENT', message: 'Request from an untrusted frame refused.' } };
    }
    return dispatch(service, method, args);
  });

  const command = (c: AppCommand) => send({ topic: 'command', command: c });
  Menu.setApplicationMenu(buildMenu({ openFolder: () => void chooseFolder(), command }));
  window = createWindow();
}

// Every web contents (the window and anything it might spawn): no navigation, no new windows
// (http(s) and mailto links go to the OS), no webviews.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => {
    if (!navigationPolicy(event.url).allow) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenPolicy(url);
    if (decision.openExternally) void shell.openExternal(url);
    return { action: decision.action };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
});
app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => void service?.close());

app
  .whenReady()
  .then(start)
  .catch((error: unknown) => {
    dialog.showErrorBox('Plexus could not start', error instanceof Error ? error.message : String(error));
    app.quit();
  });
