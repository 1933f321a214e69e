import { fuzzyScore, prepareKey, prepareQuery, type FuzzyKey } from '../../../shared/fuzzy-match';
import { shortcutLabel, type Command } from '../chrome/commands';
import { FuzzyPicker, type PickerRow } from './fuzzy-picker';

type Scored = { command: Command; ranges: [number, number][] };

/**
 * The command palette (Ctrl/Cmd+P): every command, fuzzy-filtered by title, with its shortcut.
 * `commands` is read each time the palette opens or the query changes, so it can depend on state.
 */
export function createCommandPalette(commands: () => readonly Command[]): FuzzyPicker<Scored> {
  const keys = new WeakMap<Command, FuzzyKey>();
  const keyOf = (command: Command) => {
    let key = keys.get(command);
    if (!key) keys.set(command, (key = prepareKey(command.title)));
    return key;
  };
  return new FuzzyPicker<Scored>({
    label: 'Command palette',
    placeholder: 'Type a command…',
    items: (query) => matchCommands(commands(), query, keyOf),
    row: commandRow,
    empty: () => 'No matching command',
    footer: '↑↓ move · ↵ run · Esc close',
    onPick(item) {
      item?.command.run();
    },
  });
}

/** Commands matching `query`, best first (title order among equals); all by title for an empty query. */
export function matchCommands(
  commands: readonly Command[],
  query: string,
  keyOf: (command: Command) => FuzzyKey = (command) => prepareKey(command.title),
): Scored[] {
  const q = prepareQuery(query);
  const scored: (Scored & { score: number })[] = [];
  for (const command of commands) {
    const ranges: [number, number][] = [];
    const score = fuzzyScore(q, keyOf(command), ranges);
    if (score >= 0) scored.push({ command, ranges, score });
  }
  scored.sort((a, b) => b.score - a.score || a.command.title.localeCompare(b.command.title));
  return scored.map(({ command, ranges }) => ({ command, ranges }));
}

function commandRow({ command, ranges }: Scored): PickerRow {
  return { label: command.title, ranges, ...(command.shortcut ? { hint: shortcutLabel(command.shortcut) } : {}) };
}
