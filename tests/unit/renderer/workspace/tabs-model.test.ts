import { describe, expect, it } from 'vitest';
import { TabsModel } from '../../../../renderer/src/workspace/tabs-model';

function tabs(...paths: string[]): TabsModel {
  const model = new TabsModel();
  for (const path of paths) model.open(path);
  return model;
}

describe('TabsModel', () => {
  it('opens a new tab after the active one and brings an open note to the front', () => {
    const model = tabs('a.md', 'b.md');
    model.open('a.md');
    model.open('c.md');
    expect(model.tabs).toEqual(['a.md', 'c.md', 'b.md']);
    expect(model.active).toBe('c.md');
    model.open('b.md');
    expect(model.tabs).toEqual(['a.md', 'c.md', 'b.md']);
    expect(model.active).toBe('b.md');
  });

  it('replaces the active tab when following a link', () => {
    const model = tabs('a.md', 'b.md');
    model.open('a.md');
    model.open('x.md', { replace: true });
    expect(model.tabs).toEqual(['x.md', 'b.md']);
    expect(model.active).toBe('x.md');
  });

  it('closing the active tab brings its right neighbour, else the left, to the front', () => {
    const model = tabs('a.md', 'b.md', 'c.md');
    model.open('b.md');
    model.close('b.md');
    expect(model.active).toBe('c.md');
    model.close('c.md');
    expect(model.active).toBe('a.md');
    model.close('a.md');
    expect(model.active).toBeNull();
    expect(model.tabs).toEqual([]);
  });

  it('reopens closed tabs most recent first, where they were, skipping ones open again', () => {
    const model = tabs('a.md', 'b.md', 'c.md');
    model.close('a.md');
    model.close('c.md');
    model.open('c.md');
    expect(model.reopenClosed()).toBe('a.md');
    expect(model.tabs).toEqual(['a.md', 'b.md', 'c.md']);
    expect(model.reopenClosed()).toBeNull();
  });

  it('follows renames of notes and folders, and drops deleted ones', () => {
    const model = tabs('f/a.md', 'b.md', 'f/g/c.md');
    model.renamed('f', 'h');
    expect(model.tabs).toEqual(['h/a.md', 'b.md', 'h/g/c.md']);
    expect(model.active).toBe('h/g/c.md');
    model.removed('h/g');
    expect(model.tabs).toEqual(['h/a.md', 'b.md']);
    expect(model.active).toBe('b.md');
  });

  it('restores a saved set without duplicates, falling back to the first tab', () => {
    const model = new TabsModel();
    model.restore(['a.md', 'b.md', 'a.md'], 'gone.md');
    expect(model.tabs).toEqual(['a.md', 'b.md']);
    expect(model.active).toBe('a.md');
  });

  it('cycles through neighbours', () => {
    const model = tabs('a.md', 'b.md', 'c.md');
    expect(model.neighbour(1)).toBe('a.md');
    expect(model.neighbour(-1)).toBe('b.md');
  });
});
