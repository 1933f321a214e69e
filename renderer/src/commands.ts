/** Something the person can do from the command palette (and, often, a keyboard shortcut). */
export type Command = {
  /** Stable, e.g. "note:new". */
  id: string;
  /** As shown in the palette, e.g. "Create new note". */
  title: string;
  /** CodeMirror-style key name shown beside the title, e.g. "Mod-o" or "Mod-Shift-f". */
  shortcut?: string;
  run(): void;
};

/** True on macOS, where Mod is ⌘. */
export function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}

/** "Mod-Shift-f" → "Ctrl+Shift+F" (or "⌘⇧F" on a Mac). */
export function shortcutLabel(shortcut: string, mac = isMac()): string {
  const parts = shortcut.split(/-(?!$)/);
  const key = parts.pop() ?? '';
  const names: Record<string, [string, string]> = {
    Mod: ['Ctrl', '⌘'],
    Ctrl: ['Ctrl', '⌃'],
    Alt: ['Alt', '⌥'],
    Shift: ['Shift', '⇧'],
    Meta: ['Meta', '⌘'],
  };
  const mods = parts.map((p) => names[p]?.[mac ? 1 : 0] ?? p);
  const shown = key.length === 1 ? key.toUpperCase() : key;
  return mac ? mods.join('') + shown : [...mods, shown].join('+');
}
