import type { EditorState, Extension } from '@codemirror/state';
import { Decoration, EditorView, WidgetType } from '@codemirror/view';
import type { SyntaxNode } from '@lezer/common';
import { blockField, eachTopLevelNode, type Block, type LineRange } from './block-field';
import type { RenderedMarkdown } from './rendered-html';
import { revealOnClick } from './reveal';

export type Alignment = 'left' | 'center' | 'right' | null;

/** A GFM table: its header, alignments and rows, each cell as written (trimmed). */
export type TableBlock = Block & { source: string; header: string[]; align: Alignment[]; rows: string[][] };

const BREAK = /<br\s*\/?>/i;

/** `:--` left, `:-:` centre, `--:` right, `---` none: one per column of the delimiter row. */
export function alignments(delimiterRow: string): Alignment[] {
  return delimiterRow
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => {
      const spec = cell.trim();
      const left = spec.startsWith(':');
      const right = spec.endsWith(':') && spec.length > 1;
      return left && right ? 'center' : left ? 'left' : right ? 'right' : null;
    });
}

/**
 * The cells of a header or body row, from the tree's cell delimiters (an empty cell has no
 * node of its own; an escaped `\|` is not a delimiter).
 */
function rowCells(state: EditorState, row: SyntaxNode): string[] {
  const { from, to } = row;
  const pipes: number[] = [];
  for (let child = row.firstChild; child; child = child.nextSibling) {
    if (child.name === 'TableDelimiter') pipes.push(child.from);
  }
  const cells: string[] = [];
  let start = from;
  for (const pipe of pipes) {
    const text = state.sliceDoc(start, pipe);
    if (start !== from || text.trim() !== '') cells.push(text.trim());
    start = pipe + 1;
  }
  const rest = state.sliceDoc(start, to);
  if (rest.trim() !== '' || pipes.length === 0) cells.push(rest.trim());
  return cells;
}

/** The note's top-level tables, read from the tree. */
export function findTables(state: EditorState, range?: LineRange): TableBlock[] {
  const found: TableBlock[] = [];
  eachTopLevelNode(
    state,
    (name, from, to, nodeOf) => {
      if (name !== 'Table') return;
      const node = nodeOf();
      let header: string[] = [];
      let align: Alignment[] = [];
      const rows: string[][] = [];
      for (let child = node.firstChild; child; child = child.nextSibling) {
        if (child.name === 'TableHeader') header = rowCells(state, child);
        else if (child.name === 'TableDelimiter') align = alignments(state.sliceDoc(child.from, child.to));
        else if (child.name === 'TableRow') rows.push(rowCells(state, child));
      }
      const source = state.sliceDoc(from, to);
      found.push({ from, to, key: `table:${source}`, source, header, align, rows });
    },
    range,
  );
  return found;
}

/** A cell's text with `<br>` as line breaks and `\|` as `|` (the plain drawing, before rendering). */
function fillCell(cell: HTMLElement, text: string, align: Alignment): void {
  if (align) cell.style.textAlign = align;
  text
    .replaceAll('\\|', '|')
    .split(BREAK)
    .forEach((part, index) => {
      if (index > 0) cell.append(document.createElement('br'));
      cell.append(part);
    });
}

/** The table as a grid; its cells' inline markdown rendered by the app's renderer when it has one. */
class TableWidget extends WidgetType {
  constructor(
    readonly table: TableBlock,
    readonly rendered: RenderedMarkdown,
  ) {
    super();
  }

  override eq(other: TableWidget): boolean {
    return other.table.source === this.table.source;
  }

  toDOM(view: EditorView): HTMLElement {
    const { header, align, rows, source } = this.table;
    const dom = document.createElement('div');
    dom.className = 'cm-lp-table';
    const table = document.createElement('table');
    const head = table.createTHead().insertRow();
    header.forEach((text, column) => {
      const cell = document.createElement('th');
      fillCell(cell, text, align[column] ?? null);
      head.append(cell);
    });
    const body = table.createTBody();
    for (const row of rows) {
      const line = body.insertRow();
      header.forEach((_, column) => fillCell(line.insertCell(), row[column] ?? '', align[column] ?? null));
    }
    dom.append(table);
    // The whole table in one render: one call, the renderer's own alignment and `<br>` handling.
    this.rendered.fill(dom, source, view);
    revealOnClick(dom, view);
    return dom;
  }

  override ignoreEvent(): boolean {
    return true;
  }
}

const theme = EditorView.baseTheme({
  // The editor's wrapping breaks anywhere, which lets a narrow table split numbers and words
  // letter by letter; cells break only between words, and a table too wide scrolls.
  '.cm-lp-table': {
    overflowX: 'auto',
    margin: '4px 2px 4px 6px', // the lines' own padding: the grid lines up with the text
    cursor: 'text',
    whiteSpace: 'normal',
    overflowWrap: 'normal',
    wordBreak: 'normal',
  },
  '.cm-lp-table table': { borderCollapse: 'collapse' },
  '.cm-lp-table th, .cm-lp-table td': { border: '1px solid var(--border)', padding: '4px 10px', verticalAlign: 'top' },
  '.cm-lp-table th': { background: 'var(--bg-alt)', fontWeight: '600' },
  '&light .cm-lp-table th, &light .cm-lp-table td': { borderColor: 'var(--border, #dcdcd9)' },
  '&dark .cm-lp-table th, &dark .cm-lp-table td': { borderColor: 'var(--border, #3a3a42)' },
  '&light .cm-lp-table th': { background: 'var(--bg-alt, #f5f5f4)' },
  '&dark .cm-lp-table th': { background: 'var(--bg-alt, #26262b)' },
});

/** GFM tables drawn as grids off the cursor; the raw table returns when the cursor enters it. */
export function tables(rendered: RenderedMarkdown): Extension {
  const { extension } = blockField<TableBlock>({
    find: findTables,
    decorate: (block) => Decoration.replace({ block: true, widget: new TableWidget(block, rendered) }),
  });
  return [extension, theme];
}
