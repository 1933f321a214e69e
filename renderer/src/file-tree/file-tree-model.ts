import type { FileEntry } from '../../../shared/api';
import { baseName, parentPath } from '../../../shared/paths';

/** A folder or file in the tree view. */
export type TreeNode = {
  name: string;
  path: string;
  kind: 'file' | 'folder';
  children: TreeNode[];
};

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Builds the folder tree from a flat listing: folders first, then files, in natural order. */
export function buildTree(entries: readonly FileEntry[]): TreeNode {
  const root: TreeNode = { name: '', path: '', kind: 'folder', children: [] };
  const folders = new Map<string, TreeNode>([['', root]]);
  const folderOf = (path: string): TreeNode => {
    const existing = folders.get(path);
    if (existing) return existing;
    const node: TreeNode = { name: baseName(path), path, kind: 'folder', children: [] };
    folders.set(path, node);
    folderOf(parentPath(path)).children.push(node);
    return node;
  };
  for (const entry of entries) {
    if (entry.kind === 'folder') folderOf(entry.path);
    else
      folderOf(parentPath(entry.path)).children.push({
        name: baseName(entry.path),
        path: entry.path,
        kind: 'file',
        children: [],
      });
  }
  const sort = (node: TreeNode): void => {
    node.children.sort((a, b) =>
      a.kind !== b.kind ? (a.kind === 'folder' ? -1 : 1) : collator.compare(a.name, b.name),
    );
    node.children.forEach(sort);
  };
  sort(root);
  return root;
}

/** True for files the editor opens as notes. */
export function isNote(path: string): boolean {
  return /\.md$/i.test(path);
}

/** The name shown for a file: notes without their ".md". */
export function displayName(node: Pick<TreeNode, 'name' | 'kind'>): string {
  return node.kind === 'file' && isNote(node.name) ? node.name.slice(0, -3) : node.name;
}

/** The first name `base` + " n" + `ext` not taken in `folder` ("Untitled.md", "Untitled 2.md"…). */
export function freeName(taken: ReadonlySet<string>, folder: string, base: string, ext: string): string {
  for (let n = 1; ; n++) {
    const name = `${base}${n === 1 ? '' : ` ${n}`}${ext}`;
    const path = folder ? `${folder}/${name}` : name;
    if (![...taken].some((t) => t.toLowerCase() === path.toLowerCase())) return name;
  }
}
