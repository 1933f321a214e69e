import type { FileEntry } from '../../../shared/api';
import { parentPath } from '../../../shared/paths';
import { buildTree, displayName, freeName, isNote, type TreeNode } from './file-tree-model';

export type FileTreeHandlers = {
  /** Opens a note; `newTab` with Ctrl/Cmd held or the middle button. */
  open(path: string, newTab: boolean): void;
  create(folder: string, name: string, kind: 'file' | 'folder'): Promise<void>;
  rename(path: string, name: string): Promise<void>;
  trash(path: string): void;
  /** Moves a note or folder into `folder` ("" for the vault's root), dragged there. */
  move(path: string, folder: string): void;
};

const DRAG_TYPE = 'application/x-plexus-path';

type Editing = { mode: 'create'; folder: string; kind: 'file' | 'folder' } | { mode: 'rename'; path: string };

/**
 * The vault's files as a collapsible tree, with inline name editing for new notes, new folders
 * and renames, a context menu, and F2 / Delete on the selected row.
 */
export class FileTree {
  private root: TreeNode = buildTree([]);
  private taken = new Set<string>();
  private readonly expanded = new Set<string>();
  private selected: string | null = null;
  private active: string | null = null;
  private editing: Editing | null = null;
  private menu: HTMLElement | null = null;
  /** True while rows are being replaced: blur events then come from removal, not the person. */
  private rendering = false;
  /** False right after a new name edit starts, so the previous input's text is not carried over. */
  private keepTyped = true;

  constructor(
    private readonly element: HTMLElement,
    private readonly handlers: FileTreeHandlers,
  ) {
    element.setAttribute('role', 'tree');
    element.addEventListener('keydown', (e) => this.onKey(e));
    // Listened to here, not on each row: a row is kept across redraws and looked up when used.
    element.addEventListener('click', (e) => {
      const node = this.nodeAt(e);
      if (node) this.activate(node, e.ctrlKey || e.metaKey);
    });
    element.addEventListener('auxclick', (e) => {
      const node = this.nodeAt(e);
      if (e.button === 1 && node?.kind === 'file') this.handlers.open(node.path, true);
    });
    element.addEventListener('dragstart', (e) => {
      const node = this.nodeAt(e);
      if (!node || !e.dataTransfer) return;
      e.dataTransfer.setData(DRAG_TYPE, node.path);
      e.dataTransfer.effectAllowed = 'move';
    });
    // Over a folder's row: into it; over a note's: into its folder; over empty space: the root.
    element.addEventListener('dragover', (e) => this.onDragOver(e, this.dropFolder(e)));
    element.addEventListener('dragleave', (e) => rowOf(e)?.classList.remove('drop-target'));
    element.addEventListener('drop', (e) => this.onDrop(e, this.dropFolder(e)));
    element.addEventListener('contextmenu', (e) => {
      const node = this.nodeAt(e);
      if (!node) return;
      e.preventDefault();
      this.selected = node.path;
      this.openMenu(e.clientX, e.clientY, node);
    });
    document.addEventListener('click', () => this.closeMenu());
  }

  /** The file or folder whose row the event happened on. */
  private nodeAt(e: Event): TreeNode | null {
    const path = rowOf(e)?.dataset.path;
    return path === undefined ? null : this.find(path);
  }

  private dropFolder(e: Event): string {
    const node = this.nodeAt(e);
    if (!node) return '';
    return node.kind === 'folder' ? node.path : parentPath(node.path);
  }

  setEntries(entries: readonly FileEntry[]): void {
    this.root = buildTree(entries);
    this.taken = new Set(entries.map((e) => e.path));
    this.render();
  }

  /** Marks the open note and reveals it. */
  setActive(path: string | null): void {
    this.active = path;
    this.selected = path ?? this.selected;
    for (let folder = parentPath(path ?? ''); folder; folder = parentPath(folder)) this.expanded.add(folder);
    this.render();
  }

  /** The folder new items go into: the selected folder, or the folder of the selected file. */
  targetFolder(): string {
    const node = this.selected === null ? null : this.find(this.selected);
    if (!node) return '';
    return node.kind === 'folder' ? node.path : parentPath(node.path);
  }

  startCreate(kind: 'file' | 'folder', folder = this.targetFolder()): void {
    if (folder) this.expanded.add(folder);
    this.editing = { mode: 'create', folder, kind };
    this.keepTyped = false;
    this.render();
  }

  startRename(path = this.selected): void {
    if (!path) return;
    this.editing = { mode: 'rename', path };
    this.keepTyped = false;
    this.render();
  }

