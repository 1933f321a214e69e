// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { inlineMarkDecorations, inlineMarks } from '../../../../renderer/src/live-preview/inline-marks';
import { all, hiddenTexts, listed, moveTo, stateOf, viewOf } from './decorations';

const FRONTMATTER = '---\ntitle: **not bold** ==no==\n---\n';

describe('inlineMarkDecorations', () => {
  it('styles emphasis, strong, strikethrough, code and highlights and hides their marks off the cursor', () => {
    const state = stateOf(FRONTMATTER + '**b** _i_ ~~s~~ `c` ==h==\nend');
    expect(listed(state, inlineMarkDecorations(state, all(state)))).toEqual([
      ['**b**', 'cm-lp-strong'],
      ['**', 'hide'],
      ['**', 'hide'],
      ['_i_', 'cm-lp-em'],
      ['_', 'hide'],
      ['_', 'hide'],
      ['~~s~~', 'cm-lp-strike'],
      ['~~', 'hide'],
      ['~~', 'hide'],
      ['`c`', 'cm-lp-code'],
      ['`', 'hide'],
      ['`', 'hide'],
      ['==h==', 'cm-lp-highlight'],
      ['==', 'hide'],
      ['==', 'hide'],
    ]);
  });

  it('reveals the marks of the element the cursor touches only, keeping its style', () => {
    const state = stateOf('**b**‸ *i* ==h==\nend');
    const found = listed(state, inlineMarkDecorations(state, all(state)));
    expect(found).toContainEqual(['**b**', 'cm-lp-strong']);
    expect(found.filter(([, kind]) => kind === 'hide').map(([text]) => text)).toEqual(['*', '*', '==', '==']);
    const inHighlight = stateOf('**b** *i* ==h‸==\nend');
    expect(hiddenTexts(inHighlight, inlineMarkDecorations(inHighlight, all(inHighlight)))).toEqual([
      '**',
      '**',
      '*',
      '*',
    ]);
  });

  it('leaves code blocks, inline code and frontmatter alone, and styles emphasis inside links', () => {
    const state = stateOf(
      FRONTMATTER + '```\n**not bold** ==no== [[not a link]]\n```\n`==no==` [**in link**](a.md) == a ==\nend',
    );
    const found = listed(state, inlineMarkDecorations(state, all(state)));
    expect(found.filter(([, kind]) => kind !== 'hide')).toEqual([
      ['`==no==`', 'cm-lp-code'],
      ['**in link**', 'cm-lp-strong'],
    ]);
  });

  it('hides the backslash of an escape off the cursor, never in code', () => {
    const state = stateOf('\\*not em\\* `\\*`\nend');
    expect(hiddenTexts(state, inlineMarkDecorations(state, all(state)))).toEqual(['\\', '\\', '`', '`']);
    const touching = stateOf('\\*‸not em\\*\nend');
    expect(hiddenTexts(touching, inlineMarkDecorations(touching, all(touching)))).toEqual(['\\']);
  });

  it('finds highlights in text beside other markup, as the reading view does', () => {
    const state = stateOf('a ==one== *b* ==two words==\nend');
    const found = listed(state, inlineMarkDecorations(state, all(state)));
    expect(found.filter(([, kind]) => kind === 'cm-lp-highlight')).toEqual([
      ['==one==', 'cm-lp-highlight'],
      ['==two words==', 'cm-lp-highlight'],
    ]);
  });
});

describe('inlineMarks in an editor', () => {
  it('shows the rendered text off the cursor and the source on it', () => {
    const view = viewOf('**bold** and ==marked==\n\nend', inlineMarks());
    expect(view.contentDOM.textContent).toBe('bold and markedend');
    expect(view.contentDOM.querySelector('.cm-lp-strong')?.textContent).toBe('bold');
    moveTo(view, 3);
    expect(view.contentDOM.textContent).toBe('**bold** and markedend');
    expect(view.contentDOM.querySelector('.cm-lp-strong')?.textContent).toBe('**bold**');
    view.destroy();
  });
});
