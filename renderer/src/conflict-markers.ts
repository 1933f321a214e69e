import { RangeSetBuilder, StateField, type EditorState, type Extension } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';

/** One conflict written out in the text: offsets of its marker lines and of both sides. */
export type ConflictBlock = {
  /** Start of the `<<<<<<<` line. */
  from: number;
  /** End of the `>>>>>>>` line (after its "\n" when there is one). */
  to: number;
  /** The person's lines (between `<<<<<<<` and `=======`), with their "\n". */
  mine: { from: number; to: number };
  /** The disk's lines (between `=======` and `>>>>>>>`). */
  theirs: { from: number; to: number };
};

const START = /^<{7}(?: |$)/;
const MIDDLE = /^={7}$/;
const END = /^>{7}(?: |$)/;

/** Every complete conflict block in `text`, in order; unfinished ones are not blocks. */
export function findConflicts(text: string): ConflictBlock[] {
  const blocks: ConflictBlock[] = [];
  let open: { from: number; mineFrom: number; mineTo: number | null; theirsFrom: number } | null = null;
  let offset = 0;
  while (offset <= text.length) {
    const newline = text.indexOf('\n', offset);
    const lineEnd = newline === -1 ? text.length : newline;
    const next = newline === -1 ? text.length : newline + 1;
    const line = text.slice(offset, lineEnd).replace(/\r$/, '');
    if (START.test(line)) {
      open = { from: offset, mineFrom: next, mineTo: null, theirsFrom: next };
    } else if (open && open.mineTo === null && MIDDLE.test(line)) {
      open.mineTo = offset;
      open.theirsFrom = next;
    } else if (open && open.mineTo !== null && END.test(line)) {
      blocks.push({
        from: open.from,
        to: next,
        mine: { from: open.mineFrom, to: open.mineTo },
        theirs: { from: open.theirsFrom, to: offset },
      });
      open = null;
    }
    if (newline === -1) break;
    offset = next;
  }
  return blocks;
}

export function hasConflicts(text: string): boolean {
  return findConflicts(text).length > 0;
}

/** The text with one block replaced by one side (or both, mine first). */
export function resolveConflict(text: string, block: ConflictBlock, keep: 'mine' | 'theirs' | 'both'): string {
  const mine = text.slice(block.mine.from, block.mine.to);
  const theirs = text.slice(block.theirs.from, block.theirs.to);
  let kept = keep === 'mine' ? mine : keep === 'theirs' ? theirs : mine + theirs;
  // A closing marker that ends the text without "\n" means the text ends without one.
  if (block.to === text.length && !text.endsWith('\n')) kept = kept.replace(/\n$/, '');
  return text.slice(0, block.from) + kept + text.slice(block.to);
}

/** The text with every block replaced by the same side. */
export function resolveAll(text: string, keep: 'mine' | 'theirs'): string {
  let out = text;
  for (const block of findConflicts(text).reverse()) out = resolveConflict(out, block, keep);
  return out;
}

const markerLine = Decoration.line({ class: 'cm-conflict-marker' });
const mineLine = Decoration.line({ class: 'cm-conflict-mine' });
const theirsLine = Decoration.line({ class: 'cm-conflict-theirs' });

function decorate(state: EditorState): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  const doc = state.doc;
  const lines = (from: number, to: number, deco: Decoration) => {
    // `to` is the start of the next marker line; the side's last line ends just before it.
    for (let pos = from; pos < to;) {
      const line = doc.lineAt(pos);
      builder.add(line.from, line.from, deco);
      pos = line.to + 1;
    }
  };
  for (const block of findConflicts(doc.toString())) {
    builder.add(block.from, block.from, markerLine);
    lines(block.mine.from, block.mine.to, mineLine);
    builder.add(doc.lineAt(block.mine.to).from, doc.lineAt(block.mine.to).from, markerLine);
    lines(block.theirs.from, block.theirs.to, theirsLine);
    const end = doc.lineAt(block.theirs.to);
    builder.add(end.from, end.from, markerLine);
  }
  return builder.finish();
}

/** Colours conflict blocks in the editor: marker lines, the person's side, the disk's side. */
export function conflictMarkers(): Extension {
  return StateField.define<DecorationSet>({
    create: decorate,
    update: (value, tr) => (tr.docChanged ? decorate(tr.state) : value),
    provide: (field) => EditorView.decorations.from(field),
  });
}
