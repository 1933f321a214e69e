import { describe, expect, it } from 'vitest';
import { noteMetaFromMarkdown } from '../../oracle/note-meta-from-markdown';

describe('noteMetaFromMarkdown', () => {
  it('assembles every fact of a note', () => {
    const text =
      '---\ntitle: Alpha note\naliases: [First]\ntags: [x]\n---\n\n# Alpha\n\nLinks to [[beta | Beta]] #inline ^blk\n';
    expect(noteMetaFromMarkdown('notes/alpha.md', text)).toEqual({
      path: 'notes/alpha.md',
      title: 'Alpha note',
      aliases: ['First'],
      frontmatter: { title: 'Alpha note', aliases: ['First'], tags: ['x'] },
      headings: [{ level: 1, text: 'Alpha', line: 7 }],
      blocks: [{ id: 'blk', line: 9 }],
      tags: [
        { tag: 'x', line: null },
        { tag: 'inline', line: 9 },
      ],
      links: [
        {
          raw: '[[beta | Beta]]',
          target: 'beta',
          headings: [],
          block: null,
          alias: 'Beta',
          style: 'wiki',
          embed: false,
          start: text.indexOf('[['),
          end: text.indexOf(']]') + 2,
          line: 9,
        },
      ],
      problems: [],
    });
  });

  it('titles a note by frontmatter, else its first H1, else its file name', () => {
    expect(noteMetaFromMarkdown('a/b.md', '## Two\n\n# One **bold**\n\n# Later').title).toBe('One bold');
    expect(noteMetaFromMarkdown('a/My note.md', '## Two').title).toBe('My note');
  });

  it('indexes what it can of a note with broken YAML', () => {
    const meta = noteMetaFromMarkdown('x.md', '---\ntitle: [\n---\n# Heading\n[[a]]');
    expect(meta.title).toBe('Heading');
    expect(meta.links.map((link) => link.target)).toEqual(['a']);
    expect(meta.problems).toMatchObject([{ kind: 'yaml' }]);
  });
});
