import {
  StateEffect,
  StateField,
  type EditorState,
  type Extension,
  type Range,
  type Text,
  type TransactionSpec,
} from '@codemirror/state';
import { invertedEffects } from '@codemirror/commands';
import { Decoration, EditorView, WidgetType, type DecorationSet } from '@codemirror/view';
import {
  baseWithOpenConflicts,
  CLOSE_MARKER,
  MIDDLE_MARKER,
  OPEN_MARKER,
  type MergeConflict,
  type SideForm,
} from './three-way-merge';

/**
 * A conflict is a state of the editor, not a pattern in its text: the merge that wrote the
 * markers says where they are, and only those blocks are ever resolved. Lines in the note that
 * merely look like markers (a note about git, a code block) are text like any other.
 */
export type Conflicts = {
  /** The disk text the open blocks were merged against (the "theirs" the person sees). */
  theirs: string;
  /** The open blocks, in order, their offsets mapped through every edit since. */
  blocks: MergeConflict[];
};

/** Where a tracked block's parts are in the editor's text now. */
export type BlockRange = {
  block: MergeConflict;
  from: number;
  /** After the closing marker's "\n" (or the text's end, if the person removed that "\n"). */
  to: number;
  mine: { from: number; to: number };
  theirs: { from: number; to: number };
};

/** Starts tracking a merge's blocks (null: no conflict any more). */
export const setConflicts = StateEffect.define<Conflicts | null>();

/** Puts back blocks a change settled, when that change is undone (positions as after the undo). */
const restoreConflicts = StateEffect.define<Conflicts>({
  map: (value, mapping) => ({
    theirs: value.theirs,
    blocks: value.blocks.map((b) => ({
      ...b,
      from: mapping.mapPos(b.from, 1),
      mid: mapping.mapPos(b.mid, 1),
      end: mapping.mapPos(b.end, 1),
    })),
  }),
});

/** The marker line starting at `pos` holds exactly `marker`. */
function markerAt(doc: Text, pos: number, marker: string): boolean {
  if (pos < 0 || pos > doc.length) return false;
  const line = doc.lineAt(pos);
  return line.from === pos && line.length === marker.length && doc.sliceString(line.from, line.to) === marker;
}

/** A block stays open while its three marker lines are there, unedited; editing one settles it by hand. */
function intact(doc: Text, b: MergeConflict): boolean {
  return (
    b.from < b.mid &&
    b.mid < b.end &&
    markerAt(doc, b.from, OPEN_MARKER) &&
    markerAt(doc, b.mid, MIDDLE_MARKER) &&
    markerAt(doc, b.end, CLOSE_MARKER)
  );
}

const field = StateField.define<Conflicts | null>({
  create: () => null,
  update(value, tr) {
    for (const effect of tr.effects) if (effect.is(setConflicts)) return effect.value;
    // A whole line inserted at the start of a marker line goes before it (assoc 1), so lines
    // added above a marker join the side above it and typing on a marker line breaks it.
    let blocks = (value?.blocks ?? []).map((b) => ({
      ...b,
      from: tr.changes.mapPos(b.from, 1),
      mid: tr.changes.mapPos(b.mid, 1),
      end: tr.changes.mapPos(b.end, 1),
    }));
    let theirs = value?.theirs ?? '';
    for (const effect of tr.effects) {
      if (!effect.is(restoreConflicts)) continue;
      theirs = value?.theirs ?? effect.value.theirs;
      const known = new Set(blocks.map((b) => b.from));
      blocks = [...blocks, ...effect.value.blocks.filter((b) => !known.has(b.from))].sort((x, y) => x.from - y.from);
    }
    if (!tr.docChanged && blocks.length === (value?.blocks.length ?? 0)) return value;
    blocks = blocks.filter((b) => intact(tr.state.doc, b));
    return blocks.length === 0 ? null : { theirs, blocks };
  },
});

/** The editor's open conflicts, or null (also when the editor was built without them). */
export function openConflicts(state: EditorState): Conflicts | null {
  return state.field(field, false) ?? null;
}

