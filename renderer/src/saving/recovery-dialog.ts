import { diffComm } from 'node-diff3';
import type { PlexusApi, SnapshotInfo } from '../../../shared/api';
import { errorMessage, notify } from '../chrome/notices';

/** One line of a diff: in both texts, only in the current one, or only in the earlier version. */
export type DiffLine = { kind: 'same' | 'removed' | 'added'; text: string };

/** A run of unchanged lines longer than this is folded, keeping CONTEXT lines on each side. */
const CONTEXT = 3;

/**
 * What restoring `earlier` over `current` would change, line by line: "removed" lines are in the
 * current text only, "added" ones come back from the earlier version.
 */
export function lineDiff(current: string, earlier: string): DiffLine[] {
  const out: DiffLine[] = [];
  for (const part of diffComm(current.split('\n'), earlier.split('\n'))) {
    if (part.common) for (const text of part.common) out.push({ kind: 'same', text });
    else {
      for (const text of part.buffer1 ?? []) out.push({ kind: 'removed', text });
      for (const text of part.buffer2 ?? []) out.push({ kind: 'added', text });
    }
  }
  return out;
}

/** The diff with long unchanged runs folded into one `{ kind: 'fold', count }` line. */
export function foldUnchanged(lines: DiffLine[]): (DiffLine | { kind: 'fold'; count: number })[] {
  const out: (DiffLine | { kind: 'fold'; count: number })[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i]?.kind !== 'same') {
      out.push(lines[i] as DiffLine);
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && lines[j]?.kind === 'same') j++;
    const keepBefore = i === 0 ? 0 : CONTEXT;
    const keepAfter = j === lines.length ? 0 : CONTEXT;
    if (j - i > keepBefore + keepAfter + 1) {
      out.push(...lines.slice(i, i + keepBefore), { kind: 'fold', count: j - i - keepBefore - keepAfter });
      out.push(...lines.slice(j - keepAfter, j));
    } else out.push(...lines.slice(i, j));
    i = j;
  }
  return out;
}

export type RecoveryOptions = {
  api: Pick<PlexusApi, 'listSnapshots' | 'readSnapshot'>;
  /** The note whose earlier versions are shown. */
  path: string;
  /** The editor's text now (what a restore replaces). */
  currentText: () => string;
  /** Puts an earlier version's text in the editor (as an undoable edit that is then saved). */
  restore: (text: string) => void;
  /** Where the dialog goes (default: document.body). */
  parent?: HTMLElement;
};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function describeSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * The "File recovery" dialog for one note: its kept earlier versions (newest first), what
 * restoring the selected one would change, and Restore. Resolves when the dialog closes.
 */
export async function openRecovery(options: RecoveryOptions): Promise<void> {
  const parent = options.parent ?? document.body;
  const snapshots: SnapshotInfo[] = await options.api.listSnapshots({ path: options.path });

  const backdrop = el('div', 'recovery-backdrop');
  const dialog = el('div', 'recovery-dialog');
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.setAttribute('aria-label', 'File recovery');
  const title = el('h2', 'recovery-title', `File recovery — ${options.path}`);
  const body = el('div', 'recovery-body');
  const list = el('ul', 'recovery-list');
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Earlier versions');
  const preview = el('div', 'recovery-diff');
  preview.setAttribute('aria-label', 'Changes a restore would make');
  const actions = el('div', 'recovery-actions');
  const restore = el('button', 'recovery-restore', 'Restore this version');
  restore.type = 'button';
  restore.disabled = true;
  const close = el('button', 'recovery-close', 'Close');
  close.type = 'button';
  actions.append(restore, close);
  body.append(list, preview);
  dialog.append(title, body, actions);
  backdrop.append(dialog);

  let selected: { id: string; text: string } | null = null;
  let done: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (done = resolve));
  const finish = () => {
    backdrop.remove();
    document.removeEventListener('keydown', onKey, true);
    done();
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      finish();
    }
  };

  const show = async (info: SnapshotInfo, item: HTMLElement) => {
    for (const other of list.children) other.setAttribute('aria-selected', String(other === item));
    restore.disabled = true;
    try {
      const snapshot = await options.api.readSnapshot({ id: info.id });
      selected = { id: info.id, text: snapshot.text };
      renderDiff(preview, lineDiff(options.currentText(), snapshot.text));
      restore.disabled = false;
    } catch (error) {
      selected = null;
      preview.replaceChildren(el('p', 'recovery-empty', error instanceof Error ? error.message : String(error)));
    }
  };

  if (snapshots.length === 0) {
    list.hidden = true;
    preview.append(
      el('p', 'recovery-empty', 'No earlier versions of this note are kept yet. Plexus keeps one when you save.'),
    );
  }
  for (const info of snapshots) {
    const item = el('li', 'recovery-item');
    item.setAttribute('role', 'option');
    item.tabIndex = 0;
    item.append(
      el('span', 'recovery-time', new Date(info.time).toLocaleString()),
      el('span', 'recovery-size', describeSize(info.size)),
    );
    item.addEventListener('click', () => void show(info, item));
    item.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') void show(info, item);
    });
    list.append(item);
  }

  restore.addEventListener('click', () => {
    if (!selected) return;
    options.restore(selected.text);
    finish();
  });
  close.addEventListener('click', finish);
  backdrop.addEventListener('mousedown', (event) => {
    if (event.target === backdrop) finish();
  });
  document.addEventListener('keydown', onKey, true);
  parent.append(backdrop);
  const first = list.firstElementChild;
  if (first instanceof HTMLElement && snapshots[0]) {
    first.focus();
    await show(snapshots[0], first);
  } else close.focus();
  return closed;
}

function renderDiff(host: HTMLElement, lines: DiffLine[]): void {
  host.replaceChildren();
  if (lines.every((l) => l.kind === 'same')) {
    host.append(el('p', 'recovery-empty', 'This version is the same as the text in the editor.'));
    return;
  }
  const pre = el('pre', 'recovery-lines');
  for (const line of foldUnchanged(lines)) {
    if (line.kind === 'fold') {
      pre.append(el('div', 'diff-fold', `… ${line.count} unchanged ${line.count === 1 ? 'line' : 'lines'}`));
      continue;
    }
    const row = el('div', `diff-${line.kind}`);
    row.append(el('span', 'diff-sign', line.kind === 'added' ? '+' : line.kind === 'removed' ? '−' : ' '));
    row.append(document.createTextNode(line.text || ' '));
    pre.append(row);
  }
  host.append(pre);
}

/** The dialog for the note at `path` (none open: says so); a failure to list its versions is told, not thrown. */
export async function showRecoveryFor(path: string | null, options: Omit<RecoveryOptions, 'path'>): Promise<void> {
  if (!path) return notify('Open a note to see its earlier versions.');
  try {
    await openRecovery({ ...options, path });
  } catch (error) {
    notify(errorMessage(error), 'error');
  }
}
