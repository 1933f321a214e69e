import { ensureSyntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { noteMarkdown } from '../../../../renderer/src/editor/note-editor';
import { threeWayMerge } from '../../../../renderer/src/saving/three-way-merge';

/** The editor's markdown tree of `doc` as "Name text" lines, block nodes only. */
function blocks(doc: string): string[] {
  const state = EditorState.create({ doc, extensions: noteMarkdown() });
  const tree = ensureSyntaxTree(state, doc.length, 5_000);
  if (!tree) throw new Error('no tree');
  const out: string[] = [];
  tree.iterate({
    enter: (node) => {
      if (/^(Document|Paragraph|Emphasis|Text)$/.test(node.name) && node.name !== 'Paragraph') return;
      out.push(`${node.name} ${doc.slice(node.from, node.to).split('\n')[0]}`);
    },
  });
  return out;
}

describe('conflict markers in the editor’s markdown', () => {
  it('a merge’s conflict parses as markers around its sides: "your" line is no setext heading', () => {
    const merged = threeWayMerge('Intro\n\nA line\n', 'Intro\n\nMy line\n', 'Intro\n\nTheir line\n');
    expect(merged.conflicts).toBe(1);
    expect(blocks(merged.text)).toEqual([
      'Paragraph Intro',
      'ConflictBlock <<<<<<< your edits',
      'ConflictMarker <<<<<<< your edits',
      'Paragraph My line',
      'ConflictMarker =======',
      'Paragraph Their line',
      'ConflictMarker >>>>>>> on disk',
    ]);
  });

  it('the closing marker is not a quote, and the text after it parses on its own', () => {
    const doc = '<<<<<<< your edits\n# Mine\n=======\n# Theirs\n>>>>>>> on disk\nAfter\n';
    const tree = blocks(doc);
    expect(tree).toContain('ConflictMarker >>>>>>> on disk');
    expect(tree).toContain('Paragraph After');
    expect(tree.some((n) => n.startsWith('Blockquote'))).toBe(false);
  });

  it('a side ending in a list item keeps the middle marker a marker', () => {
    const doc = '<<<<<<< your edits\n- mine\n=======\n- theirs\n>>>>>>> on disk\n';
    expect(blocks(doc)).toContain('ConflictMarker =======');
    expect(blocks(doc).some((n) => n.startsWith('SetextHeading'))).toBe(false);
  });

  it('outside a conflict, a title underlined with seven "=" is still a setext heading', () => {
    expect(blocks('Title\n=======\n\nText\n')).toEqual([
      'SetextHeading1 Title',
      'HeaderMark =======',
      'Paragraph Text',
    ]);
  });
});
