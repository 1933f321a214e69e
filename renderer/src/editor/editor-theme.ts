import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { StateEffect, StateField, type Extension } from '@codemirror/state';
import { EditorView, ViewPlugin } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function prefersDark(): boolean {
  return (
    typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches
  );
}

const setDark = StateEffect.define<boolean>();

/**
 * Whether the OS asks for dark colours, told to CodeMirror (`EditorView.darkTheme`) so that the
 * `&dark` rules of its own packages (tooltips, the completion list) apply: without it a tooltip
 * stays light grey under the dark theme's light text.
 */
const darkMode = StateField.define<boolean>({
  create: prefersDark,
  update: (dark, tr) => tr.effects.reduce((value, e) => (e.is(setDark) ? e.value : value), dark),
  provide: (field) => EditorView.darkTheme.from(field),
});

/** Follows the OS switching between light and dark while the editor is open. */
const followColorScheme = ViewPlugin.define((view) => {
  const query = typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : null;
  const changed = (e: MediaQueryListEvent) => view.dispatch({ effects: setDark.of(e.matches) });
  query?.addEventListener('change', changed);
  return { destroy: () => query?.removeEventListener('change', changed) };
});

/** Editor colours come from CSS variables, so the OS light/dark switch needs no reconfiguring. */
export function editorTheme(): Extension {
  return [
    darkMode,
    followColorScheme,
    EditorView.theme({
      '&': { height: '100%', color: 'var(--text)', backgroundColor: 'var(--bg)', fontSize: '16px' },
      '.cm-scroller': { fontFamily: 'var(--font-text)', lineHeight: '1.6', padding: '24px 0' },
      '.cm-content': { maxWidth: '46em', margin: '0 auto', padding: '0 32px', caretColor: 'var(--accent)' },
      '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--accent)' },
      '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
        backgroundColor: 'var(--selection) !important',
      },
      '.cm-activeLine': { backgroundColor: 'transparent' },
      '.cm-panels': { backgroundColor: 'var(--bg-alt)', color: 'var(--text)' },
      '.cm-panels.cm-panels-top': { borderBottom: '1px solid var(--border)' },
      '.cm-searchMatch': { backgroundColor: 'var(--match)' },
      '.cm-note-banner': {
        padding: '6px 12px',
        fontFamily: 'var(--font-ui)',
        fontSize: '0.85em',
        borderLeft: '3px solid var(--accent)',
      },
      '.cm-note-banner-warning': { borderLeftColor: 'var(--error)' },
      '.cm-textfield, .cm-button': { color: 'var(--text)', backgroundColor: 'var(--bg)', borderColor: 'var(--border)' },
      // CodeMirror draws its buttons (the find panel's) on a gradient of its own; the app's colours instead.
      '.cm-button': { backgroundImage: 'none' },
      '.cm-button:hover': { backgroundColor: 'var(--bg-hover)' },
      // The chosen completion as the app's pickers show theirs (CodeMirror's grey is 4.48:1 under white).
      '.cm-tooltip-autocomplete ul li[aria-selected], .cm-tooltip-autocomplete-disabled ul li[aria-selected]': {
        backgroundColor: 'var(--accent-soft)',
        color: 'var(--text)',
      },
    }),
    syntaxHighlighting(
      HighlightStyle.define([
        { tag: t.heading1, fontSize: '1.6em', fontWeight: '700' },
        { tag: t.heading2, fontSize: '1.35em', fontWeight: '700' },
        { tag: t.heading3, fontSize: '1.15em', fontWeight: '700' },
        { tag: [t.heading4, t.heading5, t.heading6], fontWeight: '700' },
        { tag: t.strong, fontWeight: '700' },
        { tag: t.emphasis, fontStyle: 'italic' },
        { tag: t.strikethrough, textDecoration: 'line-through' },
        // Underlined as in the reading view: the accent alone is too close to the text's colour.
        { tag: [t.link, t.url], color: 'var(--accent)', textDecoration: 'underline', textUnderlineOffset: '2px' },
        { tag: t.monospace, fontFamily: 'var(--font-mono)', color: 'var(--code)' },
        { tag: t.quote, color: 'var(--muted)' },
        { tag: [t.processingInstruction, t.contentSeparator], color: 'var(--muted)' },
        { tag: t.meta, color: 'var(--muted)', fontFamily: 'var(--font-mono)', fontSize: '0.9em' },
      ]),
    ),
  ];
}
