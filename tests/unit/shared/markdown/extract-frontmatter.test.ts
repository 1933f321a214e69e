import { describe, expect, it } from 'vitest';
import { extractFrontmatter } from '../../../../shared/markdown/extract-frontmatter';
import { parseMarkdown } from '../../../../shared/markdown/parse-markdown';

const read = (text: string) => extractFrontmatter(parseMarkdown(text));

describe('extractFrontmatter', () => {
  it('reads title, aliases and tags', () => {
    const facts = read(
      '---\ntitle: Role of social connections\nvideoId: 31wjVhCcI5Y\naliases: [First, " Second "]\ntags:\n  - health\n  - "#neuro/fear"\n---\nbody',
    );
    expect(facts).toEqual({
      frontmatter: {
        title: 'Role of social connections',
        videoId: '31wjVhCcI5Y',
        aliases: ['First', ' Second '],
        tags: ['health', '#neuro/fear'],
      },
      title: 'Role of social connections',
      aliases: ['First', 'Second'],
      tags: [
        { tag: 'health', line: null },
        { tag: 'neuro/fear', line: null },
      ],
      problems: [],
    });
  });

  it('accepts the singular keys and string forms, drops duplicates and digit-only tags', () => {
    expect(read('---\nalias: Only, Other\ntag: "a, b c 2024 #d"\n---\n')).toMatchObject({
      aliases: ['Only', 'Other'],
      tags: [{ tag: 'a' }, { tag: 'b' }, { tag: 'c' }, { tag: 'd' }],
    });
    expect(read('---\naliases: [x, x]\nalias: x\n---\n').aliases).toEqual(['x']);
  });

  it('reads a string or number title and ignores anything else', () => {
    expect(read('---\ntitle: 2024\n---\n').title).toBe('2024');
    expect(read('---\ntitle: [a]\n---\n').title).toBeNull();
    expect(read('---\ntitle: true\n---\n').title).toBeNull();
    expect(read('---\ntitle: "  "\n---\n').title).toBeNull();
  });

  it('has no frontmatter without a yaml block, or when it is not a mapping', () => {
    expect(read('# no frontmatter').frontmatter).toBeNull();
    expect(read('---\n- a\n- b\n---\n').frontmatter).toBeNull();
    expect(read('---\n---\n').frontmatter).toBeNull();
  });

  it('turns YAML errors into problems on their note lines, and keeps what parsed', () => {
    const facts = read('---\ntitle: ok\naliases:\n- @handle\ntags: a\n---\nbody');
    expect(facts.problems).toMatchObject([{ kind: 'yaml', line: 4 }]);
    expect(facts).toMatchObject({ title: 'ok', aliases: ['@handle'], tags: [{ tag: 'a' }] });
  });

  it('never throws on an unknown alias', () => {
    expect(read('---\na: *nowhere\n---\n').problems).toMatchObject([{ kind: 'yaml', line: 2 }]);
  });

  it('reports a duplicate key on its line', () => {
    expect(read('---\na: 1\nb: 2\na: 3\n---\n').problems).toMatchObject([{ kind: 'yaml', line: 4 }]);
  });
});
