import { syntaxTree } from '@codemirror/language';
import type { SyntaxNode } from '@lezer/common';
import { StateField, type EditorState, type Extension, type Transaction } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import { selectionTouches } from './reveal';
import { topLevelChange, UNCHANGED, type TopLevelChange } from './top-level-change';

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

/** Part of a note, as whole lines: the top-level nodes starting in `[from, to)`. */
export type LineRange = { from: number; to: number };

/** What one kind of block needs to be shown: where the blocks are and how each is drawn. */
export type BlockKind<B extends Block> = {
  /**
   * The blocks in the state's syntax tree, in document order (never parses further), from the
   * top-level nodes starting in `range` (the whole note without one).
   */
  find(state: EditorState, range?: LineRange): B[];
  /** The block moved by `by` characters, its text unchanged (default: from, to and widgetAt move). */
  shift?: (block: B, by: number) => B;
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

/** Decorations kept beyond those drawn (see build). */
const CACHE_SPARE = 100;

function revealedBy(state: EditorState, blocks: readonly Block[]): boolean[] {
  return blocks.map((block) => selectionTouches(state, block.from, block.to));
}

function sameFlags(a: readonly boolean[], b: readonly boolean[]): boolean {
  return a.length === b.length && a.every((flag, index) => flag === b[index]);
}

function shiftPositions<B extends Block>(block: B, by: number): B {
  const moved = { ...block, from: block.from + by, to: block.to + by };
  if (block.widgetAt !== undefined) moved.widgetAt = block.widgetAt + by;
  return moved;
}

/**
 * The blocks after `change`: those before it kept, those in it found again, those after it
 * moved. In document order, as `find` gives them.
 */
function refind<B extends Block>(
  kind: BlockKind<B>,
  state: EditorState,
  blocks: readonly B[],
  change: TopLevelChange,
): B[] {
  const shift = kind.shift ?? shiftPositions;
  const kept = blocks.filter((block) => block.to < change.from);
  const found = kind.find(state, { from: change.from, to: change.to });
  const moved = blocks
    .filter((block) => block.from >= change.toBefore)
    .map((block) => (change.shift === 0 ? block : shift(block, change.shift)));
  return [...kept, ...found, ...moved];
}

/**
 * A StateField holding one kind of block's decorations (block decorations must come from state,
 * not from a view plugin). An edit finds blocks again only where the top-level syntax changed
 * (see topLevelChange), so a keystroke in a long note costs the same as in a short one; a
 * selection change redraws only when it crosses a block's edge; and an unchanged block keeps its
 * decoration (and so its widget and DOM).
 */
export function blockField<B extends Block>(
  kind: BlockKind<B>,
): { field: StateField<BlockFieldValue<B>>; extension: Extension } {
  const field = StateField.define<BlockFieldValue<B>>({
    create(state) {
      const blocks = kind.find(state);
      return build(kind, state, blocks, revealedBy(state, blocks), new Map());
    },
    update(value, tr) {
      const { state } = tr;
      const change = kind.changesKeys?.(tr) ? 'all' : topLevelChange(tr);
      if (change !== UNCHANGED) {
        const blocks = change === 'all' ? kind.find(state) : refind(kind, state, value.blocks, change);
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
 * Calls `visit` for each top-level block node of the parsed tree (not their insides: cheap)
 * that starts in `range` (anywhere without one), until it returns false.
 */
export function eachTopLevelNode(
  state: EditorState,
  visit: (name: string, from: number, to: number, node: () => SyntaxNode) => boolean | void,
  range?: LineRange,
): void {
  const from = range?.from ?? 0;
  const to = range?.to ?? Infinity;
  const cursor = syntaxTree(state).cursor();
  // childAfter: the first top-level node ending after `from` (a skip through the tree, not a walk).
  if (from > 0 ? !cursor.childAfter(from) : !cursor.firstChild()) return;
  do {
    if (cursor.from < from) continue;
    if (cursor.from >= to) return;
    if (visit(cursor.name, cursor.from, cursor.to, () => cursor.node) === false) return;
  } while (cursor.nextSibling());
}
