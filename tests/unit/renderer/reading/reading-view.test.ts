// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReadingView, type FollowOptions } from '../../../../renderer/src/reading/reading-view';
import { attachLinkPreview } from '../../../../renderer/src/editor/hover-preview';
import { RenderTimeout, type Renderer } from '../../../../renderer/src/reading/render-client';

const NOTE = [
  '# Top',
  '',
  'See [[Other note#Part|other]], [[gone]], [site](https://example.com/a) and [[#Local]] and [n](sub/n.md).',
  '',
  'A footnote[^1].',
  '',
  '## Local',
  '',
  'Here. ^blk',
  '',
  '[^1]: Note.',
].join('\n');

let parent: HTMLElement;
let view: ReadingView;
let follow: ReturnType<typeof vi.fn<(target: string, options: FollowOptions) => void>>;
let external: ReturnType<typeof vi.fn<(url: string) => void>>;

beforeEach(() => {
  parent = document.createElement('div');
  document.body.append(parent);
  follow = vi.fn<(target: string, options: FollowOptions) => void>();
  external = vi.fn<(url: string) => void>();
  view = new ReadingView(parent, {
    onFollow: follow,
    onExternal: external,
    resolve: (targets) => targets.map((t) => (t === 'gone' ? null : `${t}.md`)),
    preview: false,
  });
});

afterEach(() => {
  view.destroy();
  parent.remove();
});

/** Clicks `element` and tells whether the default action (navigating) was prevented. */
function click(element: Element | null, init: MouseEventInit = {}): boolean {
  if (!element) throw new Error('nothing to click');
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ...init });
  element.dispatchEvent(event);
  return event.defaultPrevented;
}

const link = (text: string) => [...view.dom.querySelectorAll('a')].find((a) => a.textContent === text) ?? null;

describe('ReadingView', () => {
  it('shows the rendered note in its element, inside the parent', async () => {
    await view.show('folder/note.md', NOTE);
    expect(parent.contains(view.dom)).toBe(true);
    expect(view.dom.classList.contains('reading-view')).toBe(true);
    expect(view.dom.querySelector('h1')?.textContent).toBe('Top');
    expect(view.notePath).toBe('folder/note.md');
    expect(link('gone')?.classList.contains('is-unresolved')).toBe(true);
  });

  it('follows internal links through onFollow, never navigating', async () => {
    await view.show('folder/note.md', NOTE);
    expect(click(link('other'))).toBe(true);
    expect(follow).toHaveBeenLastCalledWith('Other note', { heading: 'Part', block: null, newTab: false });
    expect(click(link('n'), { ctrlKey: true })).toBe(true);
    expect(follow).toHaveBeenLastCalledWith('sub/n.md', { heading: null, block: null, newTab: true });
    expect(click(link('gone'), { metaKey: true })).toBe(true);
    expect(follow).toHaveBeenLastCalledWith('gone', { heading: null, block: null, newTab: true });
    expect(external).not.toHaveBeenCalled();
  });

  it('hands external links to onExternal, never navigating', async () => {
    await view.show('folder/note.md', NOTE);
    expect(click(link('site'))).toBe(true);
    expect(external).toHaveBeenCalledWith('https://example.com/a');
    expect(follow).not.toHaveBeenCalled();
  });

  it('reveals same-note headings itself, and footnotes', async () => {
    await view.show('folder/note.md', NOTE);
    expect(click(link('Local'))).toBe(true);
    expect(follow).not.toHaveBeenCalled();
    expect(view.dom.querySelector('h2')?.classList.contains('is-flashing')).toBe(true);
    expect(click(view.dom.querySelector('a[data-footnote-ref]'))).toBe(true);
    expect(view.dom.querySelector('#user-content-fn-1')?.classList.contains('is-flashing')).toBe(true);
  });

  it('reveals a heading (by text or path, any case) or a block, and says when there is none', async () => {
    await view.show('folder/note.md', NOTE);
    expect(view.reveal({ heading: 'top#LOCAL' })).toBe(true);
    expect(view.reveal({ block: 'blk' })).toBe(true);
    expect(view.dom.querySelector('[data-block="blk"]')?.classList.contains('is-flashing')).toBe(true);
    expect(view.reveal({ heading: 'Nowhere' })).toBe(false);
    expect(view.reveal({ block: 'nope' })).toBe(false);
  });

  it('shows the latest note when renders overlap', async () => {
    const first = view.show('a.md', '# A');
    const second = view.show('b.md', '# B');
    await Promise.all([first, second]);
    expect(view.dom.querySelector('h1')?.textContent).toBe('B');
    expect(view.notePath).toBe('b.md');
  });

  it('says so in place of a note that cannot be rendered, and never throws', async () => {
    const render = vi.fn<Renderer>(() => Promise.reject(new RenderTimeout(3000)));
    const slow = new ReadingView(parent, { onFollow: follow, onExternal: external, preview: false, render });
    await slow.show('deep.md', '> > >');
    expect(slow.dom.textContent).toBe(
      'This note is too complex to render in reading view (it took more than 3 s); the editor still shows it.',
    );
    expect(slow.notePath).toBe('deep.md');
    render.mockRejectedValueOnce(new RangeError('Maximum call stack size exceeded'));
    await slow.show('other.md', '[[[');
    expect(slow.dom.textContent).toContain('could not be rendered in reading view');
    slow.destroy();
  });

  it('aborts a render a newer one superseded', async () => {
    const signals: AbortSignal[] = [];
    const render = vi.fn<Renderer>((text, _options, signal) => {
      if (signal) signals.push(signal);
      return new Promise((resolve, reject) => {
        signal?.addEventListener('abort', () => reject(new DOMException('superseded', 'AbortError')));
        setTimeout(() => resolve(`<p>${text}</p>`), 10);
      });
    });
    const own = new ReadingView(parent, { onFollow: follow, onExternal: external, preview: false, render });
    const first = own.show('a.md', 'A');
    await own.show('b.md', 'B');
    await first;
    expect(signals.map((signal) => signal.aborted)).toEqual([true, false]);
    expect(own.dom.innerHTML).toBe('<p>B</p>');
    own.destroy();
  });

  it('stops listening once destroyed', async () => {
    await view.show('folder/note.md', NOTE);
    const anchor = link('other');
    view.destroy();
    click(anchor);
    expect(follow).not.toHaveBeenCalled();
    expect(parent.contains(view.dom)).toBe(false);
  });
});