export function hasOpenConflicts(state: EditorState): boolean {
  return openConflicts(state) !== null;
}

/** Where each open block is now. */
export function blockRanges(state: EditorState): BlockRange[] {
  const doc = state.doc;
  return (openConflicts(state)?.blocks ?? []).map((block) => {
    const open = doc.lineAt(block.from);
    const mid = doc.lineAt(block.mid);
    const close = doc.lineAt(block.end);
    return {
      block,
      from: block.from,
      to: Math.min(close.to + 1, doc.length),
      mine: { from: Math.min(open.to + 1, block.mid), to: block.mid },
      theirs: { from: Math.min(mid.to + 1, block.end), to: block.end },
    };
  });
}

export type Keep = 'mine' | 'theirs' | 'both';

/**
 * The change that replaces one block by what it keeps. A side's lines are kept as shown (edits
 * to them included); at the end of the text, the "\n" that only kept the closing marker on a
 * line of its own goes again, so the text ends as that side's did.
 */
export function resolveChange(doc: Text, range: BlockRange, keep: Keep): { from: number; to: number; insert: string } {
  const mine = doc.sliceString(range.mine.from, range.mine.to);
  const theirs = doc.sliceString(range.theirs.from, range.theirs.to);
  let from = range.from;
  let insert = keep === 'mine' ? mine : keep === 'theirs' ? theirs : mine + theirs;
  const form: SideForm = keep === 'mine' ? range.block.mineForm : range.block.theirsForm;
  // Only when nothing follows the block: text typed after it keeps its line.
  if (range.to === doc.length) {
    if (form === 'bare' || (form === 'none' && insert !== '')) insert = insert.replace(/\n$/, '');
    else if (form === 'none' && from > 0 && doc.sliceString(from - 1, from) === '\n') from -= 1;
  }
  return { from, to: range.to, insert };
}

/** The text with every open block replaced by the same side (what "Keep my version" saves). */
export function textKeeping(state: EditorState, keep: 'mine' | 'theirs'): string {
  const doc = state.doc;
  let out = '';
  let at = 0;
  for (const range of blockRanges(state)) {
    const change = resolveChange(doc, range, keep);
    out += doc.sliceString(at, change.from) + change.insert;
    at = change.to;
  }
  return out + doc.sliceString(at);
}

/** A transaction that settles every open block with the same side, tracked no more. */
export function resolveAllSpec(state: EditorState, keep: 'mine' | 'theirs'): TransactionSpec {
  const changes = blockRanges(state).map((range) => resolveChange(state.doc, range, keep));
  return { changes, effects: setConflicts.of(null), userEvent: 'input.resolve' };
}

/**
 * The inputs for merging a newer disk text into a conflict still open: the person's text with
 * each open block back to its "mine" side, and a base in which the places already settled are
 * as the person last saw the disk, so they stay settled, and open places are as before both
 * changes, so they stay conflicts (with the newest disk text as their "theirs").
 */
export function remergeInputs(state: EditorState): { base: string; mine: string } | null {
  const conflicts = openConflicts(state);
  if (!conflicts) return null;
  return { base: baseWithOpenConflicts(conflicts.theirs, conflicts.blocks), mine: textKeeping(state, 'mine') };
}

/** Puts tracked blocks in the editor (adding the field first if this editor was built without it). */
export function trackConflicts(view: EditorView, conflicts: Conflicts | null): void {
  if (!view.state.field(field, false)) {
    if (!conflicts) return;
    view.dispatch({ effects: StateEffect.appendConfig.of(conflictMarkers()) });
  }
  view.dispatch({ effects: setConflicts.of(conflicts && conflicts.blocks.length > 0 ? conflicts : null) });
}

const markerLine = Decoration.line({ class: 'cm-conflict-marker' });
const mineLine = Decoration.line({ class: 'cm-conflict-mine' });
const theirsLine = Decoration.line({ class: 'cm-conflict-theirs' });

