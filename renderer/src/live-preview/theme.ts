import { EditorView } from '@codemirror/view';

/**
 * The look of Live Preview's inline part. Colours are the app's CSS variables (styles.css), as
 * the reading view (reading/reading.css) uses them, with the app's own light and dark values as
 * fallbacks for an editor shown outside the app's page.
 */
export const livePreviewTheme = EditorView.baseTheme({
  '.cm-lp-strong': { fontWeight: '700' },
  '.cm-lp-em': { fontStyle: 'italic' },
  '.cm-lp-strike': { textDecoration: 'line-through' },
  '.cm-lp-code': {
    fontFamily: 'var(--font-mono, monospace)',
    fontSize: '0.9em',
    borderRadius: '3px',
    padding: '0.1em 0.2em',
  },
  '&light .cm-lp-code': { color: 'var(--code, #a3304a)', backgroundColor: 'var(--bg-alt, #f5f5f4)' },
  '&dark .cm-lp-code': { color: 'var(--code, #f08da4)', backgroundColor: 'var(--bg-alt, #26262b)' },
  '&light .cm-lp-highlight': { backgroundColor: 'var(--match, #fde68a)' },
  '&dark .cm-lp-highlight': { backgroundColor: 'var(--match, #6b5a12)' },

  // Heading lines by level; the spans inside take the line's size rather than multiplying it.
  '.cm-line.cm-lp-heading': { fontWeight: '700', lineHeight: '1.3' },
  '.cm-line.cm-lp-heading span': { fontSize: 'inherit' },
  '.cm-line.cm-lp-h1': { fontSize: '1.8em' },
  '.cm-line.cm-lp-h2': { fontSize: '1.45em' },
  '.cm-line.cm-lp-h3': { fontSize: '1.2em' },
  '.cm-line.cm-lp-h4': { fontSize: '1.1em' },
  '.cm-line.cm-lp-h5': { fontSize: '1em' },
  '.cm-line.cm-lp-h6': { fontSize: '0.95em' },

  '.cm-lp-link-rendered': { cursor: 'pointer' },
  '.cm-lp-link-rendered:hover': { textDecoration: 'underline' },
  '&light .cm-lp-link-rendered, &light .cm-lp-link-separator': { color: 'var(--accent, #6240c8)' },
  '&dark .cm-lp-link-rendered, &dark .cm-lp-link-separator': { color: 'var(--accent, #a58bff)' },

  '.cm-lp-task-checkbox': { margin: '0 0.15em 0 0', verticalAlign: 'middle', cursor: 'pointer' },
  '.cm-lp-task-done': { textDecoration: 'line-through' },
  '&light .cm-lp-task-done': { color: 'var(--muted, #5f6670)' },
  '&dark .cm-lp-task-done': { color: 'var(--muted, #9a9aa5)' },
  '.cm-lp-bullet': { display: 'inline-block', minWidth: '0.6em', textAlign: 'center', fontWeight: '700' },

  '.cm-line.cm-lp-quote': { borderLeft: '3px solid', paddingLeft: '12px' },
  '&light .cm-line.cm-lp-quote': { borderLeftColor: 'var(--border, #dcdcd9)', color: 'var(--muted, #5f6670)' },
  '&dark .cm-line.cm-lp-quote': { borderLeftColor: 'var(--border, #3a3a42)', color: 'var(--muted, #9a9aa5)' },
  '.cm-lp-hr': { display: 'inline-block', width: '100%', verticalAlign: 'middle', borderTop: '1px solid' },
  '&light .cm-lp-hr': { borderTopColor: 'var(--border, #dcdcd9)' },
  '&dark .cm-lp-hr': { borderTopColor: 'var(--border, #3a3a42)' },
  // An empty block box inside the line's text: what follows starts on a new visual line.
  '.cm-lp-br': { display: 'block' },

  '.cm-lp-comment': { opacity: '0.55' },
  '.cm-lp-tag': { borderRadius: '1em', padding: '0 0.45em', cursor: 'pointer', fontSize: '0.9em' },
  '&light .cm-lp-tag': { color: 'var(--accent, #6240c8)', backgroundColor: 'var(--accent-soft, #ece7fb)' },
  '&dark .cm-lp-tag': { color: 'var(--accent, #a58bff)', backgroundColor: 'var(--accent-soft, #352c57)' },
});
