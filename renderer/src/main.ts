import './styles.css';
import { connect } from './connect';
import { StatusBar } from './status-bar';
import { Workspace } from './workspace';

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from index.html`);
  return element;
}

async function boot(): Promise<void> {
  const status = new StatusBar(byId('status-save'), byId('status-connection'), byId('status-index'));
  const api = await connect((connected) => status.showConnection(connected));
  const workspace = new Workspace(
    api,
    {
      tree: byId('file-tree'),
      editor: byId('editor'),
      title: byId('note-title'),
      empty: byId('empty'),
      vaultName: byId('vault-name'),
    },
    status,
  );
  byId('new-note').addEventListener('click', () => workspace.run('new-note'));
  byId('new-folder').addEventListener('click', () => workspace.run('new-folder'));
  document.addEventListener('keydown', (e) => {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && !e.shiftKey && e.key.toLowerCase() === 's') {
      e.preventDefault();
      workspace.run('save');
    } else if (mod && e.key.toLowerCase() === 'n') {
      e.preventDefault();
      workspace.run(e.shiftKey ? 'new-folder' : 'new-note');
    }
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
