// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { commentDecorations, comments } from '../../../../renderer/src/live-preview/comments';
import { all, listed, moveTo, stateOf, viewOf } from './decorations';

describe('commentDecorations', () => {
  it('dims a comment and hides its `%%` off the cursor', () => {
    const state = stateOf('a %%note%% b %%two words%%\nend');
    expect(listed(state, commentDecorations(state, all(state)))).toEqual([
      ['%%note%%', 'cm-lp-comment'],
      ['%%', 'hide'],
      ['%%', 'hide'],
      ['%%two words%%', 'cm-lp-comment'],
      ['%%', 'hide'],
      ['%%', 'hide'],
    ]);
  });

  it('keeps the `%%` of the comment the cursor touches, still dimmed', () => {
    const state = stateOf('%%one%%‸ %%two%%\nend');
    expect(listed(state, commentDecorations(state, all(state)))).toEqual([
      ['%%one%%', 'cm-lp-comment'],
      ['%%two%%', 'cm-lp-comment'],
      ['%%', 'hide'],
      ['%%', 'hide'],
    ]);
  });

  it('covers code and links inside a comment, but never takes `%%` from code or frontmatter', () => {
    const state = stateOf('---\nx: "%%"\n---\n%% see `code` and [[a]] %% and `%%` alone %%\n```\n%%\n```\nend');
    expect(listed(state, commentDecorations(state, all(state))).filter(([, kind]) => kind === 'cm-lp-comment')).toEqual(
      [['%% see `code` and [[a]] %%', 'cm-lp-comment']],
    );
  });

  it('runs over blank lines from a `%%` that starts a line, not from one inside a paragraph', () => {
    const state = stateOf('%%\nhidden\n\nstill hidden\n%%\n\ntext %% open\n\nnext %% close\nend');
    expect(listed(state, commentDecorations(state, all(state))).filter(([, kind]) => kind === 'cm-lp-comment')).toEqual(
      [['%%\nhidden\n\nstill hidden\n%%', 'cm-lp-comment']],
    );
  });
});

describe('comments in an editor', () => {
  it('shows the comment text dimmed without `%%` off the cursor and with them on it', () => {
    const view = viewOf('a %%hid%% b\n\nend', comments());
    expect(view.contentDOM.textContent).toBe('a hid bend');
    expect(view.contentDOM.querySelector('.cm-lp-comment')?.textContent).toBe('hid');
    moveTo(view, 3);
    expect(view.contentDOM.textContent).toBe('a %%hid%% bend');
    view.destroy();
  });
});
