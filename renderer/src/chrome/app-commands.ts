import type { Command } from './commands';

/** What the app's commands act on; main.ts wires these to the workspace and the panes. */
export type CommandTargets = {
  newNote: () => void;
  newFolder: () => void;
  save: () => void;
  quickSwitcher: () => void;
  commandPalette: () => void;
  search: () => void;
  toggleReading: () => void;
  toggleSource: () => void;
  defaultEditing: (mode: 'live' | 'source') => void;
  toggleStrictLineBreaks: () => void;
  back: () => void;
  forward: () => void;
  closeTab: () => void;
  reopenClosedTab: () => void;
  cycleTab: (offset: number) => void;
  renameNote: () => void;
  fileRecovery: () => void;
  followLink: (newTab: boolean) => void;
  newNotesLocation: () => void;
  showLinks: (view: 'backlinks' | 'outgoing' | 'unresolved') => void;
  toggleSidePane: (side: 'left' | 'right') => void;
};

/** Every command of the app, with its shortcut: the palette lists them, the keydown handler binds them. */
export function appCommands(t: CommandTargets): Command[] {
  return [
    { id: 'note:new', title: 'Create new note', shortcut: 'Mod-n', run: t.newNote },
    { id: 'folder:new', title: 'Create new folder', shortcut: 'Mod-Shift-n', run: t.newFolder },
    { id: 'note:save', title: 'Save note', shortcut: 'Mod-s', run: t.save },
    { id: 'note:rename', title: 'Rename note', run: t.renameNote },
    { id: 'note:recovery', title: 'Open file recovery', run: t.fileRecovery },
    { id: 'settings:new-notes', title: 'Set location for new notes…', run: t.newNotesLocation },
    { id: 'switcher:open', title: 'Open quick switcher', shortcut: 'Mod-o', run: t.quickSwitcher },
    { id: 'palette:open', title: 'Open command palette', shortcut: 'Mod-p', run: t.commandPalette },
    { id: 'search:open', title: 'Search the vault', shortcut: 'Mod-Shift-f', run: t.search },
    { id: 'view:reading', title: 'Toggle reading view', shortcut: 'Mod-e', run: t.toggleReading },
    { id: 'view:source', title: 'Toggle Live Preview/Source mode', run: t.toggleSource },
    { id: 'view:default-live', title: 'Open notes in Live Preview by default', run: () => t.defaultEditing('live') },
    { id: 'view:default-source', title: 'Open notes in Source mode by default', run: () => t.defaultEditing('source') },
    {
      id: 'view:strict-line-breaks',
      title: 'Toggle strict line breaks (join single newlines)',
      run: t.toggleStrictLineBreaks,
    },
    { id: 'nav:back', title: 'Go back', shortcut: 'Alt-ArrowLeft', run: t.back },
    { id: 'nav:forward', title: 'Go forward', shortcut: 'Alt-ArrowRight', run: t.forward },
    { id: 'tab:close', title: 'Close tab', shortcut: 'Mod-w', run: t.closeTab },
    { id: 'tab:reopen', title: 'Reopen closed tab', shortcut: 'Mod-Shift-t', run: t.reopenClosedTab },
    { id: 'tab:next', title: 'Next tab', shortcut: 'Ctrl-Tab', run: () => t.cycleTab(1) },
    { id: 'tab:previous', title: 'Previous tab', shortcut: 'Ctrl-Shift-Tab', run: () => t.cycleTab(-1) },
    {
      id: 'link:follow',
      title: 'Follow link under cursor',
      shortcut: 'Mod-Enter',
      scope: 'editor',
      run: () => t.followLink(false),
    },
    {
      id: 'link:follow-new-tab',
      title: 'Follow link under cursor in a new tab',
      shortcut: 'Mod-Shift-Enter',
      scope: 'editor',
      run: () => t.followLink(true),
    },
    { id: 'links:backlinks', title: 'Show backlinks', run: () => t.showLinks('backlinks') },
    { id: 'links:outgoing', title: 'Show outgoing links', run: () => t.showLinks('outgoing') },
    { id: 'links:unresolved', title: 'Show unresolved links', run: () => t.showLinks('unresolved') },
    // Obsidian's commands, which it leaves without keys: Mod-\ as editors with a sidebar toggle use,
    // and Mod-Shift-b for the backlinks' side (CodeMirror binds Mod-Shift-\ to the matching bracket).
    { id: 'pane:toggle-left', title: 'Toggle left sidebar', shortcut: 'Mod-\\', run: () => t.toggleSidePane('left') },
    {
      id: 'pane:toggle-right',
      title: 'Toggle right sidebar',
      shortcut: 'Mod-Shift-b',
      run: () => t.toggleSidePane('right'),
    },
  ];
}
