/**
 * The parts of a note that `block:`, `section:` and `task:` match within, as Obsidian's search
 * help defines them: a section is the text between two headings, a block a paragraph, a list
 * item (without the items nested under it), a heading, a code block, a table or a whole quote or
 * callout; a task a list item with a checkbox, `[ ]` to do and any other mark done.
 *
 * Read line by line (one pass, no markdown parser: remark took ~1 ms per KB, and these checks
 * run on every candidate note within the query's budget). Headings are the index's own
 * (`headingLines`, from vault/scan), so a section ends where the outline says a heading is;
 * fenced code is skipped for tasks and kept whole as one block.
 */

/** [start, end) offsets in the note's text. */
export type Range = [number, number];

export type NoteUnits = {
  blocks: Range[];
  sections: Range[];
  tasks: { range: Range; done: boolean }[];
};

const FENCE = /^(?:[ \t]*>)*[ \t]*(`{3,}|~{3,})/;
const QUOTE = /^[ \t]{0,3}>/;
const ITEM = /^((?:[ \t]*>)*)([ \t]*)([-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;
const CHECKBOX = /^\[([^\]\n])\](?:[ \t]|$)/;
const THEMATIC = /^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const ATX = /^(?:[ \t]*>)*[ \t]{0,3}#{1,6}(?:[ \t]|$)/;
const SETEXT_UNDERLINE = /^[ \t]{0,3}(?:=+|-+)[ \t]*$/;
const FRONTMATTER_END = /^(?:---|\.\.\.)[ \t]*$/;

type Open = { kind: 'paragraph' | 'item' | 'quote' | 'heading' | 'fence'; start: number; end: number };

/**
 * The note's blocks, sections and tasks. `headingLines`: the 1-based lines where the index found
 * headings; null to find ATX headings (`# …`) here instead.
 */
export function noteUnits(text: string, headingLines: ReadonlySet<number> | null): NoteUnits {
  const blocks: Range[] = [];
  const sections: Range[] = [];
  const tasks: { range: Range; done: boolean; end: number }[] = [];
  let open: Open | null = null;
  /** The task being read, until its item ends. */
  let task: { range: Range; done: boolean; end: number } | null = null;
  let fence: { marker: string; length: number } | null = null;
  let sectionStart = -1;
  let setext = false;
  let previousBlank = true;

  const close = () => {
    if (open) blocks.push([open.start, open.end]);
    open = null;
    setext = false;
  };
  const endTask = () => {
    if (task) tasks.push(task);
    task = null;
  };
  const startSection = (at: number) => {
    if (sectionStart >= 0 && at > sectionStart) sections.push([sectionStart, trimEnd(text, sectionStart, at)]);
    sectionStart = at;
  };

  let lineNo = 0;
  let pos = 0;
  // Frontmatter is the note's properties: in no block or section.
  if (text.startsWith('---')) {
    const first = text.indexOf('\n');
    if (first >= 0 && /^---[ \t]*$/.test(text.slice(0, first))) {
      let at = first + 1;
      let line = 2;
      while (at <= text.length) {
        const nl = text.indexOf('\n', at);
        const end = nl < 0 ? text.length : nl;
        if (FRONTMATTER_END.test(text.slice(at, end))) {
          pos = nl < 0 ? text.length : nl + 1;
          lineNo = line;
          break;
        }
        if (nl < 0) break;
        at = nl + 1;
        line++;
      }
    }
  }
  sectionStart = pos;

  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(pos, end);
    lineNo++;
    const blank = line.trim() === '' || /^(?:[ \t]*>)+[ \t]*$/.test(line);

    if (fence) {
      if (open) open.end = end;
      if (task) task.end = end;
      const close = FENCE.exec(line);
      if (close && close[1]?.[0] === fence.marker && (close[1]?.length ?? 0) >= fence.length) fence = null;
    } else if (headingLines ? headingLines.has(lineNo) : ATX.test(line)) {
      // A heading starts a section and is a block of its own (a setext one runs to its underline).
      close();
      endTask();
      startSection(pos);
      open = { kind: 'heading', start: pos, end };
      setext = !ATX.test(line);
      if (!setext) close();
    } else if (setext) {
      if (open) open.end = end;
      if (SETEXT_UNDERLINE.test(line)) close();
    } else if (blank) {
      // A blank line ends a paragraph and a quote; a list item goes on if indented text follows.
      if (open && open.kind !== 'item') close();
    } else {
      const fenceOpen = FENCE.exec(line);
      const item = ITEM.exec(line);
      const quoted = QUOTE.test(line);
      const indented = /^(?:[ \t]*>)*(?: {2,}|\t)/.test(line);
      if (item && !THEMATIC.test(line.slice(item[1]?.length ?? 0))) {
        // Each list item is a block of its own, nested ones too; inside a quote, the quote is.
        endTask();
        const checkbox = CHECKBOX.exec(line.slice(item[0].length));
        // The task's text: after its checkbox, so `task:x` does not find the "x" of "[x]".
        const textStart = pos + item[0].length + (checkbox?.[0].length ?? 0);
        if (checkbox) task = { range: [textStart, end], done: checkbox[1] !== ' ', end };
        if (!(quoted && open?.kind === 'quote')) {
          close();
          open = { kind: quoted ? 'quote' : 'item', start: pos, end };
        } else open.end = end;
      } else if (THEMATIC.test(line)) {
        close();
        endTask();
        blocks.push([pos, end]);
      } else if (quoted) {
        if (open?.kind !== 'quote') {
          close();
          endTask();
          open = { kind: 'quote', start: pos, end };
        } else open.end = end;
        if (task) task.end = end;
      } else if (open?.kind === 'item' && (indented || (!fenceOpen && !previousBlank))) {
        // The item's own text goes on: indented, or lazily right after it. A fence in it too.
        open.end = end;
        if (task) task.end = end;
      } else {
        if (!open || open.kind !== 'paragraph' || fenceOpen) {
          close();
          endTask();
          open = { kind: fenceOpen ? 'fence' : 'paragraph', start: pos, end };
        } else open.end = end;
      }
      if (fenceOpen) fence = { marker: fenceOpen[1]?.[0] as string, length: fenceOpen[1]?.length ?? 3 };
    }
    if (blank && task) endTask();
    previousBlank = blank && !fence;
    pos = nl < 0 ? text.length : nl + 1;
  }
  close();
  endTask();
  startSection(text.length);
  return {
    blocks,
    sections,
    tasks: tasks.map((t) => ({ range: [t.range[0], t.end] as Range, done: t.done })),
  };
}

/** `end` moved back over the blank lines ending a section. */
function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  return end;
}
