import { LanguageDescription, syntaxTree } from '@codemirror/language';
import { languages } from '@codemirror/language-data';
import type { Extension, Range } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';

/** Fences whose language is drawn some other way (or not at all): left as plain code. */
const PLAIN = new Set(['mermaid', 'dataview', 'dataviewjs', 'math']);

/**
 * The language of a fenced block's info string (`js`, `python`, `rust`…), for markdown()'s
 * `codeLanguages`: each language's parser is loaded (a separate chunk) the first time a block
 * of it is seen. Mermaid blocks are drawn as diagrams (diagrams.ts), not highlighted.
 */
export function codeLanguages(info: string): LanguageDescription | null {
  const name = info.trim().split(/\s/, 1)[0] ?? '';
  if (name === '' || PLAIN.has(name.toLowerCase())) return null;
  return LanguageDescription.matchLanguageName(languages, name, true);
}

const line = Decoration.line({ class: 'cm-lp-code' });
const first = Decoration.line({ class: 'cm-lp-code cm-lp-code-first' });
const last = Decoration.line({ class: 'cm-lp-code cm-lp-code-last' });
const only = Decoration.line({ class: 'cm-lp-code cm-lp-code-first cm-lp-code-last' });

/** Line decorations for the fenced blocks in view: a background band, monospace. */
function codeLines(view: EditorView): DecorationSet {
  const { state } = view;
  const ranges: Range<Decoration>[] = [];
  let done = -1;
  for (const { from, to } of view.visibleRanges) {
    syntaxTree(state).iterate({
      from,
      to,
      enter: (node) => {
        if (node.name !== 'FencedCode') return undefined;
        const start = state.doc.lineAt(node.from).number;
        const end = state.doc.lineAt(node.to).number;
        for (let number = Math.max(start, done + 1); number <= end; number++) {
          const at = state.doc.line(number);
          if (at.to < from || at.from > to) continue;
          const deco = start === end ? only : number === start ? first : number === end ? last : line;
          ranges.push(deco.range(at.from));
          done = number;
        }
        return false;
      },
    });
  }
  return Decoration.set(ranges, true);
}

const theme = EditorView.baseTheme({
  '.cm-lp-code': { fontFamily: 'var(--font-mono, ui-monospace, monospace)', fontSize: '0.92em' },
  '&light .cm-lp-code': { background: 'var(--bg-alt, #f5f5f4)' },
  '&dark .cm-lp-code': { background: 'var(--bg-alt, #26262b)' },
  '.cm-lp-code-first': { borderTopLeftRadius: '4px', borderTopRightRadius: '4px' },
  '.cm-lp-code-last': { borderBottomLeftRadius: '4px', borderBottomRightRadius: '4px' },
});

/**
 * Fenced code drawn as a block: each line in a band in a monospace font. The highlighting by
 * language comes from `codeLanguages` given to markdown() (see noteMarkdown).
 */
export function codeBlocks(): Extension {
  const plugin = ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = codeLines(view);
      }
      update(update: ViewUpdate) {
        if (update.docChanged || update.viewportChanged || syntaxTree(update.state) !== syntaxTree(update.startState)) {
          this.decorations = codeLines(update.view);
        }
      }
    },
    { decorations: (value) => value.decorations },
  );
  return [plugin, theme];
}
