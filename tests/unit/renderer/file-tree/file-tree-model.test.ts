import { describe, expect, it } from 'vitest';
import type { FileEntry } from '../../../../shared/api';
import {
  buildTree,
  displayName,
  freeName,
  isNote,
  type TreeNode,
} from '../../../../renderer/src/file-tree/file-tree-model';

const file = (path: string): FileEntry => ({ path, kind: 'file', size: 1, mtimeMs: 0 });
const folder = (path: string): FileEntry => ({ path, kind: 'folder', size: 0, mtimeMs: 0 });
const names = (node: TreeNode | undefined) => node?.children.map((c) => c.name);

describe('buildTree', () => {
  it('nests by folder, folders first, natural and case-insensitive order', () => {
    const root = buildTree([
      file('b.md'),
      file('note 10.md'),
      file('note 2.md'),
      folder('zeta'),
      file('A.md'),
      folder('alpha'),
      file('alpha/inner.md'),
      folder('alpha/sub'),
    ]);
    expect(names(root)).toEqual(['alpha', 'zeta', 'A.md', 'b.md', 'note 2.md', 'note 10.md']);
    expect(names(root.children[0])).toEqual(['sub', 'inner.md']);
    expect(root.children[0]?.children[1]?.path).toBe('alpha/inner.md');
  });

  it('creates folders that are only implied by a file path', () => {
    const root = buildTree([file('x/y/z.md')]);
    expect(root.children[0]).toMatchObject({ name: 'x', kind: 'folder', path: 'x' });
    expect(root.children[0]?.children[0]).toMatchObject({ name: 'y', path: 'x/y' });
  });
});

describe('names', () => {
  it('shows notes without .md and other files as they are', () => {
    expect(displayName({ name: 'Idea.md', kind: 'file' })).toBe('Idea');
    expect(displayName({ name: 'Idea.MD', kind: 'file' })).toBe('Idea');
    expect(displayName({ name: 'image.png', kind: 'file' })).toBe('image.png');
    expect(displayName({ name: 'folder.md', kind: 'folder' })).toBe('folder.md');
    expect(isNote('a/b.md')).toBe(true);
    expect(isNote('a/b.mdx')).toBe(false);
  });

  it('freeName picks the first name not taken in the folder, ignoring case', () => {
    const taken = new Set(['Untitled.md', 'f/untitled.md', 'f/Untitled 2.md']);
    expect(freeName(taken, '', 'Untitled', '.md')).toBe('Untitled 2.md');
    expect(freeName(taken, 'f', 'Untitled', '.md')).toBe('Untitled 3.md');
    expect(freeName(taken, 'g', 'Untitled', '.md')).toBe('Untitled.md');
  });
});