/** "Keep mine | Keep disk | Keep both" above a block. */
class BlockActions extends WidgetType {
  constructor(readonly from: number) {
    super();
  }

  override eq(other: BlockActions): boolean {
    return other.from === this.from;
  }

  toDOM(view: EditorView): HTMLElement {
    const bar = document.createElement('div');
    bar.className = 'cm-conflict-actions';
    const choices: [Keep, string][] = [
      ['mine', 'Keep mine'],
      ['theirs', 'Keep disk'],
      ['both', 'Keep both'],
    ];
    for (const [keep, label] of choices) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = label;
      button.addEventListener('mousedown', (event) => event.preventDefault());
      button.addEventListener('click', () => {
        const range = blockRanges(view.state).find((r) => r.from === this.from);
        if (range) view.dispatch({ changes: resolveChange(view.state.doc, range, keep), userEvent: 'input.resolve' });
      });
      bar.append(button);
    }
    return bar;
  }

  override ignoreEvent(): boolean {
    return true;
  }
}

function decorate(state: EditorState): DecorationSet {
  const doc = state.doc;
  const ranges: Range<Decoration>[] = [];
  const lines = (from: number, to: number, deco: Decoration) => {
    // `to` is the start of the next marker line; the side's last line ends just before it.
    for (let pos = from; pos < to;) {
      const line = doc.lineAt(pos);
      ranges.push(deco.range(line.from));
      pos = line.to + 1;
    }
  };
  for (const range of blockRanges(state)) {
    ranges.push(Decoration.widget({ widget: new BlockActions(range.from), block: true, side: -1 }).range(range.from));
    ranges.push(markerLine.range(range.from));
    lines(range.mine.from, range.mine.to, mineLine);
    ranges.push(markerLine.range(range.block.mid));
    lines(range.theirs.from, range.theirs.to, theirsLine);
    ranges.push(markerLine.range(range.block.end));
  }
  return Decoration.set(ranges, true);
}

const decorations = StateField.define<DecorationSet>({
  create: decorate,
  update: (value, tr) =>
    tr.docChanged || tr.startState.field(field, false) !== tr.state.field(field, false) ? decorate(tr.state) : value,
  provide: (f) => EditorView.decorations.from(f),
});

/** Undoing a change that settled blocks (by hand or with a button) opens them again. */
const undoable = invertedEffects.of((tr) => {
  const before = tr.startState.field(field, false);
  if (!before || !tr.docChanged) return [];
  const after = tr.state.field(field, false);
  return (after?.blocks.length ?? 0) < before.blocks.length ? [restoreConflicts.of(before)] : [];
});

/** How conflict blocks look: colours from the app's CSS variables (they follow light/dark). */
const conflictTheme = EditorView.baseTheme({
  '.cm-conflict-marker': {
    background: 'color-mix(in srgb, var(--error) 14%, transparent)',
    color: 'var(--error)',
    fontFamily: 'var(--font-mono)',
    fontWeight: '600',
  },
  '.cm-conflict-mine': {
    background: 'color-mix(in srgb, var(--accent) 10%, transparent)',
    boxShadow: 'inset 3px 0 0 var(--accent)',
  },
  '.cm-conflict-theirs': {
    background: 'color-mix(in srgb, #2f9e44 12%, transparent)',
    boxShadow: 'inset 3px 0 0 #2f9e44',
  },
  '.cm-conflict-actions': {
    display: 'flex',
    gap: '6px',
    padding: '2px 0',
    fontFamily: 'var(--font-ui)',
    fontSize: '0.8em',
  },
  '.cm-conflict-actions button': {
    border: '1px solid var(--border)',
    borderRadius: '4px',
    background: 'var(--bg-alt)',
    color: 'var(--accent)',
    cursor: 'pointer',
    padding: '0 6px',
  },
  '.cm-conflict-actions button:hover': { background: 'var(--bg)' },
});

const extension: Extension = [field, decorations, undoable, conflictTheme];

/** The editor's conflict state, with its blocks coloured and their actions above them. */
export function conflictMarkers(): Extension {
  return extension;
}
