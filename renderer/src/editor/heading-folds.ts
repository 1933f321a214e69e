import { codeFolding, foldGutter, foldKeymap } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';

function marker(open: boolean): HTMLElement {
  const dom = document.createElement('span');
  dom.className = `cm-fold-marker ${open ? 'cm-fold-open' : 'cm-fold-closed'}`;
  dom.textContent = '›';
  dom.title = open ? 'Fold' : 'Unfold';
  return dom;
}

const theme = EditorView.baseTheme({
  '.cm-gutters': { background: 'transparent', border: 'none' },
  '.cm-foldGutter .cm-gutterElement': { width: '14px', cursor: 'pointer', textAlign: 'center' },
  '.cm-fold-marker': {
    display: 'inline-block',
    color: 'var(--muted, #6b6b6b)',
    transition: 'transform 0.15s, opacity 0.15s',
  },
  // As in Obsidian: the arrows show while the pointer is over the text, a folded one always.
  '.cm-fold-open': { transform: 'rotate(90deg)', opacity: '0' },
  '.cm-editor:hover .cm-fold-open': { opacity: '1' },
  '.cm-foldPlaceholder': {
    margin: '0 4px',
    padding: '0 6px',
    borderRadius: '4px',
    border: 'none',
    cursor: 'pointer',
    color: 'var(--muted, #6b6b6b)',
    background: 'var(--hover, rgba(127, 127, 127, 0.15))',
  },
});

/**
 * Folding as Obsidian has it: a heading folds its section, a list item its children, a fenced
 * block or a quote its lines (the markdown language says which ranges fold); arrows in a slim
 * gutter, Ctrl+Shift+[ and ] (Cmd+Alt+[ and ] on macOS) on the cursor's section, Ctrl+Alt+[
 * and ] for all.
 */
export function headingFolds(): Extension {
  return [codeFolding({ placeholderText: '…' }), foldGutter({ markerDOM: marker }), keymap.of(foldKeymap), theme];
}