describe('attachLinkPreview', () => {
  it('previews the linked section on hover, with Ctrl at once, and hides on Escape', async () => {
    const root = document.createElement('div');
    root.innerHTML = '<a class="internal-link" data-href="Other#Part" href="#">other</a>';
    document.body.append(root);
    const loadNote = vi.fn((target: string) => ({
      path: `${target}.md`,
      text: '# Intro\n\nno\n\n## Part\n\nThe part.',
    }));
    const detach = attachLinkPreview(root, { loadNote, from: () => ({ path: 'here.md', text: '' }) });
    const anchor = root.querySelector('a');
    anchor?.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, ctrlKey: true }));
    await vi.waitFor(() => expect(document.querySelector('.hover-popover')).not.toBeNull());
    const popover = document.querySelector('.hover-popover');
    expect(loadNote).toHaveBeenCalledWith('Other', 'here.md');
    expect(popover?.textContent).toContain('The part.');
    expect(popover?.textContent).not.toContain('no');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(document.querySelector('.hover-popover')).toBeNull();
    detach();
    root.remove();
  });
});

describe('ReadingView: tasks, tags and files', () => {
  it('calls onToggleTask with the task’s source line when its checkbox changes; disabled without it', async () => {
    const toggled = vi.fn<(line: number, checked: boolean) => void>();
    const tagged = vi.fn<(tag: string) => void>();
    const opened = vi.fn<(path: string) => void>();
    const host = document.createElement('div');
    document.body.append(host);
    const tasks = new ReadingView(host, {
      onFollow: follow,
      onExternal: external,
      preview: false,
      onToggleTask: toggled,
      onTag: tagged,
      onOpenFile: opened,
    });
    await tasks.show('t.md', '# T\n\n- [ ] one #todo\n- [x] two\n\n![[doc.pdf]]');
    const boxes = [...tasks.dom.querySelectorAll('input[type="checkbox"]')] as HTMLInputElement[];
    expect(boxes.map((box) => box.disabled)).toEqual([false, false]);
    boxes[1]?.click();
    expect(toggled).toHaveBeenCalledWith(4, false);
    boxes[0]?.click();
    expect(toggled).toHaveBeenLastCalledWith(3, true);
    expect(click(tasks.dom.querySelector('a.tag'))).toBe(true);
    expect(tagged).toHaveBeenCalledWith('todo');
    expect(click(tasks.dom.querySelector('a.file-embed'))).toBe(true);
    expect(opened).toHaveBeenCalledWith('doc.pdf');
    expect(follow).not.toHaveBeenCalled();
    tasks.destroy();
    host.remove();

    await view.show('t.md', '- [ ] one');
    expect(view.dom.querySelector<HTMLInputElement>('input')?.disabled).toBe(true);
  });
});
