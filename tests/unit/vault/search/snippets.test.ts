import { describe, expect, it } from 'vitest';
import type { SearchMatch } from '../../../../shared/api';
import { snippets, windowStart, type Matcher } from '../../../../vault/search/snippets';
import { fold, phrasePattern } from '../../../../vault/search/text';

function note(text: string) {
  return { name: 'note', text, folded: fold(text), headingLines: new Set<number>() };
}

function words(...list: string[]): Matcher[] {
  return list.map((w) => ({ pattern: phrasePattern(w) as RegExp, folded: true }));
}

/** The matched text as the pane would select it: from the note, at the snippet's offset. */
function selected(text: string, match: SearchMatch, i = 0): string {
  const [start, end] = match.ranges[i] as [number, number];
  return text.slice(match.offset + start, match.offset + end);
}

const filler = (n: number) =>
  Array.from({ length: n }, (_, i) => `word${i}`)
    .join(' ')
    .slice(0, n);

describe('snippets', () => {
  it('starts a long line a few words before a match near its end', () => {
    // 150 characters before the match: shorter than a line was ever cut at, so it used to be shown
    // whole with the match far past what the row shows.
    const text = `${filler(150)} needle and the end.`;
    const [match] = snippets(note(text), words('needle'));
    expect(match).toBeDefined();
    if (!match) return;
    expect(match.ranges[0]?.[0]).toBeLessThanOrEqual(32);
    expect(match.ranges[0]?.[0]).toBeGreaterThan(0);
    expect(selected(text, match)).toBe('needle');
    expect(match.text.startsWith('word')).toBe(true);
    expect(match.cutStart).toBe(true);
    expect(match.cutEnd).toBeUndefined();
  });

  it('keeps a short line whole, and cuts a long one after the match', () => {
    const short = 'A needle in a short line.';
    expect(snippets(note(short), words('needle'))[0]).toMatchObject({ text: short, offset: 0, ranges: [[2, 8]] });
    const text = `needle ${filler(400)}`;
    const [match] = snippets(note(text), words('needle'));
    expect(match?.offset).toBe(0);
    expect(match?.text.length).toBeLessThanOrEqual(160);
    expect(match?.cutStart).toBeUndefined();
    expect(match?.cutEnd).toBe(true);
  });

  it('centres on the first of several matches and keeps those that fit', () => {
    const text = `${filler(120)} alpha then beta ${filler(300)} alpha again`;
    const [match] = snippets(note(text), words('alpha', 'beta'));
    if (!match) throw new Error('no snippet');
    expect(match.ranges).toHaveLength(2);
    expect(selected(text, match, 0)).toBe('alpha');
    expect(selected(text, match, 1)).toBe('beta');
    expect(match.ranges[0]?.[0]).toBeLessThanOrEqual(32);
  });

  it('offsets stay right in a note of several lines', () => {
    const text = `first line\n\n${filler(150)} target here\nlast`;
    const [match] = snippets(note(text), words('target'));
    if (!match) throw new Error('no snippet');
    expect(match.line).toBe(3);
    expect(selected(text, match)).toBe('target');
  });

  it('counts wide characters double and never splits a surrogate pair or a combining mark', () => {
    const cjk = `${'東京都は日本の首都です。'.repeat(10)}目標`;
    const [match] = snippets(note(cjk), words('目標'));
    if (!match) throw new Error('no snippet');
    expect(selected(cjk, match)).toBe('目標');
    // 32 widths of CJK text: 16 characters.
    expect(match.ranges[0]?.[0]).toBeLessThanOrEqual(16);

    const emoji = `${'🎉'.repeat(100)} needle`;
    for (const m of snippets(note(emoji), words('needle'))) {
      expect(selected(emoji, m)).toBe('needle');
      expect(m.text.charCodeAt(0)).not.toBe(0xdf89); // not the low half of 🎉
      expect(m.text.startsWith('🎉')).toBe(true);
    }
    const marks = `${'e\u0301'.repeat(100)}x needle`;
    const [accented] = snippets(note(marks), words('needle'));
    expect(accented?.text.startsWith('e\u0301')).toBe(true);
  });

  it('windowStart: a short line whole; else after a space when the lead has one', () => {
    expect(windowStart('a short needle', 8)).toBe(0);
    const line = `${'x'.repeat(80)} and some words before needle`;
    const at = line.indexOf('needle');
    const from = windowStart(line, at);
    expect(line[from - 1]).toBe(' ');
    expect(at - from).toBeLessThanOrEqual(32);
  });
});
