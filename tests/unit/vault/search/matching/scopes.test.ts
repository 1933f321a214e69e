import { describe, expect, it } from 'vitest';
import { PlexusError } from '../../../../../shared/errors';
import { scanNote } from '../../../../../vault/scan';
import { SearchIndex, searchDoc } from '../../../../../vault/search/full-text-index';
import { noteUnits } from '../../../../../vault/search/matching/note-units';
import { parseQuery } from '../../../../../vault/search/matching/query';
import { indexTerms } from '../../../../../vault/search/text';

const NOTES: Record<string, string> = {
  'tasks.md': [
    '# Errands',
    '',
    '- [ ] call the plumber',
    '- [x] buy milk',
    '- [-] cancelled trip to the dentist',
    '- a plain item about the plumber',
    '',
    'A paragraph saying call and milk.',
  ].join('\n'),
  'fenced.md': ['Code below.', '', '```', '- [ ] call inside code', '```', ''].join('\n'),
  'sections.md': [
    '---',
    'title: sections',
    '---',
    'Intro about dogs.',
    '',
    '## Pets',
    '',
    'A dog here.',
    '',
    'And a cat in the next paragraph.',
    '',
    '## Wild',
    '',
    'Lions and a dog.',
    '',
    '- an item about the cat',
    '  and more on the cat',
    '- another item about a dog',
    '',
    '> a quote with a dog',
    '> and a cat',
  ].join('\n'),
  'setext.md': ['Heading one', '===', 'Text with a fox.', '', 'Heading two', '---', 'A hen.'].join('\n'),
};

function index(notes = NOTES): SearchIndex {
  const search = new SearchIndex({ readText: (path) => notes[path] ?? null });
  for (const [path, text] of Object.entries(notes)) search.set(searchDoc(scanNote(path, text), indexTerms(text)));
  return search;
}

function found(search: SearchIndex, query: string): string[] {
  return search
    .query(query)
    .hits.map((h) => h.path)
    .sort();
}

