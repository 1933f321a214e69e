// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { EditorLink } from '../../../../renderer/src/editor/editor-link';
import { linkDisplayDecorations, links } from '../../../../renderer/src/live-preview/links';
import { all, listed, moveTo, stateOf, viewOf } from './decorations';

/** What a reader sees of each link off the cursor: the text of the rendered parts, joined by separators. */
function shown(text: string): string[] {
  const state = stateOf(text);
  const out: string[] = [];
  let current = '';
  for (const [part, kind] of listed(state, linkDisplayDecorations(state, all(state)))) {
    if (kind === 'cm-lp-link cm-lp-link-rendered') current += part;
    else if (kind === 'HeadingSeparator') current += ' > ';
    else if (kind === 'hide' && current !== '') {
      out.push(current);
      current = '';
    }
  }
  return out;
}

describe('linkDisplayDecorations', () => {
  it('shows a wiki link’s alias (trimmed), or its target with headings as `a > h`', () => {
    expect(shown('[[target|alias]] [[slug | Title]] [[a#h]] [[#h]] [[a#h1#h2]] [[plain]]\nend')).toEqual([
      'alias',
      'Title',
      'a > h',
      'h',
      'a > h1 > h2',
      'plain',
    ]);
  });

  it('shows block links as `note > ^id` and keeps `\\|` out of an alias', () => {
    expect(shown('[[a#^block]] [[#^id]] [[x\\|Y]]\nend')).toEqual(['a > ^block', '^id', 'Y']);
  });

  it('hides exactly the markup around the shown text', () => {
    const state = stateOf('see [[slug | Title]] and [text](note.md "t")\nend');
    expect(listed(state, linkDisplayDecorations(state, all(state)))).toEqual([
      ['[[slug | ', 'hide'],
      ['Title', 'cm-lp-link cm-lp-link-rendered'],
      [']]', 'hide'],
      ['[', 'hide'],
      ['text', 'cm-lp-link cm-lp-link-rendered'],
      ['](note.md "t")', 'hide'],
    ]);
  });

  it('reveals a link the cursor touches, and only that one', () => {
    const state = stateOf('[[a|A]]‸ [[b|B]]\nend');
    expect(listed(state, linkDisplayDecorations(state, all(state)))).toEqual([
      ['[[b|', 'hide'],
      ['B', 'cm-lp-link cm-lp-link-rendered'],
      [']]', 'hide'],
    ]);
  });

  it('leaves embeds, images, autolinks, bare URLs, reference links, code and frontmatter alone', () => {
    const state = stateOf(
      '---\nlink: "[[a|b]]"\n---\n![[embed]] ![img](i.png) <https://x.example> https://y.example [ref][r] `[[c]]`\n```\n[[not a link]]\n```\n\n[r]: https://z.example\nend',
    );
    expect(listed(state, linkDisplayDecorations(state, all(state)))).toEqual([]);
  });

  it('keeps the source of a markdown link whose markup runs over a line break', () => {
    const state = stateOf('[two\nlines](a.md) [text](\nb.md)\n\nend');
    expect(listed(state, linkDisplayDecorations(state, all(state)))).toEqual([
      ['[', 'hide'],
      ['two\nlines', 'cm-lp-link cm-lp-link-rendered'],
      ['](a.md)', 'hide'],
    ]);
  });

  it('keeps emphasis inside a link’s text for the inline marks to style', () => {
    const state = stateOf('[**bold** text](a.md)\nend');
    expect(listed(state, linkDisplayDecorations(state, all(state)))).toContainEqual([
      '**bold** text',
      'cm-lp-link cm-lp-link-rendered',
    ]);
  });
});

describe('links in an editor', () => {
  function editor(text: string, onExternal?: (url: string) => void) {
    const followed: [EditorLink, boolean][] = [];
    const view = viewOf(text, links({ onFollow: (link, newTab) => followed.push([link, newTab]), onExternal }));
    return { view, followed };
  }

  function press(element: Element, init: MouseEventInit = {}): boolean {
    const event = new MouseEvent('mousedown', { bubbles: true, cancelable: true, button: 0, ...init });
    element.dispatchEvent(event);
    return event.defaultPrevented;
  }

  it('shows display text off the cursor and the source on it', () => {
    const { view } = editor('A [[slug | Title]] B\n\nend');
    expect(view.contentDOM.textContent).toBe('A Title Bend');
    moveTo(view, 2);
    expect(view.contentDOM.textContent).toBe('A [[slug | Title]] Bend');
    view.destroy();
  });

  it('follows a rendered link on a plain click (Ctrl/Cmd: new tab) without moving the cursor', () => {
    const { view, followed } = editor('x [[slug#Part | Title]] [web](https://x.example)\n\nend');
    const rendered = view.contentDOM.querySelector('.cm-lp-link-rendered')!;
    expect(rendered.textContent).toBe('Title');
    expect(press(rendered)).toBe(true);
    expect(press(rendered, { ctrlKey: true })).toBe(true);
    expect(followed.map(([link, newTab]) => [link.target, link.heading, newTab])).toEqual([
      ['slug', 'Part', false],
      ['slug', 'Part', true],
    ]);
    expect(view.state.selection.main.head).toBe(view.state.doc.length);
    view.destroy();
  });

  it('opens a rendered external link through onExternal', () => {
    const onExternal = vi.fn();
    const { view } = editor('[web](https://x.example)\n\nend', onExternal);
    press(view.contentDOM.querySelector('.cm-lp-link-rendered')!);
    expect(onExternal).toHaveBeenCalledWith('https://x.example');
    view.destroy();
  });

  it('leaves a click on a revealed link to the editor (it places the cursor)', () => {
    const { view, followed } = editor('[[a|A]]\n\nend');
    moveTo(view, 0);
    expect(view.contentDOM.querySelector('.cm-lp-link-rendered')).toBeNull();
    const line = view.contentDOM.querySelector('.cm-line')!;
    press(line);
    expect(followed).toEqual([]);
    view.destroy();
  });
});
