import { describe, expect, it } from 'vitest';
import { NavHistory } from '../../../../renderer/src/workspace/nav-history';

describe('NavHistory', () => {
  it('goes back and forward like a browser', () => {
    const history = new NavHistory();
    history.visit({ path: 'a.md', offset: 3 });
    history.visit({ path: 'b.md', offset: 0 });
    const here = { path: 'c.md', offset: 7 };
    expect(history.goBack(here)).toEqual({ path: 'b.md', offset: 0 });
    expect(history.goBack({ path: 'b.md', offset: 0 })).toEqual({ path: 'a.md', offset: 3 });
    expect(history.goBack({ path: 'a.md', offset: 3 })).toBeNull();
    expect(history.goForward({ path: 'a.md', offset: 3 })).toEqual({ path: 'b.md', offset: 0 });
    expect(history.goForward({ path: 'b.md', offset: 0 })).toEqual(here);
    expect(history.canGoForward).toBe(false);
  });

  it('a new visit drops the forward stack', () => {
    const history = new NavHistory();
    history.visit({ path: 'a.md', offset: 0 });
    history.goBack({ path: 'b.md', offset: 0 });
    expect(history.canGoForward).toBe(true);
    history.visit({ path: 'a.md', offset: 0 });
    expect(history.canGoForward).toBe(false);
  });

  it('follows renames and forgets deleted notes', () => {
    const history = new NavHistory();
    history.visit({ path: 'f/a.md', offset: 0 });
    history.visit({ path: 'b.md', offset: 0 });
    history.renamed('f', 'g');
    history.removed('b.md');
    expect(history.goBack(null)).toEqual({ path: 'g/a.md', offset: 0 });
  });
});
