import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { noteMetaFromMarkdown } from '../../../oracle/note-meta-from-markdown';
import type { LinkRef, NoteMeta } from '../../../../shared/note-meta';
import { MAX_LINKS, MAX_SCANNED_BYTES, scanBytes, scanNote } from '../../../../vault/scan/scan';
import { MAX_NESTING } from '../../../../vault/scan/containers';
import { MAX_YAML_NESTING, nestsDeeperThan } from '../../../../vault/scan/frontmatter';
import { readSimpleYaml, UNSUPPORTED } from '../../../../vault/scan/yaml';
import { wiki } from '../../helpers/note-meta';

const scan = (text: string, path = 'folder/Note.md'): NoteMeta => scanNote(path, text);
const enc = (text: string) => new TextEncoder().encode(text);

/**
 * The link whose source is `raw` (its first occurrence in `text`), with the fields any link has
 * unless `fields` says otherwise; start, end and line follow from where `raw` is.
 */
function linkAt(text: string, raw: string, fields: Partial<LinkRef>): LinkRef {
  const start = text.indexOf(raw);
  if (start < 0) throw new Error(`test bug: ${raw} is not in ${text}`);
  return wiki('', start, { raw, line: text.slice(0, start).split('\n').length, ...fields });
}

type LinkCase = [description: string, text: string, expected: [raw: string, fields: Partial<LinkRef>][]];

describe('scanNote: wiki links and embeds', () => {
  const cases: LinkCase[] = [
    ['a plain link', 'See [[a]].', [['[[a]]', { target: 'a' }]]],
    ['an alias', '[[a|b]]', [['[[a|b]]', { target: 'a', alias: 'b' }]]],
    ['spaces around target and alias are trimmed', 'x [[ a | b ]] y', [['[[ a | b ]]', { target: 'a', alias: 'b' }]]],
    [
      'the seed notes’ form',
      'Fear [[neuroscience_of_fear | Neuroscience of Fear]].',
      [
        [
          '[[neuroscience_of_fear | Neuroscience of Fear]]',
          { target: 'neuroscience_of_fear', alias: 'Neuroscience of Fear' },
        ],
      ],
    ],
    ['a heading', '[[a#h]]', [['[[a#h]]', { target: 'a', headings: ['h'] }]]],
    ['a heading path', '[[a#h1#h2]]', [['[[a#h1#h2]]', { target: 'a', headings: ['h1', 'h2'] }]]],
    ['a heading in the same note', '[[#h]]', [['[[#h]]', { target: '', headings: ['h'] }]]],
    ['a block', '[[a#^id]]', [['[[a#^id]]', { target: 'a', block: 'id' }]]],
    [
      'a heading, a block and an alias',
      '[[a # h # ^b-1 | shown]]',
      [['[[a # h # ^b-1 | shown]]', { target: 'a', headings: ['h'], block: 'b-1', alias: 'shown' }]],
    ],
    [
      'a block id that is not last is heading text',
      '[[a#^x#h]]',
      [['[[a#^x#h]]', { target: 'a', headings: ['^x', 'h'] }]],
    ],
    ['an embed', '![[a]]', [['![[a]]', { target: 'a', embed: true }]]],
    [
      'an image embed with a size',
      '![[img.png|100]]',
      [['![[img.png|100]]', { target: 'img.png', alias: '100', embed: true }]],
    ],
    ['an escaped pipe (as in table cells) splits', 'x [[a\\|b]] y', [['[[a\\|b]]', { target: 'a', alias: 'b' }]]],
    ['only the first pipe splits', '[[a|b|c]]', [['[[a|b|c]]', { target: 'a', alias: 'b|c' }]]],
    ['the content runs to the first ]]', '[[Sq]uare]]', [['[[Sq]uare]]', { target: 'Sq]uare' }]]],
    ['a later [[ is part of the content', '[[a[[b]]', [['[[a[[b]]', { target: 'a[[b' }]]],
    ['a URL is a note name', '[[https://x]]', [['[[https://x]]', { target: 'https://x' }]]],
    ['Unicode', 'Voir [[Café ☕|µg]]', [['[[Café ☕|µg]]', { target: 'Café ☕', alias: 'µg' }]]],
    ['an empty alias is none', '[[a|]]', [['[[a|]]', { target: 'a' }]]],
    [
      'several on a line, in order',
      '[[a]] and ![[b]] then [[c|d]]',
      [
        ['[[a]]', { target: 'a' }],
        ['![[b]]', { target: 'b', embed: true }],
        ['[[c|d]]', { target: 'c', alias: 'd' }],
      ],
    ],
    ['a link in a heading', '## See [[a]]', [['[[a]]', { target: 'a' }]]],
    ['a link in a list item, tab-indented', '- a\n\t- b [[x]]', [['[[x]]', { target: 'x' }]]],
    ['a link in a callout', '> [!info] Title\n> Text [[x]]', [['[[x]]', { target: 'x' }]]],
    ['a link after an escaped backslash', '\\\\[[a]]', [['[[a]]', { target: 'a' }]]],
    ['an escaped ! makes a plain link', '\\![[a]]', [['[[a]]', { target: 'a' }]]],
    ['never across lines', '[[a\nb]]', []],
    ['[[]] is no link', '[[]]', []],
    ['a blank target is no link', '[[ ]] [[|x]] [[#]]', []],
    ['an escaped bracket is no link', '\\[[a]]', []],
    ['an unclosed link is text', '[[a', []],
  ];

  it.each(cases)('%s', (_, text, expected) => {
    expect(scan(text).links).toEqual(expected.map(([raw, fields]) => linkAt(text, raw, fields)));
  });

  it('gives offsets and lines in the text as the editor sees it', () => {
    const text = '# T\n\nLine two ✓ [[a]]\nthen ![[b|c]]';
    expect(scan(text).links).toEqual([
      {
        raw: '[[a]]',
        target: 'a',
        headings: [],
        block: null,
        alias: null,
        style: 'wiki',
        embed: false,
        start: 16,
        end: 21,
        line: 3,
      },
      {
        raw: '![[b|c]]',
        target: 'b',
        headings: [],
        block: null,
        alias: 'c',
        style: 'wiki',
        embed: true,
        start: 27,
        end: 35,
        line: 4,
      },
    ]);
  });

  it('reads an escaped pipe in a table cell, and splits cells at bare pipes as GFM does', () => {
    const text = '| Note | Link |\n|---|---|\n| x | [[a\\|b]] |\n| y | [[c|d]] |';
    expect(scan(text).links).toEqual([linkAt(text, '[[a\\|b]]', { target: 'a', alias: 'b' })]);
  });
});

