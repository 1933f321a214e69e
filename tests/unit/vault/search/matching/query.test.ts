import { describe, expect, it } from 'vitest';
import { parseQuery, type QueryNode } from '../../../../../vault/search/matching/query';

const word = (text: string, prefix = false): QueryNode => ({ kind: 'word', text, prefix });

describe('parseQuery', () => {
  const valid: [string, QueryNode | null][] = [
    ['', null],
    ['   ', null],
    ['memory', word('memory', true)],
    ['memory ', word('memory')],
    ['memory attention', { kind: 'and', children: [word('memory'), word('attention', true)] }],
    ['"spaced repetition"', { kind: 'phrase', text: 'spaced repetition' }],
    ['-draft memory', { kind: 'and', children: [{ kind: 'not', child: word('draft') }, word('memory', true)] }],
    ['memory -draft', { kind: 'and', children: [word('memory'), { kind: 'not', child: word('draft') }] }],
    ['-"a b"', { kind: 'not', child: { kind: 'phrase', text: 'a b' } }],
    ['a OR b', { kind: 'or', children: [word('a'), word('b', true)] }],
    ['a b OR c', { kind: 'or', children: [{ kind: 'and', children: [word('a'), word('b')] }, word('c', true)] }],
    ['(a OR b) c', { kind: 'and', children: [{ kind: 'or', children: [word('a'), word('b')] }, word('c', true)] }],
    ['tag:#project/alpha', { kind: 'tag', tag: 'project/alpha' }],
    ['tag:project', { kind: 'tag', tag: 'project' }],
    ['path:recipes/', { kind: 'path', text: 'recipes/' }],
    ['path:"my folder"', { kind: 'path', text: 'my folder' }],
    ['file:plan', { kind: 'file', text: 'plan' }],
    ['line:(a b)', { kind: 'line', child: { kind: 'and', children: [word('a'), word('b')] } }],
    ['line:"a b"', { kind: 'line', child: { kind: 'phrase', text: 'a b' } }],
    ['/ERR-\\d+/', { kind: 'regex', source: 'ERR-\\d+' }],
    ['/a\\/b/', { kind: 'regex', source: 'a/b' }],
    ['café', word('café', true)],
    ['東京', word('東京', true)],
    ['http://x', word('http://x', true)],
    ['or', word('or', true)],
  ];
  it.each(valid)('parses %j', (query, node) => {
    expect(parseQuery(query)).toEqual({ ok: true, node });
  });

  const invalid: [string, RegExp][] = [
    ['"open', /quote at position 1 is never closed/],
    ['(a b', /"\(" at position 1 is never closed/],
    ['a)', /Unexpected "\)"/],
    ['()', /Empty parentheses/],
    ['OR a', /needs something before/],
    ['a OR', /needs something after/],
    ['a -', /"-" must be followed/],
    ['tag:', /needs a tag/],
    ['tag:#', /needs a tag/],
    ['path: x', /needs a value/],
    ['line:', /needs words/],
    ['/abc', /no closing "\/"/],
    ['/(/', /Invalid regular expression/],
    ['""', /Empty phrase/],
  ];
  it.each(invalid)('rejects %j with a clear message', (query, message) => {
    const parsed = parseQuery(query);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});
