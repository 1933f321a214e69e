import { markdownLanguage } from '@codemirror/lang-markdown';
import type { InlineContext, MarkdownConfig, MarkdownParser } from '@lezer/markdown';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linearLinkSyntax } from '../../../../renderer/src/editor/linear-link-syntax';
import { wikiLinkSyntax } from '../../../../renderer/src/editor/wiki-link-syntax';
import { linkNote } from '../../../helpers/link-note';

/** The editor's base parser (typed by CodeMirror as any lezer parser). */
const gfm = markdownLanguage.parser as MarkdownParser;

const library = gfm.configure([wikiLinkSyntax]);
const linear = gfm.configure([wikiLinkSyntax, linearLinkSyntax]);

/** Every node of the tree with its range, in order: two parses agree when these are equal. */
function nodes(parser: MarkdownParser, text: string): string[] {
  const out: string[] = [];
  parser.parse(text).iterate({ enter: (n) => void out.push(`${n.name}:${n.from}-${n.to}`) });
  return out;
}

/**
 * Counts reads of the inline parts list's entries: an inline parser that runs first at every
 * position wraps each section's parts in a counting proxy (the parsers only reach them that way).
 */
function countingPartReads(base: MarkdownParser): { parser: MarkdownParser; reads: () => number } {
  let reads = 0;
  const wrapped = new WeakSet<InlineContext>();
  const counter: MarkdownConfig = {
    parseInline: [
      {
        name: 'CountPartReads',
        before: 'Escape',
        parse(cx) {
          if (wrapped.has(cx)) return -1;
          wrapped.add(cx);
          const holder = cx as unknown as { parts: unknown[] };
          holder.parts = new Proxy(holder.parts, {
            get(target, key, receiver) {
              if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
              return Reflect.get(target, key, receiver) as unknown;
            },
          });
          return -1;
        },
      },
    ],
  };
  return { parser: base.configure(counter), reads: () => reads };
}

describe('linearLinkSyntax', () => {
  it('parses a paragraph of links with work proportional to the links, not their square', () => {
    const links = 4000;
    const text = linkNote(links);
    const fixed = countingPartReads(linear);
    fixed.parser.parse(text);
    // The library alone reads every earlier part on each link: about links²/2 = 8 million.
    expect(fixed.reads()).toBeLessThan(20 * links);
    expect(nodes(linear, text).filter((n) => n.startsWith('Link:'))).toHaveLength(links);
  });

  it('does the same for bare URLs (the autolinker asked about open links from the start)', () => {
    const urls = 4000;
    const text = Array.from({ length: urls }, (_, i) => `https://example.com/${i}`).join('\n');
    const fixed = countingPartReads(linear);
    fixed.parser.parse(text);
    expect(fixed.reads()).toBeLessThan(20 * urls);
    expect(nodes(linear, text).filter((n) => n.startsWith('URL:'))).toHaveLength(urls);
  });

  it('builds exactly the tree the library builds', () => {
    const pieces = [
      '[',
      ']',
      '![',
      '(',
      ')',
      '[[',
      ']]',
      'a',
      ' ',
      '\n',
      '\n\n',
      '*',
      '_',
      '`',
      '<',
      '>',
      'x.md',
      '#h',
      '|',
      'https://e.com/p',
      'www.e.org',
      'a@b.co',
      '\\',
      ': ',
      '"t"',
      '- ',
      '> ',
      '    ',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(nodes(linear, text)).toEqual(nodes(library, text));
      }),
      { numRuns: 3000 },
    );
    for (const text of [
      '[a [b](c) d](e)',
      '![a [b](c) d](e)',
      '[a ![b](c) d](e)',
      '[a] ] ] [b](c) ]',
      '[x www.a.com/[b] y](z) www.c.org',
      '[[a]] [b](c) [[d|e]] ![[f]] [g][h]\n\n[h]: i.md',
      '*[a](b)* [*c*](d) **[e **f](g)**',
    ]) {
      expect(nodes(linear, text)).toEqual(nodes(library, text));
    }
  });
});