describe('scanNote: markdown links', () => {
  const cases: LinkCase[] = [
    [
      'a link to a note',
      '[text](path.md)',
      [['[text](path.md)', { target: 'path.md', alias: 'text', style: 'markdown' }]],
    ],
    [
      'an image is an embed',
      '![alt](img.png)',
      [['![alt](img.png)', { target: 'img.png', alias: 'alt', style: 'markdown', embed: true }]],
    ],
    [
      'an angle-bracketed destination',
      '[text](<a b.md>)',
      [['[text](<a b.md>)', { target: 'a b.md', alias: 'text', style: 'markdown' }]],
    ],
    [
      'URL-decoded, with a heading',
      '[t](folder/Note%20Name.md#My%20Heading)',
      [
        [
          '[t](folder/Note%20Name.md#My%20Heading)',
          { target: 'folder/Note Name.md', headings: ['My Heading'], alias: 't', style: 'markdown' },
        ],
      ],
    ],
    ['a block', '[t](a.md#^id)', [['[t](a.md#^id)', { target: 'a.md', block: 'id', alias: 't', style: 'markdown' }]]],
    [
      'an encoded # stays in the name',
      '[t](C%23.md)',
      [['[t](C%23.md)', { target: 'C#.md', alias: 't', style: 'markdown' }]],
    ],
    [
      'a malformed escape is kept as written',
      '[t](100%.md)',
      [['[t](100%.md)', { target: '100%.md', alias: 't', style: 'markdown' }]],
    ],
    [
      'a "title" is not the target',
      '[t](a.md "The title")',
      [['[t](a.md "The title")', { target: 'a.md', alias: 't', style: 'markdown' }]],
    ],
    [
      "a 'title' or (title) neither",
      "[t](a.md 'x') [u](b.md (y))",
      [
        ["[t](a.md 'x')", { target: 'a.md', alias: 't', style: 'markdown' }],
        ['[u](b.md (y))', { target: 'b.md', alias: 'u', style: 'markdown' }],
      ],
    ],
    [
      'balanced parentheses in the destination',
      '[t](a(b).md)',
      [['[t](a(b).md)', { target: 'a(b).md', alias: 't', style: 'markdown' }]],
    ],
    [
      'escapes in the destination',
      '[t](a\\(b.md)',
      [['[t](a\\(b.md)', { target: 'a(b.md', alias: 't', style: 'markdown' }]],
    ],
    ['empty text is no alias', '[](a.md)', [['[](a.md)', { target: 'a.md', style: 'markdown' }]]],
    [
      'link text is kept as written, trimmed',
      '[ **bold** ](a.md)',
      [['[ **bold** ](a.md)', { target: 'a.md', alias: '**bold**', style: 'markdown' }]],
    ],
    [
      'link text over two lines',
      'x [two\nlines](a.md)',
      [['[two\nlines](a.md)', { target: 'a.md', alias: 'two\nlines', style: 'markdown', line: 1 }]],
    ],
    [
      'links do not nest: the inner one counts',
      '[a [b](c.md) d](e.md)',
      [['[b](c.md)', { target: 'c.md', alias: 'b', style: 'markdown' }]],
    ],
    [
      'an image may hold a link',
      '![a [b](c.md)](i.png)',
      [
        ['![a [b](c.md)](i.png)', { target: 'i.png', alias: 'a [b](c.md)', style: 'markdown', embed: true }],
        ['[b](c.md)', { target: 'c.md', alias: 'b', style: 'markdown' }],
      ],
    ],
    [
      'a wiki link inside link text',
      '[see [[a]]](b.md)',
      [
        ['[see [[a]]](b.md)', { target: 'b.md', alias: 'see [[a]]', style: 'markdown' }],
        ['[[a]]', { target: 'a' }],
      ],
    ],
    [
      'web links are skipped',
      '[t](https://x.com/a.md) [u](http://x) [v](mailto:a@b.c) [w](obsidian://open?vault=x) [y](ftp+x://h)',
      [],
    ],
    ['a protocol-relative URL is skipped', '[t](//host/a.md)', []],
    ['a pure #anchor is skipped', '[t](#anchor)', []],
    ['an empty destination is skipped', '[t]()', []],
    ['reference-style links are not read (deliberately)', '[t][ref] and [ref]\n\n[ref]: a.md', []],
    ['a bracket without a destination is text', '[t] (a.md)', []],
  ];

  it.each(cases)('%s', (_, text, expected) => {
    expect(scan(text).links).toEqual(expected.map(([raw, fields]) => linkAt(text, raw, fields)));
  });
});

