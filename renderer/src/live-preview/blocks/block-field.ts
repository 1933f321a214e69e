import { syntaxTree } from '@codemirror/language';
import type { SyntaxNode } from '@lezer/common';
import { StateField, type EditorState, type Extension, type Transaction } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import { selectionTouches } from './reveal';

/** A block of the note (whole lines) that shows rendered off the cursor. */
export type Block = {
  from: number;
  to: number;
  /**
   * Everything its decoration depends on (kind, source text, view state such as folding): blocks
   * with equal keys share one decoration, so an edit elsewhere rebuilds no widget.
   */
  key: string;
  /** Draw at this point instead of over the block (a widget beside the source: an error line). */
  widgetAt?: number;
  /** Drawn even while the selection touches the block. */
  always?: boolean;
};

/** What one kind of block needs to be shown: where the blocks are and how each is drawn. */
export type BlockKind<B extends Block> = {
  /** The blocks in the state's syntax tree, in document order (never parses further). */
  find(state: EditorState): B[];
  /** The decoration showing a block rendered (a block replace, usually); null leaves it as source. */
  decorate(block: B, state: EditorState): Decoration | null;
  /** A transaction that changes keys without changing the doc or tree (a fold toggled…). */
  changesKeys?(tr: Transaction): boolean;
};

/** The field's value: the blocks found, which the selection reveals, and what is drawn. */
export type BlockFieldValue<B extends Block> = {
  blocks: readonly B[];
  revealed: readonly boolean[];
  decorations: DecorationSet;
  /** Decorations by key, from the last build: reused while their key is unchanged. */
  cache: ReadonlyMap<string, Decoration>;
};

function build<B extends Block>(
  kind: BlockKind<B>,
  state: EditorState,
  blocks: readonly B[],
  revealed: readonly boolean[],
  previous: ReadonlyMap<string, Decoration>,
): BlockFieldValue<B> {
  const cache = new Map<string, Decoration>();
  const ranges = [];
  for (const [index, block] of blocks.entries()) {
    if (revealed[index] && !block.always) continue;
    let decoration = cache.get(block.key) ?? previous.get(block.key);
    if (decoration === undefined) {
      const made = kind.decorate(block, state);
      if (made === null) continue;
      decoration = made;
    }
    cache.set(block.key, decoration);
    // A block decoration covers whole lines (a block indented by a few spaces starts mid-line).
    ranges.push(
      block.widgetAt === undefined
        ? decoration.range(state.doc.lineAt(block.from).from, state.doc.lineAt(block.to).to)
        : decoration.range(block.widgetAt),
    );
  }
  // Decorations not drawn this time are kept a while: a block revealed, or beyond the end of a
  // tree still being parsed after an edit, gets its old widget back when it shows again.
  // Never fewer than last time, so a tree parsed only part way does not lose the rest.
  const keep = Math.max(CACHE_SPARE + blocks.length, previous.size);
  for (const [key, decoration] of previous) {
    if (cache.size >= keep) break;
    if (!cache.has(key)) cache.set(key, decoration);
  }
  return { blocks, revealed, decorations: Decoration.set(ranges, true), cache };
}

/**
 * Past this many characters a note's blocks stay source. Finding blocks walks the note's whole
 * tree on each edit (and each kind builds keys from its blocks' text): on a 1 MB note that made
 * every keystroke a 100–600 ms task (the UI bench). The inline part, which works on the lines in
 * view only, still applies.
 */
export const MAX_BLOCK_NOTE_CHARS = 200_000;

function tooLarge(state: EditorState): boolean {
  return state.doc.length > MAX_BLOCK_NOTE_CHARS;
}

const NOTHING: BlockFieldValue<never> = { blocks: [], revealed: [], decorations: Decoration.none, cache: new Map() };

/** Decorations kept beyond those drawn (see build). */
const CACHE_SPARE = 100;

function revealedBy(state: EditorState, blocks: readonly Block[]): boolean[] {
  return blocks.map((block) => selectionTouches(state, block.from, block.to));
}

function sameFlags(a: readonly boolean[], b: readonly boolean[]): boolean {
  return a.length === b.length && a.every((flag, index) => flag === b[index]);
}

/**
 * A StateField holding one kind of block's decorations (block decorations must come from state,
 * not from a view plugin). The blocks are found again only when the doc, the syntax tree or a key
 * changes; a selection change redraws only when it crosses a block's edge; and an unchanged
 * block keeps its decoration (and so its widget and DOM).
 */
export function blockField<B extends Block>(
  kind: BlockKind<B>,
): { field: StateField<BlockFieldValue<B>>; extension: Extension } {
  const field = StateField.define<BlockFieldValue<B>>({
    create(state) {
      if (tooLarge(state)) return NOTHING;
      const blocks = kind.find(state);
      return build(kind, state, blocks, revealedBy(state, blocks), new Map());
    },
    update(value, tr) {
      const { state } = tr;
      if (tooLarge(state)) return NOTHING;
      if (tr.docChanged || syntaxTree(state) !== syntaxTree(tr.startState) || kind.changesKeys?.(tr)) {
        const blocks = kind.find(state);
        return build(kind, state, blocks, revealedBy(state, blocks), value.cache);
      }
      if (!tr.selection) return value;
      const revealed = revealedBy(state, value.blocks);
      return sameFlags(revealed, value.revealed) ? value : build(kind, state, value.blocks, revealed, value.cache);
    },
    provide: (f) => EditorView.decorations.from(f, (value) => value.decorations),
  });
  return { field, extension: field };
}

/**
 * Calls `visit` for each top-level block node of the parsed tree (not their insides: cheap),
 * until it returns false.
 */
export function eachTopLevelNode(
  state: EditorState,
  visit: (name: string, from: number, to: number, node: () => SyntaxNode) => boolean | void,
): void {
  const cursor = syntaxTree(state).cursor();
  if (!cursor.firstChild()) return;
  do if (visit(cursor.name, cursor.from, cursor.to, () => cursor.node) === false) return;
  while (cursor.nextSibling());
}
