// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { headingDecorations, headings } from '../../../../renderer/src/live-preview/headings';
import { all, listed, moveTo, stateOf, viewOf } from './decorations';

describe('headingDecorations', () => {
  it('styles heading lines by level and hides `# ` off the cursor line, a closing run too', () => {
    const state = stateOf('---\n# not a heading\n---\n# One\n### Three ##\n###### Six\nend');
    expect(listed(state, headingDecorations(state, all(state)))).toEqual([
      ['# One', 'line:cm-lp-heading cm-lp-h1'],
      ['# ', 'hide'],
      ['### Three ##', 'line:cm-lp-heading cm-lp-h3'],
      ['### ', 'hide'],
      [' ##', 'hide'],
      ['###### Six', 'line:cm-lp-heading cm-lp-h6'],
      ['###### ', 'hide'],
    ]);
  });

  it('keeps the marks of the heading the cursor is on (anywhere on its line) and its style', () => {
    const state = stateOf('# One\n## Tw‸o\nend');
    expect(listed(state, headingDecorations(state, all(state)))).toEqual([
      ['# One', 'line:cm-lp-heading cm-lp-h1'],
      ['# ', 'hide'],
      ['## Two', 'line:cm-lp-heading cm-lp-h2'],
    ]);
  });

  it('leaves setext headings and `#` in code alone', () => {
    const state = stateOf('Title\n===\n\n```\n# code\n```\n    # indented code\nend');
    expect(listed(state, headingDecorations(state, all(state)))).toEqual([]);
  });
});

describe('headings in an editor', () => {
  it('shows the title alone off the cursor line and `## ` on it', () => {
    const view = viewOf('## Title\n\nend', headings());
    expect(view.contentDOM.textContent).toBe('Titleend');
    expect(view.contentDOM.querySelector('.cm-lp-h2')?.textContent).toBe('Title');
    moveTo(view, 5);
    expect(view.contentDOM.textContent).toBe('## Titleend');
    view.destroy();
  });
});