describe('scanNote: nothing counts inside code, comments and HTML', () => {
  const found = (text: string) => scan(text).links.map((link) => link.target);

  it.each([
    ['a backtick fence', '```\n[[no]]\n```\n[[yes]]'],
    ['a tilde fence with info', '~~~js\n[[no]] #no\n~~~\n[[yes]]'],
    ['an indented fence, closed by a longer one', '   ````\n[[no]]\n```\n[[no]]\n`````\n[[yes]]'],
    ['a fence in a list item', '- item\n  ```\n  [[no]]\n  ```\n- [[yes]]'],
    ['a fence in a block quote ends with the quote', '> ```\n> [[no]]\n\n[[yes]]'],
    ['indented code after a blank line', 'para\n\n    [[no]]\n\n[[yes]]'],
    ['indented code at the start', '    [[no]]\n[[yes]]'],
    ['a code span', '`[[no]]` [[yes]]'],
    ['a double-backtick code span', '`` [[no]] ` `` [[yes]]'],
    ['a code span across lines of a paragraph', '`a\n[[no]]` [[yes]]'],
    ['an HTML comment', 'text <!-- [[no]] --> [[yes]]'],
    ['an HTML comment over lines', 'text <!-- a\n[[no]]\n--> [[yes]]'],
    ['an HTML comment block', '<!--\n[[no]]\n\n[[no]]\n-->\n[[yes]]'],
    ['an HTML block', '<div>\n[[no]]\n</div>\n\n[[yes]]'],
    ['an HTML tag’s attributes', '<a href="[[no]]">[[yes]]</a>'],
    ['an Obsidian comment', '%% [[no]] %% [[yes]]'],
    ['an Obsidian comment block', '%%\n[[no]]\n\n# no\n%%\n[[yes]]'],
    ['an Obsidian comment block to the end', 'text [[yes]]\n%%\n[[no]]'],
    ['a bare URL', 'https://x.com/[[no]] [[yes]]'],
    ['the rest of a line an HTML comment block ends on (CommonMark)', '<!-- a --> [[no]]\n\n[[yes]]'],
    ['an autolink', '<https://x.com/[[no]]> [[yes]]'],
  ])('%s', (_, text) => {
    expect(found(text)).toEqual(['yes']);
  });

  it.each([
    ['an unclosed fence runs to the end', 'text [[yes]]\n```\n[[no]]\n\n[[no]]'],
    ['an indented line continuing a paragraph is text', 'para\n    [[yes]]'],
    ['an indented line in a list item is text', '- item\n\n    [[yes]]'],
    ['an unmatched backtick is text', '`x [[yes]]'],
    ['an unclosed inline %% is text', 'a %% b [[yes]]'],
    ['an unclosed <!-- is text', 'a <!-- b [[yes]]'],
  ])('but: %s', (_, text) => {
    expect(found(text)).toEqual(['yes']);
  });
});

