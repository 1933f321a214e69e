import { syntaxTree } from '@codemirror/language';
import type { EditorState } from '@codemirror/state';
import { type EditorView, ViewPlugin, type DecorationSet, type PluginSpec, type ViewUpdate } from '@codemirror/view';
import type { Span } from './reveal';

/** Decorations for `ranges` (the visible ones) of `state`; never looks outside them. */
export type BuildDecorations = (state: EditorState, ranges: readonly Span[]) => DecorationSet;

/**
 * A view plugin holding `build`'s decorations for the visible ranges, rebuilt when the text, the
 * viewport, the selection (what is revealed) or the parse (the tree grows in the background)
 * changes. Nothing else: scrolling a 10k-line note or typing in it costs one viewport's worth.
 */
export function visibleDecorations(
  build: BuildDecorations,
  spec: Omit<PluginSpec<{ decorations: DecorationSet }>, 'decorations'> = {},
): ViewPlugin<{ decorations: DecorationSet; update(update: ViewUpdate): void }> {
  return ViewPlugin.define(
    (view: EditorView) => {
      const plugin = {
        decorations: build(view.state, view.visibleRanges),
        update(update: ViewUpdate): void {
          if (
            update.docChanged ||
            update.viewportChanged ||
            update.selectionSet ||
            syntaxTree(update.startState) !== syntaxTree(update.state)
          ) {
            plugin.decorations = build(update.state, update.view.visibleRanges);
          }
        },
      };
      return plugin;
    },
    { ...spec, decorations: (plugin) => plugin.decorations },
  );
}
