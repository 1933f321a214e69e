import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { linkContext, PARAGRAPH_LIMIT } from '../../../../vault/links/link-context';
import { linksIn } from '../../helpers/note-meta';

/** The context of the first link in `text`, with the link marked «like this». */
function marked(text: string, which = 0): string {
  const link = linksIn(text)[which];
  if (!link) throw new Error('no link in the test text');
  const c = linkContext(text, link);
  expect(c.text.slice(c.start, c.end)).toBe(link.raw);
  return c.text.slice(0, c.start) + '«' + c.text.slice(c.start, c.end) + '»' + c.text.slice(c.end);
}

describe('linkContext', () => {
  it('shows a short paragraph whole', () => {
    const text = '# Title\n\nFirst line of the paragraph\nsee [[Other]] here\nand a last line.\n\nNext paragraph.';
    expect(marked(text)).toBe('First line of the paragraph\nsee «[[Other]]» here\nand a last line.');
  });

  it('shows only the line when the paragraph is long', () => {
    const filler = 'word '.repeat(70).trim();
    const text = `${filler}\nthe [[Link]] line\n${filler}`;
    expect(marked(text)).toBe('the «[[Link]]» line');
  });

  it('takes a paragraph of exactly the limit, not one more', () => {
    const line = 'see [[L]]';
    const exact = line + '\n' + 'x'.repeat(PARAGRAPH_LIMIT - line.length - 1);
    expect(linkContext(exact, linksIn(exact)[0]!).text).toBe(exact);
    const over = exact + 'x';
    expect(linkContext(over, linksIn(over)[0]!).text).toBe(line);
  });

  it('stops at headings, fences and thematic breaks', () => {
    expect(marked('## Heading\nsee [[A]]\n---\nmore')).toBe('see «[[A]]»');
    expect(marked('```\ncode\n```\ntext [[A]]\nmore text')).toBe('text «[[A]]»\nmore text');
    expect(marked('para\n## Heading with [[A]]\nbody')).toBe('## Heading with «[[A]]»');
  });

  it('keeps a short list together, markers and indentation as written', () => {
    expect(marked('Intro:\n\n- one\n  - two [[A]]\n- three\n\nafter')).toBe('- one\n  - two «[[A]]»\n- three');
  });

  it('handles links at the very start and end of the text', () => {
    expect(marked('[[A]]')).toBe('«[[A]]»');
    expect(marked('\n\n[[A]]\n')).toBe('«[[A]]»');
    expect(marked('text\n[[A]]')).toBe('text\n«[[A]]»');
  });

  it('keeps a wrapped markdown link whole, even in a long paragraph', () => {
    const filler = 'word '.repeat(70).trim();
    const text = `${filler}\nsee [two\nlines](Other.md) end\n${filler}`;
    expect(marked(text)).toBe('see «[two\nlines](Other.md)» end');
  });

  it('counts offsets in UTF-16 units like the scanner', () => {
    expect(marked('🙂 café [[Ü]] 🙂')).toBe('🙂 café «[[Ü]]» 🙂');
  });

  it("always returns a slice of the text: the link's line or its short paragraph", () => {
    const piece = fc.constantFrom('word', ' ', '\n', '\n\n', '# h\n', '```\n', '[[L]]', 'x'.repeat(120), '- item\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        for (const link of linksIn(text)) {
          const c = linkContext(text, link);
          const at = link.start - c.start;
          expect(text.slice(at, at + c.text.length)).toBe(c.text);
          expect(c.text.slice(c.start, c.end)).toBe(link.raw);
          expect(c.text).not.toMatch(/\n\s*\n/);
          // Over the limit, it is just the link's line.
          if (c.text.length > PARAGRAPH_LIMIT) expect(c.text).not.toContain('\n');
        }
      }),
      { numRuns: 200 },
    );
  });
});
