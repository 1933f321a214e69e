import type { NoteSuggestion } from '../../../shared/api';
import { FuzzyPicker, type PickerRow } from './fuzzy-picker';

export type QuickSwitcherOptions = {
  /** Notes matching the query, best first: the API's suggestNotes (with the recent notes). */
  suggest(query: string): Promise<NoteSuggestion[]>;
  /** Open a note; `newTab` for Ctrl/Cmd+Enter. */
  open(path: string, newTab: boolean): void;
  /** Create a note named as typed (Shift+Enter, or Enter when nothing matches). */
  create(name: string): void;
};

const KIND_LABEL: Record<NoteSuggestion['matched']['kind'], string> = {
  name: 'file',
  title: 'title',
  alias: 'alias',
  path: 'path',
};

/**
 * The quick switcher (Ctrl/Cmd+O): fuzzy over every note's file name, title and aliases. Each
 * row shows the title, then which other name matched, and the folder.
 */
export function createQuickSwitcher(options: QuickSwitcherOptions): FuzzyPicker<NoteSuggestion> {
  return new FuzzyPicker<NoteSuggestion>({
    label: 'Quick switcher',
    placeholder: 'Find or create a note…',
    items: (query) => options.suggest(query),
    row: switcherRow,
    empty: (query) =>
      query.trim() === ''
        ? 'No notes yet. Type a name to create one.'
        : `No note matches. Enter creates “${query.trim()}”.`,
    footer: '↑↓ move · ↵ open · Ctrl/⌘↵ new tab · ⇧↵ create · Esc close',
    onPick(item, query, how) {
      const name = query.trim();
      if ((how.shift || !item) && name !== '') options.create(name);
      else if (item) options.open(item.path, how.mod);
      else return false;
    },
  });
}

/** Title first; when another name matched, that name (highlighted) and its kind; then the folder. */
export function switcherRow(s: NoteSuggestion): PickerRow {
  const folder = s.folder === '' ? '' : s.folder;
  if (s.matched.kind === 'title' || s.matched.text === s.title) {
    return { label: s.title, ranges: s.ranges, ...(folder ? { detail: folder } : {}) };
  }
  const detail = `${s.matched.text} (${KIND_LABEL[s.matched.kind]})${folder && s.matched.kind !== 'path' ? ` · ${folder}` : ''}`;
  return { label: s.title, detail, detailRanges: s.ranges };
}
