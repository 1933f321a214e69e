import { describe, expect, it } from 'vitest';
import { TabViews } from '../../../../renderer/src/view-modes/tab-views';

describe('TabViews', () => {
  it('gives each tab the default until it is switched, and saves only what differs', () => {
    const views = new TabViews('live');
    expect(views.source('a.md')).toBe(false);
    views.set('a.md', { source: true });
    views.set('b.md', { reading: true });
    expect(views.source('a.md')).toBe(true);
    expect(views.reading('b.md')).toBe(true);
    expect(views.saved(['a.md', 'b.md', 'c.md'])).toEqual({ 'a.md': { source: true }, 'b.md': { reading: true } });
    // Switched back to the default: nothing left to save.
    views.set('a.md', { source: false });
    expect(views.saved(['a.md'])).toEqual({});
  });

  it('follows the default for tabs that never chose, and keeps the ones that did', () => {
    const views = new TabViews('live');
    views.set('chose-live.md', { source: false }); // the default: not kept
    views.set('chose-source.md', { source: true });
    views.defaultEditing = 'source';
    expect(views.source('untouched.md')).toBe(true);
    expect(views.source('chose-source.md')).toBe(true);
  });

  it('carries a tab’s view to the note it moves on to, unless that note has a tab of its own', () => {
    const views = new TabViews();
    views.set('a.md', { source: true, reading: true });
    views.carry('a.md', 'b.md', false);
    expect(views.saved(['a.md', 'b.md'])).toEqual({ 'b.md': { source: true, reading: true } });
    views.set('c.md', { reading: true });
    views.carry('b.md', 'c.md', true);
    expect(views.saved(['b.md', 'c.md'])).toEqual({ 'c.md': { reading: true } });
    // From a tab in the default view: the next note shows in the default too.
    views.set('d.md', { source: true });
    views.carry('plain.md', 'd.md', false);
    expect(views.source('d.md')).toBe(false);
  });

  it('follows renames of notes and of folders holding them', () => {
    const views = new TabViews();
    views.set('old/a.md', { source: true });
    views.set('x.md', { reading: true });
    views.renamed('old', 'new');
    views.renamed('x.md', 'y.md');
    expect(views.saved(['new/a.md', 'y.md', 'old/a.md', 'x.md'])).toEqual({
      'new/a.md': { source: true },
      'y.md': { reading: true },
    });
  });

  it('restores a saved workspace’s views, dropping what equals the default', () => {
    const views = new TabViews('source');
    views.restore({ 'a.md': { source: true }, 'b.md': { source: false, reading: true } });
    expect(views.saved(['a.md', 'b.md'])).toEqual({ 'b.md': { source: false, reading: true } });
  });
});
