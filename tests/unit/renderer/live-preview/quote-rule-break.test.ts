// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { quoteRuleBreak, quoteRuleBreakDecorations } from '../../../../renderer/src/live-preview/quote-rule-break';
import { all, listed, moveTo, stateOf, viewOf } from './decorations';

describe('quoteRuleBreakDecorations', () => {
  it('borders every quote line and hides its `>` off the cursor line, nested quotes included', () => {
    const state = stateOf('> one\n> > two\nlazy\n\n> thr‸ee\n\nend');
    expect(listed(state, quoteRuleBreakDecorations(state, all(state)))).toEqual([
      ['> one', 'line:cm-lp-quote'],
      ['> ', 'hide'],
      ['> > two', 'line:cm-lp-quote'],
      ['> ', 'hide'],
      ['> ', 'hide'],
      ['lazy', 'line:cm-lp-quote'],
      ['> three', 'line:cm-lp-quote'],
    ]);
  });

  it('skips callouts, which the blocks part draws', () => {
    const state = stateOf('> [!info] Title\n> body\n\n- > [!tip]- folded\n\nend');
    expect(listed(state, quoteRuleBreakDecorations(state, all(state)))).toEqual([]);
  });

  it('draws rules off the cursor line, never the frontmatter fences or a setext underline', () => {
    const state = stateOf('---\na: 1\n---\n***\n\nTitle\n---\n\n- - -\nend');
    expect(listed(state, quoteRuleBreakDecorations(state, all(state)))).toEqual([
      ['***', 'RuleWidget'],
      ['- - -', 'RuleWidget'],
    ]);
    const onRule = stateOf('***‸\n\nend');
    expect(listed(onRule, quoteRuleBreakDecorations(onRule, all(onRule)))).toEqual([]);
  });

  it('turns `<br>` and `<br/>` into breaks, in a table row too, unless the cursor touches them', () => {
    const state = stateOf('a<br>b <BR /> <b>bold</b>\n\n| x | y<br/>z |\n|---|---|\n| 1 | 2 |\n\n`<br>`\nend');
    expect(listed(state, quoteRuleBreakDecorations(state, all(state)))).toEqual([
      ['<br>', 'BreakWidget'],
      ['<BR />', 'BreakWidget'],
      ['<br/>', 'BreakWidget'],
    ]);
    const touching = stateOf('a<br>‸b\nend');
    expect(listed(touching, quoteRuleBreakDecorations(touching, all(touching)))).toEqual([]);
  });
});

describe('quoteRuleBreak in an editor', () => {
  it('shows quote text and rules rendered off the cursor and the source on it', () => {
    const view = viewOf('> quoted\n\n---\n\na<br/>b\n\nend', quoteRuleBreak());
    expect(view.contentDOM.textContent).toBe('quotedabend');
    expect(view.contentDOM.querySelector('.cm-line.cm-lp-quote')?.textContent).toBe('quoted');
    expect(view.contentDOM.querySelectorAll('.cm-lp-hr, .cm-lp-br')).toHaveLength(2);
    moveTo(view, 1);
    expect(view.contentDOM.textContent).toBe('> quotedabend');
    moveTo(view, 11);
    expect(view.contentDOM.textContent).toBe('quoted---abend');
    moveTo(view, 16);
    expect(view.contentDOM.textContent).toBe('quoteda<br/>bend');
    view.destroy();
  });
});
