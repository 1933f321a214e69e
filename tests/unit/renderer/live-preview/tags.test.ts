// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { tagDecorations, tags } from '../../../../renderer/src/live-preview/tags';
import { all, listed, moveTo, stateOf, viewOf } from './decorations';

function found(text: string): string[] {
  const state = stateOf(text);
  return listed(state, tagDecorations(state, all(state))).map(([tag, kind]) => `${tag} ${kind}`);
}

describe('tagDecorations', () => {
  it('styles `#tag` and `#nested/tag` that start a word, in prose, headings and emphasis', () => {
    expect(found('#tag and #nested/tag, **#bold** x#no #123 #y2k\n# Heading #intitle\nend')).toEqual([
      '#tag cm-lp-tag',
      '#nested/tag cm-lp-tag',
      '#bold cm-lp-tag',
      '#y2k cm-lp-tag',
      '#intitle cm-lp-tag',
    ]);
  });

  it('finds none in code, links, URLs, frontmatter or a heading’s own `#`', () => {
    expect(
      found(
        '---\ntags: [#a]\n---\n# Title\n`#code` [[note#heading]] [text #x](a.md) https://x.example/#frag <https://y.example/#f>\n```\n#fenced\n```\nend',
      ),
    ).toEqual([]);
  });
});

describe('tags in an editor', () => {
  function press(element: Element): boolean {
    const event = new MouseEvent('mousedown', { bubbles: true, cancelable: true, button: 0 });
    element.dispatchEvent(event);
    return event.defaultPrevented;
  }

  it('calls onTag on a plain click, unless the cursor is at the tag (then the click edits)', () => {
    const onTag = vi.fn();
    const view = viewOf('see #nested/tag here\n\nend', tags(onTag));
    const pill = view.contentDOM.querySelector('.cm-lp-tag')!;
    expect(pill.textContent).toBe('#nested/tag');
    expect(press(pill)).toBe(true);
    expect(onTag).toHaveBeenCalledWith('nested/tag');
    moveTo(view, 6);
    press(view.contentDOM.querySelector('.cm-lp-tag')!);
    expect(onTag).toHaveBeenCalledTimes(1);
    view.destroy();
  });
});
