import './styles.css';
import './reading/reading.css';
import './pickers/picker.css';
import './saving/conflicts.css';
import { connect } from './transport/connect';
import { openNoteIn } from './transport/host-lost-banner';
import { BacklinksPane } from './panes/backlinks-pane';
import { createCommandPalette } from './pickers/command-palette';
import { appCommands } from './chrome/app-commands';
import { matchesShortcut } from './chrome/commands';
import { createQuickSwitcher } from './pickers/quick-switcher';
import { createNewNotesPicker } from './pickers/new-notes-picker';
import { OutgoingPane } from './panes/outgoing-pane';
import { SearchPane } from './panes/search-pane';
import { UnresolvedPane } from './panes/unresolved-pane';
import { Sidebar } from './panes/sidebar';
import { SidePanes } from './chrome/side-panes';
import { StatusBar } from './chrome/status-bar';
import { Workspace } from './workspace/workspace';

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from index.html`);
  return element;
}

async function boot(): Promise<void> {
  const status = new StatusBar(byId('status-save'), byId('status-connection'), byId('status-index'));
  // If the host goes for good, a banner offers the open note's text (read when it shows).
  // Events sent while the connection was down are lost: on its return the files are listed again.
  let wasConnected = true;
  const api = await connect(
    (connected) => {
      status.showConnection(connected);
      if (connected && !wasConnected) workspace.resync();
      wasConnected = connected;
    },
    () => openNoteIn(workspace, byId('editor')),
  );
  const panes = new SidePanes({
    app: byId('app'),
    left: byId('sidebar'),
    right: byId('right-panel'),
    editor: byId('editor-pane'),
  });
  void api.loadWorkspace({}).then(
    (saved) => panes.restore(saved?.panes),
    () => undefined,
  );
  const workspace = new Workspace(
    api,
    {
      panes,
      tree: byId('file-tree'),
      editor: byId('editor'),
      title: byId('note-title'),
      empty: byId('empty'),
      vaultName: byId('vault-name'),
      tabs: byId('tab-bar'),
      reading: byId('reading'),
      viewButtons: {
        source: byId('toggle-source') as HTMLButtonElement,
        reading: byId('toggle-reading') as HTMLButtonElement,
      },
    },
    status,
  );
  const search = new SearchPane(byId('search-pane'), {
    search: (query, limit) => api.search({ query, limit }),
    open: (path, match) =>
      void workspace.open(path, { reveal: match ? { offset: match.offset, length: match.length } : undefined }),
  });
  const sidebar = new Sidebar({
    files: { button: byId('show-files'), panel: byId('file-tree') },
    search: { button: byId('show-search'), panel: byId('search-pane') },
  });
  byId('show-search').addEventListener('click', () => search.focus());
  workspace.onTag((tag) => {
    sidebar.show('search');
    search.searchFor(`tag:#${tag}`);
  });
  byId('toggle-source').addEventListener('click', () => workspace.toggleSource());
  byId('toggle-reading').addEventListener('click', () => void workspace.toggleReading());
  const backlinks = new BacklinksPane(byId('backlinks-pane'), {
    api,
    open: (path, offset, length) => void workspace.open(path, { reveal: { offset, length } }),
    linkMention: (mention, target) => workspace.linkMention(mention, target),
  });
  const outgoing = new OutgoingPane(byId('outgoing-pane'), {
    api,
    follow: (link) => void workspace.followLink(link.link, link.source),
  });
  const unresolved = new UnresolvedPane(byId('unresolved-pane'), {
    api,
    openSource: (link) =>
      void workspace.open(link.source, {
        reveal: { offset: link.link.start, length: link.link.end - link.link.start },
      }),
    create: (link) => void workspace.followLink(link.link, link.source),
  });
  const linkViews = new Sidebar(
    {
      backlinks: { button: byId('show-backlinks'), panel: byId('backlinks-pane') },
      outgoing: { button: byId('show-outgoing'), panel: byId('outgoing-pane') },
      unresolved: { button: byId('show-unresolved'), panel: byId('unresolved-pane') },
    },
    (view) => {
      if (view === 'backlinks') backlinks.shown();
    },
  );
  byId('show-unresolved').addEventListener('click', () => unresolved.refresh());
  // A pane looks again only at what a change may have touched: the open note's own save leaves
  // every other note's text, and so its unlinked mentions, as they were.
  workspace.onVaultChanged((change) => {
    search.refresh();
    backlinks.refresh({ unlinked: !change.ownSavesOnly });
    outgoing.refresh();
    if (!byId('unresolved-pane').hidden) unresolved.refresh();
  });
  workspace.onActiveChanged((path) => {
    backlinks.show(path);
    outgoing.show(path);
  });
  byId('new-note').addEventListener('click', () => workspace.run('new-note'));
  byId('new-folder').addEventListener('click', () => workspace.run('new-folder'));
  const switcher = createQuickSwitcher({
    suggest: (query) => api.suggestNotes({ query, limit: 50, recent: workspace.recent }),
    open: (path, newTab) => void workspace.open(path, { newTab }),
    create: (name) => void workspace.createNamed(name),
  });
  const newNotesPicker = createNewNotesPicker({
    folders: () => workspace.folders,
    current: () => workspace.preferences.newNotes,
    choose: (setting) => void workspace.preferences.setNewNotes(setting),
  });
  const commands = appCommands({
    newNote: () => workspace.run('new-note'),
    newFolder: () => workspace.run('new-folder'),
    save: () => workspace.run('save'),
    quickSwitcher: () => void switcher.open(),
    commandPalette: () => void palette.open(),
    search: () => {
      panes.reveal('left');
      sidebar.show('search');
      search.focus();
    },
    toggleReading: () => void workspace.toggleReading(),
    toggleSource: () => workspace.toggleSource(),
    defaultEditing: (mode) => void workspace.preferences.setDefaultEditing(mode),
    toggleStrictLineBreaks: () => void workspace.preferences.toggleStrictLineBreaks(),
    back: () => void workspace.back(),
    forward: () => void workspace.forward(),
    closeTab: () => {
      if (workspace.activePath) void workspace.closeTab(workspace.activePath);
    },
    reopenClosedTab: () => void workspace.reopenClosedTab(),
    cycleTab: (offset) => void workspace.cycleTab(offset),
    renameNote: () => workspace.renameActive(),
    fileRecovery: () => void workspace.showRecovery(),
    followLink: (newTab) => workspace.followAtCursor(newTab),
    newNotesLocation: () => void newNotesPicker.open(),
    showLinks: (view) => {
      panes.reveal('right');
      linkViews.show(view);
      if (view === 'unresolved') unresolved.refresh();
    },
    toggleSidePane: (side) => panes.toggle(side),
  });
  const palette = createCommandPalette(() => commands);
  document.addEventListener('keydown', (e) => {
    const command = commands.find((c) => c.shortcut && c.scope !== 'editor' && matchesShortcut(e, c.shortcut));
    if (!command) return;
    e.preventDefault();
    command.run();
  });
  // Mouse buttons 4 and 5 (back/forward) go through history, as in a browser.
  window.addEventListener('mouseup', (e) => {
    if (e.button !== 3 && e.button !== 4) return;
    e.preventDefault();
    void (e.button === 3 ? workspace.back() : workspace.forward());
  });
  // Save on leaving: the request is on its way before the page goes.
  window.addEventListener('pagehide', () => void workspace.flush());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void workspace.flush();
  });
  window.addEventListener('beforeunload', (e) => {
    if (!workspace.hasUnsavedChanges) return;
    void workspace.flush();
    // The desktop app must still close (the save is already on its way); a tab may ask first.
    if (!window.plexus) e.preventDefault();
  });
  await workspace.start();
}

boot().catch((error: unknown) => {
  const empty = document.getElementById('empty');
  if (empty) {
    empty.hidden = false;
    empty.textContent = `Plexus could not start: ${error instanceof Error ? error.message : String(error)}`;
  }
});
