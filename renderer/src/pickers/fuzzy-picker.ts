/** How one item shows in the list. */
export type PickerRow = {
  label: string;
  /** Matched spans of `label` to highlight, [start, end). */
  ranges?: readonly (readonly [number, number])[];
  /** A quieter second part (folder, which alias matched…). */
  detail?: string;
  detailRanges?: readonly (readonly [number, number])[];
  /** Right-aligned, e.g. a keyboard shortcut. */
  hint?: string;
};

/** How the person chose: Enter, Shift+Enter, Ctrl/Cmd+Enter (or the same with a click). */
export type PickHow = { shift: boolean; mod: boolean };

export type PickerOptions<T> = {
  /** The dialog's accessible name, e.g. "Quick switcher". */
  label: string;
  placeholder: string;
  /** The items for a query; may be async (answers to older queries are dropped). */
  items(query: string): Promise<readonly T[]> | readonly T[];
  row(item: T): PickerRow;
  /** Called after the picker closes; `item` is null when the list was empty. Return false to stay open. */
  onPick(item: T | null, query: string, how: PickHow): boolean | void;
  /** The line shown when nothing matches. */
  empty?(query: string): string;
  /** Key hints shown under the list, e.g. "↵ open · ⇧↵ create". */
  footer?: string;
};

let pickers = 0;

/**
 * A modal list with a search field: type to filter, ↑/↓ to move, Enter to pick (Shift and
 * Ctrl/Cmd variants passed on), Escape or a click outside to close. ARIA: a dialog holding a
 * combobox that controls a listbox; the selected option is the input's active descendant, so
 * focus never leaves the field.
 */
export class FuzzyPicker<T> {
  readonly root: HTMLElement;
  readonly input: HTMLInputElement;
  readonly list: HTMLElement;
  private readonly options: PickerOptions<T>;
  private readonly id = `picker-${++pickers}`;
  private readonly emptyLine: HTMLElement;
  private items: readonly T[] = [];
  private selected = 0;
  private request = 0;
  private restoreFocus: HTMLElement | null = null;
  /** Settles when the latest query's items are shown (for tests and callers that wait). */
  ready: Promise<void> = Promise.resolve();

  constructor(options: PickerOptions<T>) {
    this.options = options;
    this.root = element('div', 'picker-backdrop');
    const panel = element('div', 'picker');
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-modal', 'true');
    panel.setAttribute('aria-label', options.label);
    this.input = element('input', 'picker-input');
    this.input.type = 'text';
    this.input.placeholder = options.placeholder;
    this.input.spellcheck = false;
    this.input.autocomplete = 'off';
    this.input.setAttribute('role', 'combobox');
    this.input.setAttribute('aria-expanded', 'true');
    this.input.setAttribute('aria-autocomplete', 'list');
    this.input.setAttribute('aria-controls', `${this.id}-list`);
    this.input.setAttribute('aria-label', options.label);
    this.list = element('ul', 'picker-list');
    this.list.id = `${this.id}-list`;
    this.list.setAttribute('role', 'listbox');
    this.list.setAttribute('aria-label', options.label);
    this.emptyLine = element('div', 'picker-empty');
    this.emptyLine.setAttribute('role', 'status');
    panel.append(this.input, this.list, this.emptyLine);
    if (options.footer) panel.append(Object.assign(element('div', 'picker-footer'), { textContent: options.footer }));
    this.root.append(panel);

    this.input.addEventListener('input', () => void this.query());
    this.input.addEventListener('keydown', (event) => this.onKey(event));
    this.root.addEventListener('mousedown', (event) => {
      // Keep focus in the field; a press outside the panel closes.
      if (event.target === this.root) this.close();
      event.preventDefault();
    });
    this.list.addEventListener('click', (event) => {
      const option = (event.target as HTMLElement).closest('[role="option"]');
      if (!option) return;
      this.select(Number(option.getAttribute('data-index')));
      this.pick({ shift: event.shiftKey, mod: event.ctrlKey || event.metaKey });
    });
    this.list.addEventListener('mousemove', (event) => {
      const option = (event.target as HTMLElement).closest('[role="option"]');
      if (option) this.select(Number(option.getAttribute('data-index')), false);
    });
  }

