import type { BlockContext, Line, MarkdownConfig } from '@lezer/markdown';
import { CLOSE_MARKER, MIDDLE_MARKER, OPEN_MARKER } from '../saving/three-way-merge';

/** The line (from the current block's start) holds exactly `marker`. */
function lineIs(line: Line, marker: string): boolean {
  return line.text.slice(line.pos) === marker;
}

/** Inside a ConflictBlock, at any depth (a side's list or quote included). */
function inConflict(cx: BlockContext): boolean {
  for (let depth = cx.depth - 1; depth > 0; depth--) if (cx.parentType(depth).name === 'ConflictBlock') return true;
  return false;
}

/** The line is a marker of a conflict block: its opening line anywhere, the others inside one. */
function isMarker(cx: BlockContext, line: Line): boolean {
  return lineIs(line, OPEN_MARKER) || lineIs(line, CLOSE_MARKER) || (lineIs(line, MIDDLE_MARKER) && inConflict(cx));
}

/** Adds the current line as a ConflictMarker and moves past it. */
function addMarker(cx: BlockContext, line: Line): true {
  cx.addElement(cx.elt('ConflictMarker', cx.lineStart + line.pos, cx.lineStart + line.text.length));
  cx.nextLine();
  return true;
}

/**
 * The lines a merge writes around a conflict (saving/three-way-merge.ts) as blocks of their own
 * in the editor's markdown tree, so the text around them parses as it would without them. Left
 * to CommonMark, `=======` under "your" line is a setext underline: that line (and the opening
 * marker above it, when they join one paragraph) turned into a heading.
 *
 * `<<<<<<< your edits` starts a ConflictBlock (its sides parse as markdown inside it) that runs
 * to the line before `>>>>>>> on disk`; `=======` is a marker only inside one, so a setext
 * heading underlined with seven `=` anywhere else stays a heading. Which blocks are open
 * conflicts is the editor's state (saving/conflict-markers.ts), which also colours them: these
 * nodes carry no style and only keep the parse from reading the markers as markdown.
 *
 * Nodes: ConflictBlock > ConflictMarker (the opening and middle lines) and the sides' blocks;
 * ConflictMarker (the closing line, after the block).
 */
export const conflictMarkerSyntax: MarkdownConfig = {
  defineNodes: [
    {
      name: 'ConflictBlock',
      block: true,
      // Goes on (blank lines too) until the closing marker, which ends it.
      composite: (_cx, line) => !lineIs(line, CLOSE_MARKER),
    },
    { name: 'ConflictMarker', block: true },
  ],
  parseBlock: [
    {
      name: 'ConflictMarker',
      // Before Blockquote: the closing marker starts with `>`.
      before: 'Blockquote',
      parse(cx, line) {
        if (lineIs(line, OPEN_MARKER)) {
          cx.startComposite('ConflictBlock', line.pos);
          return addMarker(cx, line);
        }
        if (lineIs(line, CLOSE_MARKER) || (lineIs(line, MIDDLE_MARKER) && inConflict(cx))) return addMarker(cx, line);
        return false;
      },
      // A marker ends the paragraph above it (so `=======` cannot underline it).
      endLeaf: (cx, line) => isMarker(cx, line),
    },
  ],
};