describe('scanNote: tags', () => {
  it.each([
    ['at a line start', '#tag', [{ tag: 'tag', line: 1 }]],
    ['after whitespace', 'a #tag b', [{ tag: 'tag', line: 1 }]],
    ['nested', 'x #nested/tag', [{ tag: 'nested/tag', line: 1 }]],
    ['as written, up to punctuation', 'x #Tag_1-b.', [{ tag: 'Tag_1-b', line: 1 }]],
    [
      'Unicode letters and marks',
      '#café #東京 #हिंदी',
      [
        { tag: 'café', line: 1 },
        { tag: '東京', line: 1 },
        { tag: 'हिंदी', line: 1 },
      ],
    ],
    ['with a digit and a letter', '#1a', [{ tag: '1a', line: 1 }]],
    ['in a heading', '## Heading #tag', [{ tag: 'tag', line: 1 }]],
    ['in bold', 'a **#bold** b', [{ tag: 'bold', line: 1 }]],
    [
      'in a list item and a table cell',
      '- #a\n\n| x |\n|---|\n| #b |',
      [
        { tag: 'a', line: 1 },
        { tag: 'b', line: 5 },
      ],
    ],
    [
      'with their lines',
      'a\n\nb #one\n#two',
      [
        { tag: 'one', line: 3 },
        { tag: 'two', line: 4 },
      ],
    ],
    ['only digits is no tag', '#123 and #2024', []],
    ['not inside a word', 'a#tag', []],
    ['a heading marker is no tag', '# Heading', []],
    ['not in code', '`#no` and\n```\n#no\n```', []],
    ['not in link text or a wiki link', '[see #no](a.md) [[a#no]] [[#no]]', []],
    ['not in a URL', 'https://x.com/#no and #https://x.com', []],
    ['not in a comment', '%% #no %% <!-- #no -->', []],
  ])('%s', (_, text, expected) => {
    expect(scan(text).tags).toEqual(expected);
  });
});

describe('scanNote: headings', () => {
  it.each([
    [
      'ATX levels',
      '# One\n## Two\n###### Six',
      [
        { level: 1, text: 'One', line: 1 },
        { level: 2, text: 'Two', line: 2 },
        { level: 6, text: 'Six', line: 3 },
      ],
    ],
    ['a closing # run is removed, text trimmed', '##   Two  ##  ', [{ level: 2, text: 'Two', line: 1 }]],
    ['a # that is not a closing run stays', '# C# and F#', [{ level: 1, text: 'C# and F#', line: 1 }]],
    ['up to three spaces before', '   ### Three', [{ level: 3, text: 'Three', line: 1 }]],
    ['an empty heading', '#', [{ level: 1, text: '', line: 1 }]],
    [
      'inline markup is kept as written',
      '## Using `x` with **b** and [[a|c]]',
      [{ level: 2, text: 'Using `x` with **b** and [[a|c]]', line: 1 }],
    ],
    [
      'setext',
      'Title\n=====\n\nSub\n---',
      [
        { level: 1, text: 'Title', line: 1 },
        { level: 2, text: 'Sub', line: 4 },
      ],
    ],
    ['a setext heading over lines', 'Two\nlines\n===', [{ level: 1, text: 'Two\nlines', line: 1 }]],
    [
      'in a list item and a block quote',
      '- # In item\n> ## In quote',
      [
        { level: 1, text: 'In item', line: 1 },
        { level: 2, text: 'In quote', line: 2 },
      ],
    ],
    ['seven # is text', '####### Seven', []],
    ['no space is a tag, not a heading', '#Heading', []],
    ['four spaces are code', '    # Code', []],
    ['a --- after a blank line is a rule', 'Para\n\n---', []],
    ['a --- after a table is a rule', '| a |\n|---|\n| b |\n---', []],
    ['not in code', '```\n# No\n```', []],
  ])('%s', (_, text, expected) => {
    expect(scan(text).headings).toEqual(expected);
  });

  it('does not read frontmatter as headings', () => {
    expect(scan('---\ntitle: x\n# not: a heading\n---\n# Yes').headings).toEqual([{ level: 1, text: 'Yes', line: 5 }]);
  });
});

describe('scanNote: block ids', () => {
  it.each([
    ['ending a paragraph', 'Some text ^abc-1', [{ id: 'abc-1', line: 1 }]],
    ['alone on the paragraph’s last line', 'Some text\n^quote', [{ id: 'quote', line: 2 }]],
    ['alone after a block, as its own paragraph', '> quote\n\n^q1', [{ id: 'q1', line: 3 }]],
    [
      'ending a list item',
      '- one ^i1\n- two ^i2',
      [
        { id: 'i1', line: 1 },
        { id: 'i2', line: 2 },
      ],
    ],
    ['in a block quote', '> quoted ^bq', [{ id: 'bq', line: 1 }]],
    ['after a link or code', '[[a]] and `x` ^after', [{ id: 'after', line: 1 }]],
    ['trailing blanks allowed', 'text ^id   ', [{ id: 'id', line: 1 }]],
    ['only mid-paragraph is not an id', 'text ^mid\nmore', []],
    ['needs whitespace before', 'text^id', []],
    ['not in code', '`text ^id`\n\n```\nx ^id\n```', []],
    ['not in a heading', '## Heading ^id', []],
    ['only letters, digits and -', 'text ^a_b', []],
    ['not escaped', 'text \\^id', []],
  ])('%s', (_, text, expected) => {
    expect(scan(text).blocks).toEqual(expected);
  });
});

