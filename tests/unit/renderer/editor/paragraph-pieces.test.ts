import { markdownLanguage } from '@codemirror/lang-markdown';
import { TreeFragment } from '@lezer/common';
import type { InlineContext, MarkdownConfig, MarkdownParser } from '@lezer/markdown';
import { describe, expect, it } from 'vitest';
import { linearLinkSyntax } from '../../../../renderer/src/editor/linear-link-syntax';
import { PARAGRAPH_PIECE_CHARS, paragraphPieces } from '../../../../renderer/src/editor/paragraph-pieces';
import { wikiLinkSyntax } from '../../../../renderer/src/editor/wiki-link-syntax';
import { linkNote } from '../../../helpers/link-note';

/** The editor's base parser (typed by CodeMirror as any lezer parser). */
const gfm = markdownLanguage.parser as MarkdownParser;

/** The parser, and how many characters of inline text it has read (each section counted once). */
function countingInlineText(extensions: MarkdownConfig[]): { parser: MarkdownParser; read: () => number } {
  let read = 0;
  const seen = new WeakSet<InlineContext>();
  const counter: MarkdownConfig = {
    parseInline: [
      {
        name: 'CountInlineText',
        before: 'Escape',
        parse(cx) {
          if (!seen.has(cx)) {
            seen.add(cx);
            read += cx.text.length;
          }
          return -1;
        },
      },
    ],
  };
  return { parser: gfm.configure([...extensions, counter]), read: () => read };
}

/** Types one character at `at` and reparses with the old tree's fragments: inline text re-read. */
function reparsedAfterEdit(extensions: MarkdownConfig[], text: string, at: number): number {
  const { parser, read } = countingInlineText(extensions);
  const tree = parser.parse(text);
  const before = read();
  const edited = text.slice(0, at) + 'x' + text.slice(at);
  const fragments = TreeFragment.applyChanges(TreeFragment.addTree(tree), [
    { fromA: at, toA: at, fromB: at, toB: at + 1 },
  ]);
  parser.parse(edited, fragments);
  return read() - before;
}

const editor = [wikiLinkSyntax, linearLinkSyntax, paragraphPieces];

describe('paragraphPieces', () => {
  const text = linkNote(40_000);

  it('re-reads one piece of a 40k-link paragraph after a keystroke, not the whole paragraph', () => {
    for (const at of [text.length - 1, Math.floor(text.length / 2)]) {
      expect(reparsedAfterEdit(editor, text, at)).toBeLessThan(3 * PARAGRAPH_PIECE_CHARS);
    }
    // Without the pieces the whole paragraph (the whole note) is read again.
    expect(reparsedAfterEdit([wikiLinkSyntax, linearLinkSyntax], text, text.length - 1)).toBeGreaterThan(
      text.length - 10,
    );
  });

  it('still finds every link, and leaves short paragraphs and long tables whole', () => {
    const parser = gfm.configure(editor);
    let links = 0;
    parser.parse(text).iterate({ enter: (n) => void (n.name === 'Link' && links++) });
    expect(links).toBe(40_000);

    const rows = Array.from({ length: 3000 }, (_, i) => `| ${i} | [t](n${i}.md) |`);
    const table = ['| a | b |', '| --- | --- |', ...rows].join('\n');
    const names: string[] = [];
    parser.parse(table).iterate({ enter: (n) => void names.push(n.name) });
    expect(names.filter((n) => n === 'Table')).toHaveLength(1);
    expect(names.filter((n) => n === 'TableRow')).toHaveLength(3000);

    const prose = Array.from({ length: 100 }, (_, i) => `line ${i} of one paragraph`).join('\n');
    const paragraphs: string[] = [];
    parser.parse(prose).iterate({ enter: (n) => void (n.name === 'Paragraph' && paragraphs.push(n.name)) });
    expect(paragraphs).toHaveLength(1);
  });
});