describe('note units', () => {
  const text = NOTES['sections.md'] as string;
  const slices = (ranges: [number, number][]) => ranges.map(([s, e]) => text.slice(s, e));
  const headings = new Set(scanNote('sections.md', text).headings.map((h) => h.line));

  it('cuts sections at headings, leaving the frontmatter out', () => {
    const sections = slices(noteUnits(text, headings).sections);
    expect(sections).toHaveLength(3);
    expect(sections[0]).toBe('Intro about dogs.');
    expect(sections[1]).toMatch(/^## Pets\n[^]*next paragraph\.$/);
    expect(sections[2]).toMatch(/^## Wild/);
  });

  it('makes each paragraph, heading, list item (with its continuation) and quote one block', () => {
    expect(slices(noteUnits(text, headings).blocks)).toEqual([
      'Intro about dogs.',
      '## Pets',
      'A dog here.',
      'And a cat in the next paragraph.',
      '## Wild',
      'Lions and a dog.',
      '- an item about the cat\n  and more on the cat',
      '- another item about a dog',
      '> a quote with a dog\n> and a cat',
    ]);
  });

  it('finds tasks, to do and done, but not in fenced code', () => {
    const tasks = NOTES['tasks.md'] as string;
    const units = noteUnits(tasks, null);
    expect(units.tasks.map((t) => [tasks.slice(...t.range), t.done])).toEqual([
      ['call the plumber', false],
      ['buy milk', true],
      ['cancelled trip to the dentist', true],
    ]);
    expect(noteUnits(NOTES['fenced.md'] as string, null).tasks).toEqual([]);
  });

  it('keeps a setext heading and its underline as one block', () => {
    const setext = NOTES['setext.md'] as string;
    const lines = new Set(scanNote('setext.md', setext).headings.map((h) => h.line));
    const units = noteUnits(setext, lines);
    expect(units.blocks.map((r) => setext.slice(...r))).toEqual([
      'Heading one\n===',
      'Text with a fox.',
      'Heading two\n---',
      'A hen.',
    ]);
    expect(units.sections).toHaveLength(2);
  });
});

describe('block:, section:, task:, task-todo:, task-done:', () => {
  it('parses them as scopes, not as words', () => {
    expect(parseQuery('task:call')).toEqual({
      ok: true,
      node: { kind: 'scope', scope: 'task', child: { kind: 'word', text: 'call', prefix: false } },
    });
    expect(parseQuery('task-todo:')).toEqual({ ok: true, node: { kind: 'scope', scope: 'task-todo', child: null } });
    expect(parseQuery('section:(dog cat)').ok && parseQuery('section:(dog cat)')).toMatchObject({
      node: { kind: 'scope', scope: 'section' },
    });
    expect(parseQuery('block:"a dog"')).toEqual({
      ok: true,
      node: { kind: 'scope', scope: 'block', child: { kind: 'phrase', text: 'a dog' } },
    });
    for (const query of ['section:', 'block: dog']) {
      const parsed = parseQuery(query);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/needs words/);
    }
  });

  it('task: finds words in a task only', () => {
    const search = index();
    expect(found(search, 'task:call')).toEqual(['tasks.md']);
    expect(found(search, 'task:plumber')).toEqual(['tasks.md']);
    // In the note, but in a paragraph and a plain item: not in a task.
    expect(found(search, 'task:paragraph')).toEqual([]);
    expect(found(search, 'task:(call milk)')).toEqual([]);
    // A checkbox in fenced code is not a task.
    expect(found(search, 'task:inside')).toEqual([]);
    expect(found(search, 'task:')).toEqual(['tasks.md']);
  });

  it('task-todo: and task-done: tell the ticked from the unticked', () => {
    const search = index();
    expect(found(search, 'task-todo:call')).toEqual(['tasks.md']);
    expect(found(search, 'task-done:call')).toEqual([]);
    expect(found(search, 'task-done:milk')).toEqual(['tasks.md']);
    expect(found(search, 'task-todo:milk')).toEqual([]);
    // Any mark but a space is done, as Obsidian ticks it.
    expect(found(search, 'task-done:dentist')).toEqual(['tasks.md']);
    const todo = index({ 'a.md': '- [ ] one', 'b.md': '- [x] two', 'c.md': 'no tasks' });
    expect(found(todo, 'task-todo:')).toEqual(['a.md']);
    expect(found(todo, 'task-done:')).toEqual(['b.md']);
    expect(found(todo, 'task:')).toEqual(['a.md', 'b.md']);
    // And the snippet shows the checkbox it matched.
    const [hit] = todo.query('task-todo:').hits;
    expect(hit?.matches.find((m) => m.line === 1)?.ranges).toEqual([[2, 5]]);
  });

  it('section: needs all its words between the same two headings', () => {
    const search = index();
    expect(found(search, 'section:(dog cat)')).toEqual(['sections.md']);
    expect(found(search, 'section:(intro cat)')).toEqual([]);
    expect(found(search, 'section:(lions quote)')).toEqual(['sections.md']);
    expect(found(search, 'section:(fox hen)')).toEqual([]);
    expect(found(search, 'section:(dog -lions)')).toEqual(['sections.md']);
    expect(found(search, 'section:(pets -cat)')).toEqual([]);
  });

  it('block: needs all its words in one block', () => {
    const search = index();
    // "dog" and "cat" are in one section, but in two paragraphs, two items, … and one quote.
    expect(found(search, 'block:(dog quote cat)')).toEqual(['sections.md']);
    expect(found(search, 'block:(dog here cat)')).toEqual([]);
    expect(found(search, 'block:(item more)')).toEqual(['sections.md']);
    expect(found(search, 'block:(item lions)')).toEqual([]);
    expect(found(search, 'block:(another cat)')).toEqual([]);
  });

  it('nests: a task in a section, a line in a block', () => {
    const search = index();
    expect(found(search, 'section:(errands task-todo:call)')).toEqual(['tasks.md']);
    expect(found(search, 'section:(errands task-todo:milk)')).toEqual([]);
    expect(found(search, 'block:(line:(more cat))')).toEqual(['sections.md']);
    expect(found(search, 'block:(line:(item more))')).toEqual([]);
  });

  it('a bad scope query is a BAD_QUERY error', () => {
    expect(() => index().query('section:')).toThrow(PlexusError);
  });
});
