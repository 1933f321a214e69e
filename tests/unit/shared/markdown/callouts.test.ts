import { describe, expect, it } from 'vitest';
import type { Callout } from '../../../../shared/markdown/callouts';
import { parseMarkdown } from '../../../../shared/markdown/parse-markdown';
import { walk } from '../../../../shared/markdown/walk';

function callouts(text: string): (Callout | undefined)[] {
  const found: (Callout | undefined)[] = [];
  walk(parseMarkdown(text), (node) => {
    if (node.type === 'blockquote') found.push(node.data?.callout);
  });
  return found;
}

describe('remarkCallouts', () => {
  it.each<[string, Callout]>([
    ['> [!info]\n> body', { type: 'info', fold: null, title: null }],
    [
      '> [!INFO] Tachykinin and Social Interaction\n> body',
      { type: 'info', fold: null, title: 'Tachykinin and Social Interaction' },
    ],
    ['> [!faq]- Why?\n> Because.', { type: 'faq', fold: 'closed', title: 'Why?' }],
    ['> [!todo]+\n> - [ ] x', { type: 'todo', fold: 'open', title: null }],
    ['> [!my-type] A *styled* [[note|title]]', { type: 'my-type', fold: null, title: 'A styled title' }],
    ['>[!tip]Tight', { type: 'tip', fold: null, title: 'Tight' }],
  ])('%j', (text, expected) => {
    expect(callouts(text)).toEqual([expected]);
  });

  it.each([
    ['> plain quote'],
    ['> *[!info]* emphasised'],
    ['> text\n> [!info] on a later line'],
    ['> [!] no type'],
    ['> `[!info]`'],
  ])('%j is not a callout', (text) => {
    expect(callouts(text)).toEqual([undefined]);
  });

  it('marks nested callouts too, and leaves the marker text in place', () => {
    const tree = parseMarkdown('> [!note] Outer\n> > [!warning] Inner\n> > text');
    expect(callouts('> [!note] Outer\n> > [!warning] Inner\n> > text').map((callout) => callout?.type)).toEqual([
      'note',
      'warning',
    ]);
    const quote = tree.children[0];
    expect(
      quote?.type === 'blockquote' && quote.children[0]?.type === 'paragraph' && quote.children[0].children[0],
    ).toMatchObject({ type: 'text', value: '[!note] Outer' });
  });
});
