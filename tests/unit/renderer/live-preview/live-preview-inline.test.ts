// @vitest-environment happy-dom
import type { EditorState } from '@codemirror/state';
import type { DecorationSet } from '@codemirror/view';
import { describe, expect, it, vi } from 'vitest';
import { commentDecorations } from '../../../../renderer/src/live-preview/comments';
import { headingDecorations } from '../../../../renderer/src/live-preview/headings';
import { livePreviewInline } from '../../../../renderer/src/live-preview/index';
import { inlineMarkDecorations } from '../../../../renderer/src/live-preview/inline-marks';
import { linkDisplayDecorations } from '../../../../renderer/src/live-preview/links';
import { listMarkerDecorations } from '../../../../renderer/src/live-preview/list-markers';
import { quoteRuleBreakDecorations } from '../../../../renderer/src/live-preview/quote-rule-break';
import type { Span } from '../../../../renderer/src/live-preview/reveal';
import { tagDecorations } from '../../../../renderer/src/live-preview/tags';
import { moveTo, stateOf, viewOf } from './decorations';

const BUILDERS: [string, (state: EditorState, ranges: readonly Span[]) => DecorationSet][] = [
  ['headings', headingDecorations],
  ['inline marks', inlineMarkDecorations],
  ['links', linkDisplayDecorations],
  ['list markers', listMarkerDecorations],
  ['quotes, rules, breaks', quoteRuleBreakDecorations],
  ['comments', commentDecorations],
  ['tags', tagDecorations],
];

/** Eight lines holding one of everything the inline part decorates. */
const CYCLE = [
  '## Heading',
  'Some **bold** and [[slug | Title]] #tag ==hi== %%c%%',
  '- [ ] task',
  '- item',
  '> quote',
  '---',
  'a<br/>b',
  '',
];

describe('decorations of a 10k-line note', () => {
  const state = stateOf(Array.from({ length: 1250 }, () => CYCLE.join('\n')).join('\n'));
  const rangeOf = (firstCycle: number, cycles: number): Span => ({
    from: state.doc.line(firstCycle * CYCLE.length + 1).from,
    to: state.doc.line((firstCycle + cycles) * CYCLE.length).to,
  });

  it.each(BUILDERS)('%s: only inside the range given, as many per cycle as for one cycle', (_name, build) => {
    expect(state.doc.lines).toBeGreaterThanOrEqual(10_000);
    const one = build(state, [rangeOf(600, 1)]);
    expect(one.size).toBeGreaterThan(0);
    const range = rangeOf(600, 12);
    const set = build(state, [range]);
    expect(set.size).toBe(12 * one.size);
    for (const cursor = set.iter(); cursor.value; cursor.next()) {
      expect(cursor.from).toBeGreaterThanOrEqual(range.from);
      expect(cursor.to).toBeLessThanOrEqual(range.to);
    }
  });
});

/** A note shaped like the real ones: frontmatter, spaced aliases, a table with `<br/>`, nested tasks, code. */
const NOTE = [
  '---',
  'title: Welcome **x**',
  'tags: [a, "#b"]',
  '---',
  '# Welcome',
  '',
  'Go to [[getting-started | Getting Started]] or *[[other#Part]]* %%todo%% #start',
  '',
  '| Col | Notes |',
  '|---|---|',
  '| a | one<br/>two |',
  '',
  '- [ ] top task',
  '  - [x] nested **done**',
  '  - plain nested',
  '',
  '```js',
  "const x = '**not bold** [[not a link]]';",
  '```',
  '> a quote',
  '',
  'end',
].join('\n');

describe('livePreviewInline in an editor', () => {
  it('renders a real-shaped note off the cursor and leaves frontmatter and code as written', () => {
    const onTag = vi.fn();
    const view = viewOf(NOTE, livePreviewInline({ onFollow: () => {}, onTag }));
    const lines = [...view.contentDOM.querySelectorAll('.cm-line')].map((line) => line.textContent);
    expect(lines).toEqual([
      '---',
      'title: Welcome **x**',
      'tags: [a, "#b"]',
      '---',
      'Welcome',
      '',
      'Go to Getting Started or other > Part todo #start',
      '',
      '| Col | Notes |',
      '|---|---|',
      '| a | onetwo |',
      '',
      ' top task',
      '   nested done',
      '  • plain nested',
      '',
      '```js',
      "const x = '**not bold** [[not a link]]';",
      '```',
      'a quote',
      '',
      'end',
    ]);
    expect(view.contentDOM.querySelectorAll('input.cm-lp-task-checkbox')).toHaveLength(2);

    // The cursor on the link's line: that link's source shows, the other link stays rendered.
    moveTo(view, view.state.doc.toString().indexOf('Getting Started'));
    const line = [...view.contentDOM.querySelectorAll('.cm-line')][6]!.textContent;
    expect(line).toBe('Go to [[getting-started | Getting Started]] or other > Part todo #start');
    view.destroy();
  });
});

describe('livePreviewInline as the note changes', () => {
  it('decorates what is typed, and in a 10k-line note only the lines in view', () => {
    const view = viewOf(
      Array.from({ length: 1250 }, () => CYCLE.join('\n')).join('\n'),
      livePreviewInline({ onFollow: () => {} }),
    );
    const strong = () => view.contentDOM.querySelectorAll('.cm-lp-strong').length;
    const inView = strong();
    expect(inView).toBeGreaterThan(0);
    expect(inView).toBeLessThan(1250);
    const { from, to } = view.viewport;
    expect(to - from).toBeLessThan(view.state.doc.length / 2);

    view.dispatch({
      changes: { from: 0, insert: 'new **strong** text\n\n' },
      selection: { anchor: view.state.doc.length },
    });
    const first = view.contentDOM.querySelector('.cm-line');
    expect(first?.textContent).toBe('new strong text');
    expect(first?.querySelector('.cm-lp-strong')?.textContent).toBe('strong');
    view.destroy();
  });
});
