import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../shared/api';

/** The app menu; commands that the page carries out are forwarded to it. */
export function buildMenu(actions: { openFolder(): void; command(command: AppCommand): void }): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Note', accelerator: 'CmdOrCtrl+N', click: () => actions.command('new-note') },
        { label: 'New Folder', accelerator: 'CmdOrCtrl+Shift+N', click: () => actions.command('new-folder') },
        { label: 'Save', accelerator: 'CmdOrCtrl+S', click: () => actions.command('save') },
        { type: 'separator' },
        { label: 'Open Folder as Vault…', accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.openFolder() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
