// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SEARCH_TRUNCATED_MESSAGE, type SearchResult } from '../../../../shared/api';
import { SEARCH_PAGE, SearchPane } from '../../../../renderer/src/panes/search-pane';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

const hit = (path: string) => ({ path, title: path, folder: '', score: 1, matches: [] });

/** The pane's summary after typing `query`, with the search answering `result`. */
async function summaryFor(result: Omit<SearchResult, 'query' | 'ms'>): Promise<string> {
  const el = document.createElement('div');
  document.body.append(el);
  const pane = new SearchPane(el, {
    search: (query) => Promise.resolve({ query, ms: 1, ...result }),
    open: () => undefined,
  });
  pane.input.value = '"some phrase"';
  pane.input.dispatchEvent(new Event('input'));
  await vi.advanceTimersByTimeAsync(500);
  return el.querySelector('.search-summary')?.textContent ?? '';
}

describe('SearchPane summary', () => {
  it('shows the count alone for a complete answer', async () => {
    expect(await summaryFor({ total: 3, hits: [hit('a.md'), hit('b.md')] })).toBe('3 notes (showing 2)');
  });

  it('says next to the count when the checks stopped early', async () => {
    expect(await summaryFor({ total: 1, hits: [hit('a.md')], truncated: true })).toBe(
      `1 note. ${SEARCH_TRUNCATED_MESSAGE}`,
    );
    expect(SEARCH_TRUNCATED_MESSAGE).toBe(
      'Search stopped early: the phrase/regex check ran out of time; results may be incomplete.',
    );
  });

  it('does not say "no notes match" bare when it stopped early', async () => {
    expect(await summaryFor({ total: 0, hits: [], truncated: true })).toBe(
      `No notes match. ${SEARCH_TRUNCATED_MESSAGE}`,
    );
  });
});

describe('SearchPane paging', () => {
  it('asks for a first page, and "Show more" asks for more of the same query', async () => {
    const el = document.createElement('div');
    document.body.append(el);
    const asked: [string, number][] = [];
    const all = Array.from({ length: 250 }, (_, i) => hit(`n${i}.md`));
    const pane = new SearchPane(el, {
      search: (query, limit) => {
        asked.push([query, limit]);
        return Promise.resolve({ query, ms: 1, total: all.length, hits: all.slice(0, limit) });
      },
      open: () => undefined,
    });
    pane.input.value = 'word';
    pane.input.dispatchEvent(new Event('input'));
    await vi.advanceTimersByTimeAsync(500);
    expect(asked).toEqual([['word', SEARCH_PAGE]]);
    expect(el.querySelectorAll('.search-hit')).toHaveLength(SEARCH_PAGE);
    const more = el.querySelector<HTMLButtonElement>('.search-more');
    expect(more?.textContent).toBe(`Show more (${250 - SEARCH_PAGE} not shown)`);
    more?.click();
    await vi.advanceTimersByTimeAsync(10);
    expect(asked.at(-1)).toEqual(['word', SEARCH_PAGE + 100]);
    expect(el.querySelectorAll('.search-hit')).toHaveLength(SEARCH_PAGE + 100);
    // Typing starts again from the first page.
    pane.input.value = 'words';
    pane.input.dispatchEvent(new Event('input'));
    await vi.advanceTimersByTimeAsync(500);
    expect(asked.at(-1)).toEqual(['words', SEARCH_PAGE]);
  });

  it('offers no "Show more" when every match is shown', async () => {
    expect(await summaryFor({ total: 2, hits: [hit('a.md'), hit('b.md')] })).toBe('2 notes');
    expect(document.querySelector('.search-more')).toBeNull();
  });
});
