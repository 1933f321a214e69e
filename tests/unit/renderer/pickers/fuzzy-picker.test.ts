// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NoteSuggestion } from '../../../../shared/api';
import { createCommandPalette, matchCommands } from '../../../../renderer/src/pickers/command-palette';
import { shortcutLabel, type Command } from '../../../../renderer/src/chrome/commands';
import { FuzzyPicker } from '../../../../renderer/src/pickers/fuzzy-picker';
import { createQuickSwitcher, switcherRow } from '../../../../renderer/src/pickers/quick-switcher';

afterEach(() => document.body.replaceChildren());

function key(picker: FuzzyPicker<unknown>, name: string, more: KeyboardEventInit = {}) {
  picker.input.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true, ...more }));
}

async function type(picker: FuzzyPicker<unknown>, text: string) {
  picker.input.value = text;
  picker.input.dispatchEvent(new Event('input'));
  await picker.ready;
}

const labels = (picker: FuzzyPicker<unknown>) =>
  [...picker.list.querySelectorAll('.picker-label')].map((el) => el.textContent);

describe('FuzzyPicker', () => {
  function picker(onPick = vi.fn()) {
    const words = ['apple', 'apricot', 'banana', 'cherry'];
    return {
      onPick,
      picker: new FuzzyPicker<string>({
        label: 'Fruit',
        placeholder: 'Fruit…',
        items: (query) => Promise.resolve(words.filter((w) => w.includes(query))),
        row: (word) => ({ label: word, ranges: [[0, 1]] }),
        onPick,
      }),
    };
  }

  it('is an accessible dialog: combobox, listbox, options, active descendant', async () => {
    const { picker: p } = picker();
    await p.open();
    const dialog = document.querySelector('[role="dialog"]');
    expect(dialog?.getAttribute('aria-label')).toBe('Fruit');
    expect(document.activeElement).toBe(p.input);
    expect(p.input.getAttribute('role')).toBe('combobox');
    expect(p.list.getAttribute('role')).toBe('listbox');
    const options = p.list.querySelectorAll('[role="option"]');
    expect(options).toHaveLength(4);
    expect(p.input.getAttribute('aria-activedescendant')).toBe(options[0]?.id);
    expect(options[0]?.getAttribute('aria-selected')).toBe('true');
    expect(options[0]?.querySelector('mark')?.textContent).toBe('a');
  });

  it('filters as you type, moves with arrows (wrapping), picks with Enter and closes', async () => {
    const { picker: p, onPick } = picker();
    await p.open();
    await type(p, 'ap');
    expect(labels(p)).toEqual(['apple', 'apricot']);
    key(p, 'ArrowDown');
    key(p, 'ArrowDown');
    key(p, 'ArrowUp');
    expect(p.list.querySelector('[aria-selected="true"]')?.textContent).toBe('apricot');
    key(p, 'Enter', { shiftKey: true });
    await p.ready;
    await Promise.resolve();
    expect(onPick).toHaveBeenCalledWith('apricot', 'ap', { shift: true, mod: false });
    expect(p.isOpen).toBe(false);
  });

  it('picks with a click, closes with Escape, and says when nothing matches', async () => {
    const { picker: p, onPick } = picker();
    await p.open();
    (p.list.querySelectorAll('[role="option"]')[2] as HTMLElement).click();
    expect(onPick).toHaveBeenCalledWith('banana', '', { shift: false, mod: false });
    await p.open('zzz');
    expect(p.list.hidden).toBe(true);
    expect(p.root.querySelector('.picker-empty')?.textContent).toBe('Nothing found');
    key(p, 'Escape');
    expect(p.isOpen).toBe(false);
  });

  it('shows only the answer to the latest query', async () => {
    const resolvers = new Map<string, (items: string[]) => void>();
    const p = new FuzzyPicker<string>({
      label: 'Slow',
      placeholder: '',
      items: (query) => new Promise((resolve) => resolvers.set(query, resolve)),
      row: (s) => ({ label: s }),
      onPick: () => {},
    });
    const first = p.open('a');
    const second = type(p, 'ab');
    const third = type(p, 'abc');
    resolvers.get('abc')!(['abc result']);
    resolvers.get('a')!(['stale a']);
    await Promise.all([first, third]);
    expect(labels(p)).toEqual(['abc result']);
    resolvers.get('ab')!(['stale ab']);
    await second;
    expect(labels(p)).toEqual(['abc result']);
  });
});

describe('quick switcher', () => {
  const ada: NoteSuggestion = {
    path: 'people/ada.md',
    title: 'Ada Lovelace',
    folder: 'people',
    matched: { kind: 'alias', text: 'Countess' },
    ranges: [[0, 3]],
    score: 1,
  };

  it('shows the title, the alias that matched (highlighted) and the folder', () => {
    expect(switcherRow(ada)).toEqual({
      label: 'Ada Lovelace',
      detail: 'Countess (alias) · people',
      detailRanges: [[0, 3]],
    });
    expect(switcherRow({ ...ada, matched: { kind: 'title', text: 'Ada Lovelace' } })).toEqual({
      label: 'Ada Lovelace',
      ranges: [[0, 3]],
      detail: 'people',
    });
  });

  it('opens on Enter (new tab with Ctrl), creates on Shift+Enter or when nothing matches', async () => {
    const open = vi.fn();
    const create = vi.fn();
    let results = [ada];
    const switcher = createQuickSwitcher({ suggest: () => Promise.resolve(results), open, create });
    await switcher.open('cou');
    key(switcher, 'Enter', { ctrlKey: true });
    await switcher.ready;
    expect(open).toHaveBeenCalledWith('people/ada.md', true);
    await switcher.open('New idea');
    key(switcher, 'Enter', { shiftKey: true });
    await switcher.ready;
    expect(create).toHaveBeenLastCalledWith('New idea');
    results = [];
    await switcher.open('Other');
    key(switcher, 'Enter');
    await switcher.ready;
    expect(create).toHaveBeenLastCalledWith('Other');
  });
});

describe('command palette', () => {
  const run = vi.fn();
  const commands: Command[] = [
    { id: 'note:new', title: 'Create new note', shortcut: 'Mod-n', run },
    { id: 'switcher', title: 'Open quick switcher', shortcut: 'Mod-o', run },
    { id: 'search', title: 'Search in all notes', shortcut: 'Mod-Shift-f', run },
  ];

  it('fuzzy-matches titles, best first, all commands by title for an empty query', () => {
    expect(matchCommands(commands, 'new').map((c) => c.command.id)).toEqual(['note:new']);
    expect(matchCommands(commands, 'qs').map((c) => c.command.id)).toEqual(['switcher']);
    expect(matchCommands(commands, '').map((c) => c.command.id)).toEqual(['note:new', 'switcher', 'search']);
  });

  it('shows shortcuts and runs the picked command', async () => {
    const palette = createCommandPalette(() => commands);
    await palette.open('search');
    expect(palette.list.querySelector('.picker-hint')?.textContent).toBe(shortcutLabel('Mod-Shift-f'));
    key(palette, 'Enter');
    await palette.ready;
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('labels shortcuts for each platform', () => {
    expect(shortcutLabel('Mod-Shift-f', false)).toBe('Ctrl+Shift+F');
    expect(shortcutLabel('Mod-Shift-f', true)).toBe('⌘⇧F');
    expect(shortcutLabel('Mod-Enter', false)).toBe('Ctrl+Enter');
  });
});