  get isOpen(): boolean {
    return this.root.isConnected;
  }

  /** Shows the picker (in `parent`, the page by default) with `query` typed, and lists its items. */
  open(query = '', parent: HTMLElement = document.body): Promise<void> {
    if (!this.isOpen) {
      const active = document.activeElement;
      this.restoreFocus = active instanceof HTMLElement ? active : null;
      parent.append(this.root);
    }
    this.input.value = query;
    this.input.select();
    this.input.focus();
    return this.query();
  }

  close(): void {
    if (!this.isOpen) return;
    this.request++;
    this.root.remove();
    this.restoreFocus?.focus();
    this.restoreFocus = null;
  }

  /** Lists the items for what is typed now; an answer to an older query is dropped. */
  query(): Promise<void> {
    const request = ++this.request;
    const text = this.input.value;
    this.ready = (async () => {
      let items: readonly T[];
      try {
        items = await this.options.items(text);
      } catch {
        items = [];
      }
      if (request !== this.request) return;
      this.items = items;
      this.render(text);
    })();
    return this.ready;
  }

  private render(text: string): void {
    const rows = this.items.map((item, i) => this.option(item, i));
    this.list.replaceChildren(...rows);
    this.list.hidden = rows.length === 0;
    this.emptyLine.hidden = rows.length > 0;
    this.emptyLine.textContent = rows.length > 0 ? '' : (this.options.empty?.(text) ?? 'Nothing found');
    this.select(0);
  }

  private option(item: T, index: number): HTMLElement {
    const row = this.options.row(item);
    const li = element('li', 'picker-option');
    li.id = `${this.id}-option-${index}`;
    li.setAttribute('role', 'option');
    li.setAttribute('data-index', String(index));
    li.setAttribute('aria-selected', 'false');
    const text = element('div', 'picker-text');
    text.append(highlighted('picker-label', row.label, row.ranges));
    if (row.detail) text.append(highlighted('picker-detail', row.detail, row.detailRanges));
    li.append(text);
    if (row.hint) li.append(Object.assign(element('kbd', 'picker-hint'), { textContent: row.hint }));
    return li;
  }

  private select(index: number, scroll = true): void {
    const options = this.list.children;
    if (options.length === 0) {
      this.selected = 0;
      this.input.removeAttribute('aria-activedescendant');
      return;
    }
    this.selected = ((index % options.length) + options.length) % options.length;
    for (let i = 0; i < options.length; i++) options[i]!.setAttribute('aria-selected', String(i === this.selected));
    const current = options[this.selected] as HTMLElement;
    this.input.setAttribute('aria-activedescendant', current.id);
    if (scroll) current.scrollIntoView?.({ block: 'nearest' });
  }

  private onKey(event: KeyboardEvent): void {
    switch (event.key) {
      case 'ArrowDown':
        this.select(this.selected + 1);
        break;
      case 'ArrowUp':
        this.select(this.selected - 1);
        break;
      case 'Enter':
        if (event.isComposing) return;
        void this.ready.then(() => this.pick({ shift: event.shiftKey, mod: event.ctrlKey || event.metaKey }));
        break;
      case 'Escape':
        this.close();
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  }

  private pick(how: PickHow): void {
    if (!this.isOpen) return;
    const item = this.items[this.selected] ?? null;
    const text = this.input.value;
    this.close();
    if (this.options.onPick(item, text, how) === false) void this.open(text);
  }
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  return el;
}

/** `text` in a span, its matched ranges wrapped in <mark>. */
function highlighted(className: string, text: string, ranges: PickerRow['ranges'] = []): HTMLElement {
  const span = element('span', className);
  let at = 0;
  for (const [from, to] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (from < at || to > text.length || from >= to) continue;
    if (from > at) span.append(text.slice(at, from));
    span.append(Object.assign(element('mark', 'picker-match'), { textContent: text.slice(from, to) }));
    at = to;
  }
  if (at < text.length) span.append(text.slice(at));
  return span;
}