  private find(path: string, node = this.root): TreeNode | null {
    if (node.path === path) return node;
    for (const child of node.children) {
      if (path === child.path || path.startsWith(child.path + '/')) return this.find(path, child);
    }
    return null;
  }

  /**
   * Brings the rows up to date. A row that stays is the same element, left in place: a click whose
   * press and release straddle a redraw (another program adding a file) still lands on it. A name
   * being typed survives, and the old input's blur on removal is not taken as the person finishing.
   */
  private render(): void {
    const typing = this.element.querySelector<HTMLInputElement>('input.tree-input');
    const typed =
      typing && this.keepTyped ? { value: typing.value, start: typing.selectionStart, end: typing.selectionEnd } : null;
    this.keepTyped = true;
    const rows: HTMLElement[] = [];
    const kept = new Map<string, HTMLElement>();
    for (const row of this.element.querySelectorAll<HTMLElement>('.tree-row')) kept.set(row.dataset.path ?? '', row);
    const editing = this.editing;
    const walk = (node: TreeNode, depth: number): void => {
      for (const child of node.children) {
        if (editing?.mode === 'rename' && editing.path === child.path) rows.push(this.input(child, depth));
        else rows.push(this.row(child, depth, kept.get(child.path)));
        if (child.kind === 'folder' && this.expanded.has(child.path)) walk(child, depth + 1);
      }
      if (editing?.mode === 'create' && editing.folder === node.path) rows.push(this.input(null, depth));
    };
    walk(this.root, 0);
    this.rendering = true;
    try {
      placeChildren(this.element, rows);
    } finally {
      this.rendering = false;
    }
    const input = this.element.querySelector<HTMLInputElement>('input.tree-input');
    if (!input) return;
    input.focus();
    if (typed) {
      input.value = typed.value;
      input.setSelectionRange(typed.start, typed.end);
    } else {
      input.select();
    }
  }

  /** The row of `node`, made or brought up to date from the one it had before. */
  private row(node: TreeNode, depth: number, kept: HTMLElement | undefined): HTMLElement {
    const row = kept ?? document.createElement('div');
    const label = row.querySelector<HTMLElement>('.tree-label') ?? row.appendChild(document.createElement('span'));
    row.className = `tree-row ${node.kind}`;
    row.dataset.path = node.path;
    row.setAttribute('role', 'treeitem');
    row.tabIndex = node.path === this.selected ? 0 : -1;
    row.style.paddingLeft = `${8 + depth * 14}px`;
    row.classList.toggle('active', node.path === this.active);
    row.classList.toggle('attachment', node.kind === 'file' && !isNote(node.path));
    if (node.path === this.selected) row.setAttribute('aria-selected', 'true');
    else row.removeAttribute('aria-selected');
    if (node.kind === 'folder') row.setAttribute('aria-expanded', String(this.expanded.has(node.path)));
    else row.removeAttribute('aria-expanded');
    row.draggable = true;
    label.className = 'tree-label';
    label.textContent = displayName(node);
    label.title = node.path;
    return row;
  }

  private onDragOver(e: DragEvent, folder: string): void {
    if (!e.dataTransfer?.types.includes(DRAG_TYPE)) return;
    e.preventDefault();
    e.stopPropagation();
    e.dataTransfer.dropEffect = 'move';
    for (const el of this.element.querySelectorAll('.drop-target')) el.classList.remove('drop-target');
    this.element.querySelector(`[data-path="${CSS.escape(folder)}"]`)?.classList.add('drop-target');
  }

  private onDrop(e: DragEvent, folder: string): void {
    const path = e.dataTransfer?.getData(DRAG_TYPE);
    for (const el of this.element.querySelectorAll('.drop-target')) el.classList.remove('drop-target');
    if (!path) return;
    e.preventDefault();
    e.stopPropagation();
    // Into itself, its own subtree, or where it already is: nothing to do.
    if (parentPath(path) === folder || folder === path || folder.startsWith(path + '/')) return;
    this.handlers.move(path, folder);
  }

