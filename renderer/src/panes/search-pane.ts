import { SEARCH_TRUNCATED_MESSAGE, type SearchHit, type SearchMatch, type SearchResult } from '../../../shared/api';

export type SearchPaneOptions = {
  /** The best `limit` notes for `query`. */
  search(query: string, limit: number): Promise<SearchResult>;
  /** Opens a note; with a match, selects it (offset into the note, length of the first span). */
  open(path: string, match: { offset: number; length: number } | null): void;
};

const DEBOUNCE_MS = 120;

/**
 * Results asked for per keystroke, and added by "Show more". Each result's snippets are cut from
 * its note's text, which is what a query spends most of its time on: 30 answer within the 2 ms
 * goal on a 10k-note vault where 100 took 5 ms; nobody reads further while still typing.
 */
export const SEARCH_PAGE = 30;
const MAX_RESULTS = 500;

const HELP =
  'Words must all match; the last one matches as a prefix. Also: "exact phrase", -word, a OR b, ' +
  '(grouping), tag:#tag, path:folder/, file:name, line:(a b), block:(a b), section:(a b), ' +
  'task:word, task-todo:, task-done:, /regex/.';

/** The sidebar's search: live as you type, results with highlighted snippets, ↑/↓/Enter to open. */
export class SearchPane {
  readonly input: HTMLInputElement;
  private readonly summary: HTMLElement;
  private readonly list: HTMLElement;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Bumped per query, so a slow answer never replaces a newer one. */
  private generation = 0;
  private selected = -1;
  private limit = SEARCH_PAGE;

  constructor(
    el: HTMLElement,
    private readonly options: SearchPaneOptions,
  ) {
    this.input = document.createElement('input');
    this.input.type = 'search';
    this.input.className = 'search-input';
    this.input.placeholder = 'Search the vault…';
    this.input.setAttribute('aria-label', 'Search the vault');
    this.input.spellcheck = false;
    this.summary = document.createElement('p');
    this.summary.className = 'search-summary';
    this.summary.setAttribute('role', 'status');
    this.list = document.createElement('ol');
    this.list.className = 'search-results';
    this.list.setAttribute('role', 'listbox');
    this.list.setAttribute('aria-label', 'Search results');
    el.append(this.input, this.summary, this.list);
    this.input.addEventListener('input', () => {
      this.limit = SEARCH_PAGE;
      this.schedule();
    });
    this.input.addEventListener('keydown', (e) => this.onKey(e));
    this.list.addEventListener('click', (e) => {
      if ((e.target as HTMLElement).closest('.search-more')) {
        this.limit = Math.min(MAX_RESULTS, this.limit + 100);
        void this.run();
        return;
      }
      const item = (e.target as HTMLElement).closest<HTMLElement>('.search-item');
      if (item) this.openItem(item);
    });
    this.showHelp();
  }

  focus(): void {
    this.input.focus();
    this.input.select();
  }

  /** Shows the results of `query` (a clicked tag: `tag:#x`), with the query in the box. */
  searchFor(query: string): void {
    this.input.value = query;
    this.input.focus();
    void this.run();
  }

