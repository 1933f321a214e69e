import type { NewNotesSetting } from '../../../shared/api';
import { fuzzyMatch } from '../../../shared/fuzzy-match';
import { FuzzyPicker, type PickerRow } from './fuzzy-picker';
import { describeNewNotes } from './new-note-path';

export type NewNotesPickerOptions = {
  /** The vault's folders, as listed. */
  folders(): readonly string[];
  /** The setting in force now (marked in the list). */
  current(): NewNotesSetting;
  /** Saves the chosen setting. */
  choose(setting: NewNotesSetting): void;
};

type Choice = { setting: NewNotesSetting; label: string; ranges: [number, number][] };

/**
 * The picker behind "Set location for new notes…": the current note's folder, the vault's root,
 * or any folder of the vault, fuzzy-filtered; the setting in force is marked.
 */
export function createNewNotesPicker(options: NewNotesPickerOptions): FuzzyPicker<Choice> {
  return new FuzzyPicker<Choice>({
    label: 'Location for new notes',
    placeholder: 'Choose where new notes go…',
    items: (query) => newNotesChoices(options.folders(), query),
    row: (choice) => choiceRow(choice, options.current()),
    empty: () => 'No folder matches',
    footer: '↑↓ move · ↵ choose · Esc close',
    onPick(choice) {
      if (choice) options.choose(choice.setting);
    },
  });
}

/** The choices matching `query`: the two fixed ones, then every folder by path; best first when filtered. */
export function newNotesChoices(folders: readonly string[], query: string): Choice[] {
  const settings: NewNotesSetting[] = [
    { newNotes: 'beside-current' },
    { newNotes: 'vault-root' },
    ...[...folders]
      .sort((a, b) => a.localeCompare(b))
      .map((folder) => ({ newNotes: 'folder' as const, newNotesFolder: folder })),
  ];
  const scored: (Choice & { score: number })[] = [];
  for (const setting of settings) {
    const label = describeNewNotes(setting);
    const match = fuzzyMatch(query, label);
    if (match) scored.push({ setting, label, ranges: match.ranges, score: match.score });
  }
  // Array.prototype.sort is stable: equal scores (every one, for an empty query) keep list order.
  scored.sort((a, b) => b.score - a.score);
  return scored.map(({ setting, label, ranges }) => ({ setting, label, ranges }));
}

function choiceRow(choice: Choice, current: NewNotesSetting): PickerRow {
  const row: PickerRow = { label: choice.label, ranges: choice.ranges };
  return sameSetting(choice.setting, current) ? { ...row, hint: 'current' } : row;
}

function sameSetting(a: NewNotesSetting, b: NewNotesSetting): boolean {
  if (a.newNotes !== b.newNotes) return false;
  return a.newNotes !== 'folder' || (b.newNotes === 'folder' && a.newNotesFolder === b.newNotesFolder);
}