  private input(node: TreeNode | null, depth: number): HTMLElement {
    const editing = this.editing;
    const input = document.createElement('input');
    input.className = 'tree-input';
    input.style.marginLeft = `${8 + depth * 14}px`;
    input.setAttribute(
      'aria-label',
      node
        ? `New name for ${node.name}`
        : editing?.mode === 'create' && editing.kind === 'folder'
          ? 'Folder name'
          : 'Note name',
    );
    input.value = node
      ? displayName(node)
      : editing?.mode === 'create'
        ? this.defaultName(editing.folder, editing.kind)
        : '';
    let done = false;
    const finish = async (commit: boolean): Promise<void> => {
      if (done) return;
      done = true;
      const name = input.value.trim();
      this.editing = null;
      if (commit && name && editing) {
        try {
          if (editing.mode === 'create') await this.handlers.create(editing.folder, name, editing.kind);
          else if (node && name !== displayName(node)) await this.handlers.rename(editing.path, name);
        } catch {
          // The handler has told the person why; keep the tree as it was.
        }
      }
      this.render();
    };
    input.addEventListener('keydown', (e) => {
      e.stopPropagation();
      if (e.key === 'Enter') void finish(true);
      if (e.key === 'Escape') void finish(false);
    });
    input.addEventListener('blur', () => {
      if (!this.rendering) void finish(true);
    });
    return input;
  }

  /** "Untitled" (or "Untitled 2"…), "New folder" (…): a name free in `folder`, ready to type over. */
  private defaultName(folder: string, kind: 'file' | 'folder'): string {
    return kind === 'folder'
      ? freeName(this.taken, folder, 'New folder', '')
      : freeName(this.taken, folder, 'Untitled', '.md').slice(0, -3);
  }

  private activate(node: TreeNode, newTab = false): void {
    this.selected = node.path;
    if (node.kind === 'folder') {
      if (this.expanded.has(node.path)) this.expanded.delete(node.path);
      else this.expanded.add(node.path);
      this.render();
      this.element.querySelector<HTMLElement>(`[data-path="${CSS.escape(node.path)}"]`)?.focus();
    } else {
      this.handlers.open(node.path, newTab);
    }
  }

  private onKey(e: KeyboardEvent): void {
    const rows = [...this.element.querySelectorAll<HTMLElement>('.tree-row')];
    const index = rows.findIndex((r) => r === document.activeElement);
    const path = index >= 0 ? rows[index]?.dataset.path : undefined;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = rows[Math.max(0, Math.min(rows.length - 1, index + (e.key === 'ArrowDown' ? 1 : -1)))];
      next?.focus();
      if (next?.dataset.path) this.selected = next.dataset.path;
    } else if (path && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      const node = this.find(path);
      if (node) this.activate(node);
    } else if (path && e.key === 'F2') {
      e.preventDefault();
      this.startRename(path);
    } else if (path && e.key === 'Delete') {
      e.preventDefault();
      this.handlers.trash(path);
    }
  }

  private openMenu(x: number, y: number, node: TreeNode): void {
    this.closeMenu();
    const menu = document.createElement('div');
    menu.className = 'context-menu';
    menu.setAttribute('role', 'menu');
    const folder = node.kind === 'folder' ? node.path : parentPath(node.path);
    const items: [string, () => void][] = [
      ['New note', () => this.startCreate('file', folder)],
      ['New folder', () => this.startCreate('folder', folder)],
      ['Rename', () => this.startRename(node.path)],
      ['Delete', () => this.handlers.trash(node.path)],
    ];
    for (const [label, action] of items) {
      const item = document.createElement('button');
      item.setAttribute('role', 'menuitem');
      item.textContent = label;
      item.addEventListener('click', (e) => {
        e.stopPropagation();
        this.closeMenu();
        // Back to the row the menu was for (a dialog the action opens returns focus there).
        this.element.querySelector<HTMLElement>(`[data-path="${CSS.escape(node.path)}"]`)?.focus();
        action();
      });
      menu.append(item);
    }
    menu.style.left = `${x}px`;
    menu.style.top = `${y}px`;
    document.body.append(menu);
    this.menu = menu;
  }

  private closeMenu(): void {
    this.menu?.remove();
    this.menu = null;
  }
}

/** The tree row an event happened on, if any. */
function rowOf(e: Event): HTMLElement | null {
  return e.target instanceof Element ? e.target.closest<HTMLElement>('.tree-row') : null;
}

/**
 * Makes `rows` the children of `parent`, in order, moving only what must move: a row already in
 * its place is never taken out of the document (that would drop a press in progress on it).
 */
function placeChildren(parent: HTMLElement, rows: readonly HTMLElement[]): void {
  const wanted = new Set<Node>(rows);
  for (const child of [...parent.childNodes]) if (!wanted.has(child)) child.remove();
  rows.forEach((row, i) => {
    const at = parent.childNodes[i];
    if (at !== row) parent.insertBefore(row, at ?? null);
  });
}
