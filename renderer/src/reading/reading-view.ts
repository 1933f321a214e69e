import 'katex/dist/katex.min.css';
import { attachLinkPreview, type PreviewOptions } from '../editor/hover-preview';
import { drawDiagrams } from './mermaid-diagrams';
import { listenToLinks, type FollowOptions } from './rendered-links';
import { RenderTimeout, type Renderer } from './render-client';
import { renderMarkdown, type RenderOptions } from '../render/render-markdown';
import { headingKey } from '../render/render-section';

export type { FollowOptions } from './rendered-links';

export type ReadingViewOptions = Omit<RenderOptions, 'path' | 'section'> & {
  /** An internal link was clicked (never a navigation): open `target` (Ctrl/Cmd/middle: `newTab`). */
  onFollow(target: string, options: FollowOptions): void;
  /** An external http(s)/mailto link was clicked: hand it to the OS browser. */
  onExternal(url: string): void;
  /** Preview internal links on hover (default: on when `loadNote` is given). */
  preview?: boolean;
  /** Hover delay of the preview, ms (default 600; Ctrl/Cmd: at once). */
  hoverTime?: number;
  /** Renders the note and its previews (default renderMarkdown, on this thread; the app: a RenderClient). */
  render?: Renderer;
  /**
   * A task's checkbox was ticked or unticked: `line` is the 1-based line of its `- [ ]` in the
   * note's text shown. Without it, checkboxes stay disabled. The app writes the note and shows it again.
   */
  onToggleTask?(line: number, checked: boolean): void;
  /** A tag pill was clicked: `tag` without its `#` (the app opens a `tag:` search). */
  onTag?(tag: string): void;
  /** A vault file's link card (a PDF) was clicked: its vault path, for the OS to open. */
  onOpenFile?(path: string): void;
  /** Draw ` ```mermaid ` blocks as diagrams (mermaid-diagrams.ts; default true). */
  diagrams?: boolean;
};

/**
 * A note rendered for reading (render-markdown.ts) in a scrollable `div.reading-view`: links
 * are followed through callbacks, never by navigating; internal links preview on hover;
 * `reveal` scrolls to a heading or block.
 */
export class ReadingView {
  /** The element showing the note; the view appends it to the parent given. */
  readonly dom: HTMLElement;
  private path = '';
  private text = '';
  private generation = 0;
  private rendering: AbortController | null = null;
  private readonly cleanups: (() => void)[] = [];
  /** Stops drawing the Mermaid diagrams of the note shown. */
  private stopDiagrams: () => void = () => undefined;

  constructor(
    parent: HTMLElement,
    private readonly options: ReadingViewOptions,
  ) {
    const doc = parent.ownerDocument;
    this.dom = doc.createElement('div');
    this.dom.className = 'reading-view markdown-rendered';
    this.dom.tabIndex = -1;
    parent.append(this.dom);
    const handlers = {
      onFollow: (target: string, follow: FollowOptions) => options.onFollow(target, follow),
      onExternal: (url: string) => options.onExternal(url),
      onTag: (tag: string) => options.onTag?.(tag),
      onOpenFile: (path: string) => options.onOpenFile?.(path),
      onSameNote: (at: { heading: string | null; block: string | null; id: string | null }) => {
        if (at.id !== null) this.revealId(at.id);
        else this.reveal(at);
      },
    };
    this.cleanups.push(listenToLinks(this.dom, handlers));
    const onChange = (event: Event) => {
      const box = event.target;
      if (!(box instanceof HTMLInputElement) || !this.dom.contains(box)) return;
      const line = Number(box.getAttribute('data-task-line'));
      if (box.type === 'checkbox' && Number.isInteger(line) && line > 0) options.onToggleTask?.(line, box.checked);
    };
    this.dom.addEventListener('change', onChange);
    this.cleanups.push(() => this.dom.removeEventListener('change', onChange));
    const { loadNote } = options;
    if (loadNote && options.preview !== false) {
      const preview: PreviewOptions & { from: () => { path: string; text: string } } = {
        ...options,
        ...handlers,
        loadNote,
        from: () => ({ path: this.path, text: this.text }),
      };
      this.cleanups.push(attachLinkPreview(this.dom, preview));
    }
  }

  /** The note shown, by path ("" before the first `show`). */
  get notePath(): string {
    return this.path;
  }

  /**
   * Renders `text` (the note at `path`). Re-showing the same note keeps the scroll position.
   * Resolves once the note is on screen; a later `show` supersedes an earlier one still rendering.
   * A note that cannot be rendered (too complex for the render budget) shows a line saying so.
   */
  async show(path: string, text: string): Promise<void> {
    const current = ++this.generation;
    this.rendering?.abort();
    const rendering = (this.rendering = new AbortController());
    const render = this.options.render ?? renderMarkdown;
    let html: string | null = null;
    let failure: unknown;
    try {
      const tickableTasks = this.options.onToggleTask !== undefined;
      html = await render(text, { ...this.options, path, tickableTasks }, rendering.signal);
    } catch (error) {
      failure = error;
    }
    if (current !== this.generation) return;
    this.rendering = null;
    if (html === null) {
      this.showFailure(failure);
      this.dom.scrollTop = 0;
    } else {
      const scrollTop = path === this.path ? this.dom.scrollTop : 0;
      // Sanitized by renderMarkdown (render-schema.ts): no script, handler or unsafe URL survives.
      this.stopDiagrams();
      this.dom.innerHTML = html;
      this.dom.scrollTop = scrollTop;
      if (this.options.diagrams !== false) this.stopDiagrams = drawDiagrams(this.dom);
    }
    this.path = path;
    this.text = text;
  }

  /**
   * Scrolls to a heading (its text, or a path "h1#h2" whose last part is used; case and
   * punctuation ignored) or a block id, and briefly highlights it. False when not found.
   */
  reveal(at: { heading?: string | null; block?: string | null }): boolean {
    let element: Element | undefined;
    if (at.block) {
      element = [...this.dom.querySelectorAll('[data-block]')].find((el) => el.getAttribute('data-block') === at.block);
    } else if (at.heading) {
      const key = headingKey(at.heading.split('#').at(-1) ?? '');
      element = [...this.dom.querySelectorAll('[data-heading]')].find(
        (el) => headingKey(el.getAttribute('data-heading') ?? '') === key,
      );
    }
    if (!element) return false;
    this.flash(element);
    return true;
  }

  /** Stops listening and removes the view's element. */
  destroy(): void {
    this.generation++;
    this.rendering?.abort();
    this.stopDiagrams();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.dom.remove();
  }

  /** In place of the note: why it is not shown. */
  private showFailure(error: unknown): void {
    const line = this.dom.ownerDocument.createElement('p');
    line.className = 'reading-view-failed';
    line.textContent =
      error instanceof RenderTimeout
        ? `This note is too complex to render in reading view (it took more than ${error.limit}); the editor still shows it.`
        : 'This note could not be rendered in reading view; the editor still shows it.';
    this.dom.replaceChildren(line);
  }

  /** A footnote anchor: the sanitizer prefixed every id with `user-content-`. */
  private revealId(id: string): void {
    const element = [...this.dom.querySelectorAll('[id]')].find((el) => el.id === id || el.id === `user-content-${id}`);
    if (element) this.flash(element);
  }

  private flash(element: Element): void {
    element.scrollIntoView?.({ block: 'start' });
    element.classList.add('is-flashing');
    setTimeout(() => element.classList.remove('is-flashing'), 1500);
  }
}
