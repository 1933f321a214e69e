import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  propertyType,
  readProperties,
  removeProperty,
  renameProperty,
  writeProperty,
} from '../../../../../renderer/src/live-preview/blocks/properties-yaml';

const YAML = [
  '# kept: a comment on top',
  'title: Hello world # kept: a trailing comment',
  'tags: [alpha, beta]',
  'aliases:',
  '  - First',
  '  - Second',
  'custom: {nested: 1, other: [x]}',
  'draft: true',
  'created: 2024-03-01',
  'parent: "[[Home]]"',
  'rating: 4',
  'empty:',
  '',
].join('\n');

function written(key: string, value: Parameters<typeof writeProperty>[2], text = YAML): string {
  const result = writeProperty(text, key, value);
  if (!result.ok) throw new Error(result.error);
  return result.text;
}

describe('readProperties', () => {
  it('reads each key in order with its type', () => {
    const result = readProperties(YAML);
    expect(result.ok && result.properties.map((p) => [p.key, p.type])).toEqual([
      ['title', 'text'],
      ['tags', 'list'],
      ['aliases', 'list'],
      ['custom', 'other'],
      ['draft', 'checkbox'],
      ['created', 'date'],
      ['parent', 'link'],
      ['rating', 'number'],
      ['empty', 'text'],
    ]);
    expect(result.ok && result.properties[1]?.value).toEqual(['alpha', 'beta']);
  });

  it('reports bad YAML and a document that is not a mapping, in one line', () => {
    const bad = readProperties('title: [unclosed\nother: x\n');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).not.toContain('\n');
    const list = readProperties('- a\n- b\n');
    expect(!list.ok && list.error).toMatch(/mapping/);
    expect(readProperties('a: 1\na: 2\n').ok).toBe(false);
    expect(readProperties('')).toEqual({ ok: true, properties: [] });
  });

  it('types values as Obsidian does', () => {
    expect(propertyType('2024-01-31')).toBe('date');
    expect(propertyType('2024-01-31 later')).toBe('text');
    expect(propertyType('[[A note]]')).toBe('link');
    expect(propertyType('[[a]] and [[b]]')).toBe('text');
    expect(propertyType(['a', 1])).toBe('list');
    expect(propertyType([{ a: 1 }])).toBe('other');
    expect(propertyType(Number.NaN)).toBe('text');
  });
});

describe('writeProperty', () => {
  it('changes one value and keeps comments, order and every other key as written', () => {
    const text = written('title', 'Goodbye');
    expect(text).toBe(YAML.replace('title: Hello world #', 'title: Goodbye #'));
  });

  it('quotes values YAML would read differently, and they read back the same', () => {
    for (const value of ['a: b', 'x #not a comment', '[[Other note]]', '- dash', 'yes', '123', 'it\'s "quoted"']) {
      const text = written('title', value);
      expect(parse(text)).toMatchObject({ title: value });
      expect(text).toContain('# kept: a trailing comment');
    }
  });

  it('edits a list in place, keeping its flow style', () => {
    const text = written('tags', ['alpha', 'gamma', 'with: colon']);
    expect(text).toContain('tags: [alpha, gamma, "with: colon"]');
    expect(parse(text)).toMatchObject({ tags: ['alpha', 'gamma', 'with: colon'], aliases: ['First', 'Second'] });
    const block = written('aliases', ['First']);
    expect(block).toContain('aliases:\n  - First\ncustom');
  });

  it('toggles a checkbox, sets a number and a date', () => {
    expect(written('draft', false)).toContain('draft: false\n');
    expect(written('rating', 5)).toContain('rating: 5\n');
    const date = written('created', '2025-12-31');
    expect(date).toContain('created: 2025-12-31\n');
    expect(parse(date)).toMatchObject({ created: '2025-12-31' });
  });

  it('adds a new key last and fills an empty document', () => {
    expect(written('status', 'new')).toBe(`${YAML}status: new\n`);
    expect(written('status', 'new', '')).toBe('status: new\n');
  });

  it('returns the text unchanged when the value is the same', () => {
    expect(written('title', 'Hello world')).toBe(YAML);
    expect(written('tags', ['alpha', 'beta'])).toBe(YAML);
  });

  it('never rewrites a document with errors', () => {
    const bad = 'title: [unclosed\n# comment\nother: x\n';
    const result = writeProperty(bad, 'other', 'y');
    expect(result.ok).toBe(false);
    expect(writeProperty('- a\n', 'x', 'y').ok).toBe(false);
  });

  it('keeps long values on one line', () => {
    const long = 'word '.repeat(40).trim();
    expect(written('title', long)).toContain(`title: ${long} #`);
  });

  it('removes a key and renames one where it stands, keeping comments and the other keys', () => {
    const removed = removeProperty(YAML, 'tags');
    expect(removed.ok && removed.text).toBe(YAML.replace('tags: [alpha, beta]\n', ''));
    expect(removeProperty(YAML, 'missing')).toEqual({ ok: true, text: YAML });
    const renamed = renameProperty(YAML, 'title', 'name');
    expect(renamed.ok && renamed.text).toBe(YAML.replace('title: Hello', 'name: Hello'));
    const aliased = renameProperty(YAML, 'aliases', 'also known as');
    expect(aliased.ok && parse(aliased.text)).toMatchObject({ 'also known as': ['First', 'Second'] });
  });

  it('refuses a rename to an empty or taken name, and edits of a document with errors', () => {
    const taken = renameProperty(YAML, 'title', 'tags');
    expect(taken.ok).toBe(false);
    expect(!taken.ok && taken.error).toContain('exists already');
    expect(renameProperty(YAML, 'title', '  ')).toMatchObject({ ok: false });
    expect(renameProperty(YAML, 'nope', 'x')).toMatchObject({ ok: false });
    expect(removeProperty('title: [unclosed\n', 'title').ok).toBe(false);
  });
});