describe('scanNote: frontmatter, title and aliases', () => {
  it('reads the mapping, title, aliases and tags', () => {
    const meta = scan(
      '---\ntitle: Role of sleep\ntags: [neuro, "#health/sleep"]\naliases:\n  - Sleep\n  - Rest\nvideoId: 31wjVhCcI5Y\n---\n\nBody #inline\n',
    );
    expect(meta.frontmatter).toEqual({
      title: 'Role of sleep',
      tags: ['neuro', '#health/sleep'],
      aliases: ['Sleep', 'Rest'],
      videoId: '31wjVhCcI5Y',
    });
    expect(meta.title).toBe('Role of sleep');
    expect(meta.aliases).toEqual(['Sleep', 'Rest']);
    expect(meta.tags).toEqual([
      { tag: 'neuro', line: null },
      { tag: 'health/sleep', line: null },
      { tag: 'inline', line: 10 },
    ]);
    expect(meta.problems).toEqual([]);
  });

  it.each([
    ['a string of aliases, split on commas', 'aliases: One, Two ,, Three', ['One', 'Two', 'Three']],
    ['alias', 'alias: Only', ['Only']],
    ['both, without repeats', 'aliases: [A, B]\nalias: B', ['A', 'B']],
    ['non-empty strings only', 'aliases: ["", "  ", X]', ['X']],
  ])('aliases: %s', (_, yaml, expected) => {
    expect(scan(`---\n${yaml}\n---\n`).aliases).toEqual(expected);
  });

  it.each([
    ['a string split on commas and spaces', 'tags: "a, b c  #d"', ['a', 'b', 'c', 'd']],
    ['tag', 'tag: one', ['one']],
    ['a list', 'tags:\n  - x/y\n  - "#z"', ['x/y', 'z']],
  ])('frontmatter tags: %s', (_, yaml, expected) => {
    expect(scan(`---\n${yaml}\n---\n`).tags).toEqual(expected.map((tag) => ({ tag, line: null })));
  });

  it.each([
    ['frontmatter title', '---\ntitle: From YAML\n---\n# From H1', 'From YAML'],
    ['a number title', '---\ntitle: 2024\n---\n', '2024'],
    ['the first H1 otherwise', '---\ntitle: ""\n---\n## Two\n# One\n# Later', 'One'],
    ['a setext H1', 'Setext\n===', 'Setext'],
    ['the file name otherwise', '## Only H2', 'Note'],
  ])('title: %s', (_, text, expected) => {
    expect(scan(text).title).toBe(expected);
  });

  it('takes the title from the file name without folders and .md', () => {
    expect(scanNote('a/b/My Note.md', 'text').title).toBe('My Note');
    expect(scanNote('Top.MD', 'text').title).toBe('Top');
  });

  it('closes frontmatter with ... too', () => {
    const meta = scan('---\ntitle: Dots\n...\n[[a]]');
    expect(meta.title).toBe('Dots');
    expect(meta.links[0]).toMatchObject({ target: 'a', line: 4 });
  });

  it('has no frontmatter unless the note starts with ---', () => {
    const meta = scan('\n---\ntitle: x\n---\n');
    expect(meta.frontmatter).toBeNull();
    expect(meta.headings).toEqual([{ level: 2, text: 'title: x', line: 3 }]);
  });

  it('reads an unclosed --- as markdown', () => {
    const meta = scan('---\ntitle: x\n\n[[a]]');
    expect(meta.frontmatter).toBeNull();
    expect(meta.links.map((link) => link.target)).toEqual(['a']);
  });

  it('gives null for empty frontmatter, and for a list, with a problem', () => {
    expect(scan('---\n---\ntext')).toMatchObject({ frontmatter: null, problems: [] });
    const list = scan('---\n- a\n- b\n---\n');
    expect(list.frontmatter).toBeNull();
    expect(list.problems).toEqual([
      { kind: 'yaml', message: expect.stringContaining('not a mapping') as string, line: 2 },
    ]);
  });

  it('records invalid YAML with its line, keeps what parsed, and scans the rest', () => {
    const meta = scan('---\ntitle: Kept\naliases: [a\nweek: "[[<% tp.date %>]]"\n---\n# H\n[[link]] #tag');
    expect(meta.problems.length).toBeGreaterThan(0);
    expect(meta.problems[0]).toEqual({
      kind: 'yaml',
      message: expect.stringMatching(/^Frontmatter is not valid YAML: /) as string,
      line: 4,
    });
    expect(meta.frontmatter?.['title']).toBe('Kept');
    expect(meta.title).toBe('Kept');
    expect(meta.links.map((link) => [link.target, link.line])).toEqual([['link', 7]]);
    expect(meta.tags).toEqual([{ tag: 'tag', line: 7 }]);
  });

  it('reports an unresolved alias instead of throwing', () => {
    expect(scan('---\nx: *nope\n---\n').problems).toEqual([
      { kind: 'yaml', message: expect.stringContaining('nope') as string, line: 2 },
    ]);
  });
});

