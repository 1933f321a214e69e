/** Something the person can do from the command palette (and, often, a keyboard shortcut). */
export type Command = {
  /** Stable, e.g. "note:new". */
  id: string;
  /** As shown in the palette, e.g. "Create new note". */
  title: string;
  /** CodeMirror-style key name shown beside the title, e.g. "Mod-o" or "Mod-Shift-f". */
  shortcut?: string;
  /** 'editor': the editor's own keymap binds the shortcut (the palette only shows it). */
  scope?: 'editor';
  run(): void;
};

/** True when a key event is `shortcut` ("Mod-Shift-f", "Alt-ArrowLeft", "Ctrl-Tab"); Mod is Ctrl or ⌘. */
export function matchesShortcut(event: KeyboardEvent, shortcut: string): boolean {
  const parts = shortcut.split(/-(?!$)/);
  const key = parts.pop() ?? '';
  const wants = new Set(parts);
  const mod = event.ctrlKey || event.metaKey;
  if (wants.has('Mod') ? !mod : wants.has('Ctrl') ? !event.ctrlKey : mod) return false;
  if (wants.has('Shift') !== event.shiftKey || wants.has('Alt') !== event.altKey) return false;
  return event.key.toLowerCase() === key.toLowerCase();
}

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
