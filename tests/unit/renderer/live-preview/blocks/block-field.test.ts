// @vitest-environment happy-dom
import { ensureSyntaxTree, syntaxTree } from '@codemirror/language';
import { EditorState, StateEffect } from '@codemirror/state';
import { EditorView, type WidgetType, type Decoration } from '@codemirror/view';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { noteMarkdown } from '../../../../../renderer/src/editor/note-editor';
import { livePreviewBlocks } from '../../../../../renderer/src/live-preview/blocks';
import {
  blockField,
  eachTopLevelNode,
  type LineRange,
} from '../../../../../renderer/src/live-preview/blocks/block-field';

function parsedTo(state: EditorState, pos: number): EditorState {
  ensureSyntaxTree(state, pos, 10_000);
  return state.update({}).state;
}

function fullyParsed(state: EditorState): EditorState {
  return parsedTo(state, state.doc.length);
}

type Drawn = { from: number; to: number; widget: WidgetType | undefined };

function drawn(state: EditorState): Drawn[] {
  const out: Drawn[] = [];
  for (const source of state.facet(EditorView.decorations)) {
    if (typeof source === 'function') continue;
    source.between(0, state.doc.length, (from, to, deco: Decoration) => {
      out.push({ from, to, widget: (deco.spec as { widget?: WidgetType }).widget });
    });
  }
  return out.sort((a, b) => a.from - b.from || a.to - b.to);
}

/** Both states draw the same blocks at the same places, with equal widgets. */
function expectSameDrawing(actual: EditorState, expected: EditorState): void {
  const a = drawn(actual);
  const e = drawn(expected);
  expect(a.map(({ from, to }) => [from, to])).toEqual(e.map(({ from, to }) => [from, to]));
  a.forEach((item, index) => {
    const other = e[index]?.widget;
    expect(item.widget === undefined ? other === undefined : other !== undefined && item.widget.eq(other)).toBe(true);
  });
}

const markdown = noteMarkdown();
const blocks = () => livePreviewBlocks({ renderEmbed: () => Promise.resolve('<p>embedded</p>'), imageUrl: () => null });
const extensions = [markdown, blocks()];

/**
 * The same state with its blocks found from scratch (new fields over the same syntax tree: a
 * fresh parse of the text may differ, as Lezer's incremental parse can end a lazy quote elsewhere).
 */
function foundAfresh(state: EditorState): EditorState {
  return state.update({ effects: StateEffect.reconfigure.of([markdown, blocks()]) }).state;
}

/** Pieces real notes are made of, several of which an edit can join, split or change the kind of. */
const PIECES = [
  '| a | b |\n|---|:-:|\n| 1 | 2 |\n',
  '> [!info] Title\n> body [[x]]\n',
  '> [!tip]- Folded\n> inside\n',
  '$$\nx^2\n$$\n',
  '![[Other note]]\n',
  '```js\nlet a = 1;\n```\n',
  '```\n',
  '```mermaid\ngraph TD\n  A --> B\n```\n',
  'Plain paragraph text.\n',
  '---\n',
  '===\n',
  '| c |\n',
  '> quoted\n',
  '\n',
  '\n',
  '# Heading\n',
  '- item\n',
];

const piece = fc.constantFrom(...PIECES);
const note = fc.array(piece, { minLength: 1, maxLength: 40 }).map((parts) => parts.join(''));

type Step =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'type'; at: number; text: string }
  | { kind: 'parse'; upto: number }
  | { kind: 'trim-end'; length: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: piece }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant('type' as const),
    at: fc.nat(),
    text: fc.constantFrom('x', '|', '>', '\n', '$$', '`', '!'),
  }),
  fc.record({ kind: fc.constant('parse' as const), upto: fc.nat() }),
  // Edits at the end of the last block: no block after them to find the edit's place by.
  fc.record({ kind: fc.constant('trim-end' as const), length: fc.integer({ min: 1, max: 12 }) }),
);

/** A line's start (even `at`) or any place (odd `at`): most edits that change blocks are at line starts. */
function lineStart(state: EditorState, at: number): number {
  const pos = Math.floor(at / 2) % (state.doc.length + 1);
  return at % 2 === 0 ? state.doc.lineAt(pos).from : pos;
}

function apply(state: EditorState, action: Step): EditorState {
  const length = state.doc.length;
  switch (action.kind) {
    case 'insert':
    case 'type':
      return state.update({ changes: { from: lineStart(state, action.at), insert: action.text } }).state;
    case 'delete': {
      const from = lineStart(state, action.at);
      return state.update({ changes: { from, to: Math.min(length, from + action.length) } }).state;
    }
    case 'parse':
      return parsedTo(state, action.upto % (length + 1));
    case 'trim-end': {
      const to = Math.max(0, length - 1);
      return state.update({ changes: { from: Math.max(0, to - action.length), to } }).state;
    }
  }
}

describe('blockField (blocks found again only where an edit changed the tree)', () => {
  it('draws, after any edits and partial parses, what finding every block afresh draws', () => {
    fc.assert(
      fc.property(note, fc.array(step, { minLength: 1, maxLength: 16 }), (text, steps) => {
        // The cursor at the very end touches no block (a note ending in a block ends in "\n").
        let state = EditorState.create({ doc: text, selection: { anchor: 0 }, extensions });
        state = parsedTo(state, Math.floor(text.length / 2));
        for (const action of steps) {
          state = apply(state, action);
          // Past a partial tree's end the field keeps what it had; afresh finds nothing there.
          if (syntaxTree(state).length === state.doc.length) expectSameDrawing(state, foundAfresh(state));
        }
        state = fullyParsed(state);
        expectSameDrawing(state, foundAfresh(state));
      }),
      { numRuns: 600 },
    );
  });

  it('after a keystroke in a long note, looks only at the lines around it', () => {
    const looked: LineRange[] = [];
    const { field, extension } = blockField({
      find(state, range) {
        looked.push(range ?? { from: 0, to: state.doc.length });
        const found: { from: number; to: number; key: string }[] = [];
        eachTopLevelNode(
          state,
          (name, from, to) => void (name === 'Table' && found.push({ from, to, key: state.sliceDoc(from, to) })),
          range,
        );
        return found;
      },
      decorate: () => null,
    });
    const table = '| a | b |\n|---|---|\n| 1 | 2 |\n\nSome prose between tables.\n\n';
    const state = fullyParsed(EditorState.create({ doc: table.repeat(2000), extensions: [noteMarkdown(), extension] }));
    const middle = table.length * 1000 + 2;
    looked.length = 0;
    // The edit's own transaction (a parse that went on afterwards looks at what it parsed).
    const edited = state.update({ changes: { from: middle, insert: 'x' } }).state;
    expect(looked).toHaveLength(1);
    expect(looked[0]!.to - looked[0]!.from).toBeLessThan(table.length * 3);
    expect(looked[0]!.from).toBeLessThanOrEqual(middle);
    expect(looked[0]!.to).toBeGreaterThan(middle);
    // …and what it finds there joins the blocks kept around it: all 2,000 once parsed.
    expect(edited.field(field).blocks).toHaveLength(2000);
  });
});