describe('the fast frontmatter reader', () => {
  const scalar = fc.oneof(
    fc.constantFrom(
      'x',
      'Role of sleep',
      'neuro/sleep',
      '2024-05-01',
      '12',
      '-3',
      '+4',
      '1.5',
      '.5',
      '007',
      'true',
      'False',
      'NULL',
      '~',
      'null',
      'yes',
      '0x1F',
      '1e3',
      '.inf',
      'a#b',
      'a #b',
      'a: b',
      'a:b',
      '@x',
      '-x',
      '[x',
      'x]',
      '"q: 1"',
      '"a\\"b"',
      "'it''s'",
      "'a'b'",
      '"',
      'µg/dL',
      '東京',
      'C#',
      '%x',
      '`x`',
      '*x',
      '!x',
      '&x',
      '|',
      '>',
    ),
    fc.string({ maxLength: 8 }),
  );
  const key = fc.constantFrom(
    'title',
    'tags',
    'aliases',
    'Date Created',
    'a-b',
    '_x',
    '1',
    'true',
    'x y',
    '__proto__',
    'é',
  );
  const value = fc.oneof(
    scalar,
    fc.array(scalar, { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
    fc.array(scalar, { maxLength: 4 }).map((items) => items.map((item) => `\n  - ${item}`).join('')),
    fc.array(scalar, { maxLength: 3 }).map((items) => items.map((item) => `\n- ${item}`).join('')),
    fc.constant(''),
  );
  const document = fc
    .array(fc.tuple(key, fc.constantFrom(': ', ':', ' : ', ':  '), value, fc.constantFrom('', ' ', ' # c', '\n')), {
      maxLength: 6,
    })
    .map((lines) => lines.map(([k, colon, v, end]) => `${k}${colon}${v}${end}`).join('\n') + '\n');

  it('reads what it accepts exactly as the yaml package does', () => {
    let accepted = 0;
    fc.assert(
      fc.property(document, (source) => {
        const fast = readSimpleYaml(source);
        if (fast === UNSUPPORTED) return;
        accepted++;
        const doc = parseDocument(source);
        expect(doc.errors).toEqual([]);
        expect(fast).toEqual(doc.toJS());
      }),
      { numRuns: 2000 },
    );
    expect(accepted).toBeGreaterThan(200);
  });

  it('leaves the rest to the yaml package', () => {
    for (const source of [
      'a: 1\na: 2\n',
      'a:\n  b: 1\n',
      'a: "x\\ny"\n',
      '# c\na: 1\n',
      'a: &x 1\n',
      'a: |\n  x\n',
      '\ta: 1\n',
      'a: 0x1F\n',
    ]) {
      expect(readSimpleYaml(source)).toBe(UNSUPPORTED);
    }
  });
});

describe('scanBytes', () => {
  it('decodes BOM and CRLF as the editor does', () => {
    const meta = scanBytes('n.md', Uint8Array.from([0xef, 0xbb, 0xbf, ...enc('# T\r\n\r\n[[a]]\r\n')]));
    expect(meta.title).toBe('T');
    expect(meta.links[0]).toMatchObject({ target: 'a', start: 5, line: 3 });
    expect(meta.problems).toEqual([]);
  });

  it('reads invalid UTF-8 with replacement characters, and reports it', () => {
    const bytes = Uint8Array.from([...enc('# Title\nok [[a]]\nbad '), 0xff, 0xfe, ...enc(' [[b]]\n')]);
    const meta = scanBytes('n.md', bytes);
    expect(meta.problems).toEqual([
      { kind: 'encoding', message: expect.stringContaining('offset 21') as string, line: 3 },
    ]);
    expect(meta.links.map((link) => link.target)).toEqual(['a', 'b']);
    expect(meta.title).toBe('Title');
  });

  it('reads nothing of a file with NUL bytes', () => {
    const meta = scanBytes('media/photo.md', Uint8Array.from([...enc('# T [[a]]'), 0, 1, 2]));
    expect(meta).toEqual({
      path: 'media/photo.md',
      title: 'photo',
      aliases: [],
      frontmatter: null,
      headings: [],
      blocks: [],
      tags: [],
      links: [],
      problems: [{ kind: 'binary', message: expect.stringContaining('NUL') as string }],
    });
  });

  it(`keeps the first ${MAX_LINKS} links of a note with more`, () => {
    const text = Array.from({ length: MAX_LINKS + 1 }, (_, i) => `[[n${i}]]`).join('\n');
    const meta = scanBytes('many.md', enc(text));
    expect(meta.links).toHaveLength(MAX_LINKS);
    expect(meta.links.at(-1)?.target).toBe(`n${MAX_LINKS - 1}`);
    expect(meta.problems).toEqual([
      { kind: 'too-many-links', message: expect.stringContaining(`${MAX_LINKS + 1} links`) as string },
    ]);
  });

  it('reads only the first 16 MB of a 17 MB note, without splitting a character', () => {
    const bytes = new Uint8Array(17 * 1024 * 1024).fill(0x61);
    for (let i = 99; i < bytes.length; i += 100) bytes[i] = 0x0a;
    bytes.set(enc('[[first]]'), 0);
    bytes.set(enc('é'), MAX_SCANNED_BYTES - 1); // two bytes across the limit
    bytes.set(enc('[[beyond]]'), MAX_SCANNED_BYTES + 200);
    const meta = scanBytes('big.md', bytes);
    expect(meta.links.map((link) => link.target)).toEqual(['first']);
    expect(meta.problems).toEqual([{ kind: 'too-large', message: expect.stringContaining('17 MB') as string }]);
  });
});

function nestedByIndent(levels: number): string {
  return Array.from({ length: levels }, (_, i) => ' '.repeat(2 * i) + '- [[x]]').join('\n');
}

describe('scanNote: deep nesting', () => {
  /** The facts the differential test compares, minus heading text (the scanner keeps its source). */
  const facts = (meta: NoteMeta) => ({
    links: meta.links.map(({ target, start, end, line }) => ({ target, start, end, line })),
    headings: meta.headings.map(({ level, line }) => ({ level, line })),
    tags: meta.tags,
    blocks: meta.blocks,
  });
  const levels = (depth: number, line: (i: number) => string) =>
    Array.from({ length: depth }, (_, i) => line(i)).join('');

  it.each([
    [
      'items by indentation, blank lines between',
      (d: number) => levels(d, (i) => `${'  '.repeat(i)}- [[a${i}]] #t${i}\n\n`),
    ],
    ['items that begin blank', (d: number) => levels(d, (i) => `${'  '.repeat(i)}-\n\n${'  '.repeat(i)}  [[b${i}]]\n`)],
    [
      'markers on one line, then text at each depth',
      (d: number) => '- '.repeat(d) + '[[c]]\n\n' + levels(d, (i) => `${'  '.repeat(d - i)}# [[h${i}]]\n\n`),
    ],
    [
      'quotes and items, then lazy and blank lines',
      (d: number) => '> - '.repeat(d >> 1) + '# [[q]]\nlazy [[l]]\n\n\n' + '> '.repeat(d >> 1) + '[[r]]\n',
    ],
    [
      'fenced code deep in a list',
      (d: number) => '- '.repeat(d) + '```\n' + `${'  '.repeat(d)}[[code]]\n\n${'  '.repeat(d)}\`\`\`\n[[after]]\n`,
    ],
  ])('reads %s as remark does, up to the nesting limit', (_, make) => {
    for (const depth of [1, 2, 7, 30, MAX_NESTING]) {
      const text = make(depth);
      expect(facts(scan(text)), `depth ${depth}`).toEqual(facts(noteMetaFromMarkdown('folder/Note.md', text)));
    }
  });

  it(`reads markers past ${MAX_NESTING} containers as text, still finding their links`, () => {
    expect(scan('> '.repeat(MAX_NESTING) + '# h').headings).toEqual([{ level: 1, text: 'h', line: 1 }]);
    const deeper = '> '.repeat(MAX_NESTING + 1) + '# h [[x]]';
    expect(scan(deeper).headings).toEqual([]);
    expect(scan(deeper).links).toEqual([linkAt(deeper, '[[x]]', { target: 'x' })]);
    const items = '- '.repeat(20_000) + '[[y]] #tag';
    expect(scan(items).links).toEqual([linkAt(items, '[[y]]', { target: 'y' })]);
    expect(scan(items).tags).toEqual([{ tag: 'tag', line: 1 }]);
  });
});

describe('scanNote: deeply nested frontmatter', () => {
  it.each([
    ['flow sequences', 'aliases: ' + '['.repeat(20_000)],
    ['flow mappings', 'tags: ' + '{a: '.repeat(10_000)],
    ['complex keys', '? '.repeat(5_000) + 'x'],
    ['compact sequences', 'a:\n' + '- '.repeat(5_000) + 'x'],
    ['indentation', Array.from({ length: 1_000 }, (_, i) => ' '.repeat(i) + 'a:').join('\n')],
  ])('is reported, not read, for %s (yaml would recurse or explode)', (_, yaml) => {
    const meta = scan(`---\n${yaml}\n---\n[[body]] #tag\n`);
    expect(meta.problems).toEqual([
      {
        kind: 'yaml',
        message: `Frontmatter nests deeper than ${MAX_YAML_NESTING} levels, so it was not read`,
        line: 2,
      },
    ]);
    expect(meta.links.map((link) => link.target)).toEqual(['body']);
    expect(meta.tags).toEqual([{ tag: 'tag', line: yaml.split('\n').length + 3 }]);
  });

  it(`reads YAML nested up to ${MAX_YAML_NESTING} levels`, () => {
    const nested = 'aliases: ' + '['.repeat(MAX_YAML_NESTING - 2) + 'A' + ']'.repeat(MAX_YAML_NESTING - 2);
    expect(scan(`---\ntitle: T\n${nested}\n---\n`)).toMatchObject({ title: 'T', problems: [] });
    expect(nestsDeeperThan('a:\n  b:\n    - - c: [d, {e: f}]\n', 7)).toBe(false);
    expect(nestsDeeperThan('a:\n  b:\n    - - c: [d, {e: f}]\n', 6)).toBe(true);
  });

  it('reports at most 20 YAML errors and how many more there were', () => {
    const meta = scan('---\na: ' + '&a '.repeat(1_000) + 'x\n---\n');
    expect(meta.problems).toHaveLength(21);
    expect(meta.problems[20]).toEqual({ kind: 'yaml', message: 'Frontmatter has 979 more YAML errors', line: 2 });
  });
});

/** What must hold of any scan: no internal failure, and every fact where the text says. */
function expectConsistent(text: string, meta: NoteMeta): void {
  expect(meta.problems.filter((problem) => problem.kind === 'read')).toEqual([]);
  const lines = text.split('\n').length;
  for (const link of meta.links) {
    expect(link.raw).toBe(text.slice(link.start, link.end));
    expect(link.line).toBe(text.slice(0, link.start).split('\n').length);
  }
  for (const fact of [...meta.headings, ...meta.blocks, ...meta.tags]) {
    if (fact.line !== null) expect(fact.line).toBeGreaterThanOrEqual(1);
    if (fact.line !== null) expect(fact.line).toBeLessThanOrEqual(lines);
  }
}

describe('scanNote never throws', () => {
  it('on random strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) =>
        expectConsistent(text, scanNote('n.md', text)),
      ),
      { numRuns: 500 },
    );
  });

  const fragments = [
    '[[',
    ']]',
    '[',
    ']',
    '(',
    ')',
    '![',
    '`',
    '``',
    '```',
    '~~~',
    '#',
    '# ',
    '\n',
    '\n\n',
    '|',
    '\\',
    '^',
    '^id',
    '%%',
    '<!--',
    '-->',
    '<div>',
    '---',
    '===',
    '> ',
    '- ',
    '1. ',
    '    ',
    '\t',
    'a',
    ' ',
    'x.md',
    'https://',
    'www.',
    ':',
    '*',
    '_',
    '"',
    '|---|',
    '[r]: u',
    '\u00e9',
    '\u{1F600}',
  ];
  it('on strings of markdown fragments', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        expectConsistent(text, scanNote('n.md', text));
      }),
      { numRuns: 500 },
    );
  });

  it('on random bytes, through scanBytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(() => scanBytes('n.md', bytes)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['[[ without ]]', '[[a '.repeat(100_000)],
    ['backtick runs of every length', Array.from({ length: 800 }, (_, i) => '`'.repeat(i + 1)).join(' x ')],
    ['a flood of ](', '[a](b'.repeat(60_000)],
    ['a flood of unclosed attributes', '<a x="'.repeat(60_000)],
    ['<!-- without -->', 'a <!-- '.repeat(60_000)],
    ['%% without a close, line after line', 'a %% b\n'.repeat(60_000)],
    ['deep nesting', '> - '.repeat(5_000) + '[[a]]'],
    ['20k list markers on one line', '- '.repeat(20_000) + '[[a]]'],
    ['20k "* " markers on one line', '* '.repeat(20_000) + '[[a]]'],
    ['1,000 list items nested by indentation', nestedByIndent(1_000)],
    ['list items one deeper each line', Array.from({ length: 1_000 }, (_, i) => '- '.repeat(i) + '[[a]]').join('\n')],
    ['blank lines under deep nesting', '- '.repeat(MAX_NESTING) + 'a\n' + '\n'.repeat(1_000_000) + '[[a]]'],
  ])('and stays linear on %s', (_, text) => {
    const started = performance.now();
    expectConsistent(text, scanNote('n.md', text));
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