  /** Runs the current query again (the vault changed). */
  refresh(): void {
    if (this.input.value.trim()) this.schedule();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, DEBOUNCE_MS);
  }

  private async run(): Promise<void> {
    const query = this.input.value;
    const generation = ++this.generation;
    if (!query.trim()) return this.showHelp();
    try {
      const result = await this.options.search(query, this.limit);
      if (generation === this.generation) this.show(result);
    } catch (error) {
      if (generation !== this.generation) return;
      this.list.replaceChildren();
      this.summary.className = 'search-summary error';
      this.summary.textContent = error instanceof Error ? error.message : String(error);
    }
  }

  private showHelp(): void {
    this.generation++;
    this.list.replaceChildren();
    this.summary.className = 'search-summary';
    this.summary.textContent = HELP;
  }

  private show(result: SearchResult): void {
    this.summary.className = result.truncated ? 'search-summary truncated' : 'search-summary';
    if (result.total === 0) {
      // Cut short, "no notes" may be wrong: the warning replaces the help.
      this.summary.textContent = `No notes match. ${result.truncated ? SEARCH_TRUNCATED_MESSAGE : HELP}`;
    } else {
      const shown = result.hits.length < result.total ? ` (showing ${result.hits.length})` : '';
      const stopped = result.truncated ? `. ${SEARCH_TRUNCATED_MESSAGE}` : '';
      this.summary.textContent = `${result.total} ${result.total === 1 ? 'note' : 'notes'}${shown}${stopped}`;
    }
    const selected = this.selected;
    const more = this.limit > SEARCH_PAGE;
    this.list.replaceChildren(...result.hits.map((hit) => this.renderHit(hit)));
    if (result.hits.length < result.total && this.limit < MAX_RESULTS) {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'search-more';
      button.textContent = `Show more (${result.total - result.hits.length} not shown)`;
      li.append(button);
      this.list.append(li);
    }
    // After "Show more", the selection stays where it was.
    const count = this.items().length;
    this.select(count === 0 ? -1 : more ? Math.min(Math.max(selected, 0), count - 1) : 0);
  }

  private renderHit(hit: SearchHit): HTMLElement {
    const li = document.createElement('li');
    li.className = 'search-hit';
    const head = document.createElement('div');
    head.className = 'search-item search-hit-title';
    head.dataset.path = hit.path;
    head.setAttribute('role', 'option');
    const title = document.createElement('span');
    title.textContent = hit.title;
    head.append(title);
    if (hit.folder) {
      const folder = document.createElement('span');
      folder.className = 'search-folder';
      folder.textContent = hit.folder;
      head.append(folder);
    }
    li.append(head);
    const snippets = hit.matches.filter((m) => m.line > 0);
    // The note's row opens it at its first match, selected (Enter on the first result does this).
    if (snippets[0]) setMatch(head, snippets[0]);
    for (const match of snippets) li.append(this.renderMatch(hit.path, match));
    return li;
  }

  private renderMatch(path: string, match: SearchMatch): HTMLElement {
    const row = document.createElement('div');
    row.className = 'search-item search-snippet';
    row.setAttribute('role', 'option');
    row.dataset.path = path;
    setMatch(row, match);
    const line = document.createElement('span');
    line.className = 'search-line';
    line.textContent = String(match.line);
    row.append(line, highlighted(match));
    return row;
  }

  private items(): HTMLElement[] {
    return [...this.list.querySelectorAll<HTMLElement>('.search-item')];
  }

  private select(index: number): void {
    const items = this.items();
    items[this.selected]?.classList.remove('selected');
    items[this.selected]?.setAttribute('aria-selected', 'false');
    this.selected = index;
    const item = items[index];
    if (!item) return;
    item.classList.add('selected');
    item.setAttribute('aria-selected', 'true');
    item.scrollIntoView({ block: 'nearest' });
  }

  private onKey(e: KeyboardEvent): void {
    const count = this.items().length;
    if (e.key === 'ArrowDown' && count > 0) {
      e.preventDefault();
      this.select((this.selected + 1) % count);
    } else if (e.key === 'ArrowUp' && count > 0) {
      e.preventDefault();
      this.select((this.selected - 1 + count) % count);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (this.timer) {
        // Enter before the debounce fired: search now, then open the first result.
        clearTimeout(this.timer);
        this.timer = null;
        void this.run().then(() => this.openSelected());
      } else this.openSelected();
    } else if (e.key === 'Escape') {
      this.input.value = '';
      this.showHelp();
    }
  }

  private openSelected(): void {
    const item = this.items()[this.selected];
    if (item) this.openItem(item);
  }

  private openItem(item: HTMLElement): void {
    const path = item.dataset.path;
    if (!path) return;
    const offset = item.dataset.offset;
    this.options.open(
      path,
      offset === undefined ? null : { offset: Number(offset), length: Number(item.dataset.length) },
    );
  }
}

/** Makes a row open its note with the snippet's first matched span selected. */
function setMatch(row: HTMLElement, match: SearchMatch): void {
  const first = match.ranges[0];
  row.dataset.offset = String(match.offset + (first?.[0] ?? 0));
  row.dataset.length = String(first ? first[1] - first[0] : 0);
}

/**
 * The snippet with its matched spans wrapped in <mark>, built as DOM nodes (no HTML parsing), and
 * "…" where the engine cut the line (the snippet starts a few words before the first match).
 */
function highlighted(match: SearchMatch): HTMLElement {
  const { text, ranges } = match;
  const span = document.createElement('span');
  span.className = 'search-text';
  let at = 0;
  if (match.cutStart) span.append('…');
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start < at) continue;
    span.append(text.slice(at, start));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(start, end);
    span.append(mark);
    at = end;
  }
  span.append(text.slice(at));
  if (match.cutEnd) span.append('…');
  return span;
}
