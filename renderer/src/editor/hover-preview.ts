import { hoverTooltip, EditorView, type Tooltip } from '@codemirror/view';
import type { Extension } from '@codemirror/state';
import { isMac } from '../chrome/commands';
import { linkAt } from './editor-link';
import { listenToLinks, parseDataHref, type LinkHandlers } from '../reading/rendered-links';
import { RenderTimeout, type Renderer } from '../reading/render-client';
import { isImageTarget, renderMarkdown, type LoadedNote, type RenderOptions } from '../render/render-markdown';

/** What a preview needs: how to read the linked note, plus the renderer's resolution and images. */
export type PreviewOptions = Pick<RenderOptions, 'resolve' | 'imageUrl' | 'imageProtocols' | 'maxEmbedDepth'> &
  LinkHandlers & {
    /** Reads the note `target` names, resolved from the note at `from`; null when there is none. */
    loadNote: (target: string, from: string) => Promise<LoadedNote | null> | LoadedNote | null;
    /** How long the pointer rests on a link before its preview opens (default 600 ms; Ctrl/Cmd: at once). */
    hoverTime?: number;
    /** Renders the previewed note (default renderMarkdown, on this thread; the app: a RenderClient). */
    render?: Renderer;
  };

/** A link to preview: the note, and the heading path ("h1#h2") or block in it. */
export type PreviewLink = { target: string; heading: string | null; block: string | null };

/**
 * The preview of a link: the note it points to (just the heading section or block when it names
 * one) rendered in a scrollable `div.hover-preview`, or a line saying the note does not exist (or
 * is too complex to render).
 * `from` is the note the link is written in (a same-note link `[[#h]]` previews it); `follow` is
 * how that link is followed where it is shown ("Click", or "Ctrl+click" in the editor's source).
 */
export async function renderLinkPreview(
  link: PreviewLink,
  from: LoadedNote,
  options: PreviewOptions,
  follow = 'Click',
): Promise<HTMLElement> {
  const dom = document.createElement('div');
  dom.className = 'hover-preview markdown-rendered';
  const say = (message: string) => {
    const line = document.createElement('p');
    line.className = 'hover-preview-missing';
    line.textContent = message;
    dom.append(line);
    return dom;
  };
  const rendered = async (text: string, renderOptions: RenderOptions) => {
    try {
      // Sanitized by renderMarkdown (render-schema.ts): no script, handler or unsafe URL survives.
      dom.innerHTML = await (options.render ?? renderMarkdown)(text, { ...options, ...renderOptions });
      return dom;
    } catch (error) {
      return say(
        error instanceof RenderTimeout
          ? `“${link.target}” is too complex to preview (it took more than ${error.limit}).`
          : `“${link.target}” could not be rendered.`,
      );
    }
  };
  if (isImageTarget(link.target) && !/[[\]|]/.test(link.target)) {
    return rendered(`![[${link.target}]]`, { path: from.path });
  }
  let note: LoadedNote | null;
  try {
    note = link.target === '' ? from : await options.loadNote(link.target, from.path);
  } catch {
    return say(`“${link.target}” could not be read.`);
  }
  if (!note) return say(`“${link.target}” does not exist yet. ${follow} the link to create it.`);
  const section = link.heading !== null || link.block !== null;
  await rendered(note.text, {
    path: note.path,
    properties: false,
    section: section ? { headings: link.heading?.split('#') ?? [], block: link.block } : undefined,
  });
  listenToLinks(dom, options);
  return dom;
}

/**
 * The editor's link preview: hovering a link shows its target rendered in a tooltip, after
 * `hoverTime` (600 ms), or at once while Ctrl/Cmd is held. `path` names the edited note.
 */
export function linkPreview(options: PreviewOptions & { path: (view: EditorView) => string }): Extension {
  let modifierHeld = false;
  const track = (event: MouseEvent | KeyboardEvent) => {
    modifierHeld = event.ctrlKey || event.metaKey;
    return false;
  };
  // Two sources, one per delay; each only answers in its own mode so a link never shows two.
  const source =
    (immediate: boolean) =>
    async (view: EditorView, pos: number): Promise<Tooltip | null> => {
      if (modifierHeld !== immediate) return null;
      const link = linkAt(view.state, pos);
      if (!link) return null;
      const from = { path: options.path(view), text: view.state.doc.toString() };
      const dom = await renderLinkPreview(link, from, options, followGesture(view, pos));
      return { pos: link.from, end: link.to, above: true, create: () => ({ dom }) };
    };
  return [
    EditorView.domEventHandlers({ mousemove: track, keydown: track, keyup: track }),
    hoverTooltip(source(true), { hoverTime: 50 }),
    hoverTooltip(source(false), { hoverTime: options.hoverTime ?? 600 }),
  ];
}

/**
 * How the link at `pos` is followed: a plain click on a link Live Preview draws rendered
 * (live-preview/links.ts), Ctrl/Cmd+click on link text in the source (link-decorations.ts).
 */
function followGesture(view: EditorView, pos: number): string {
  const { node } = view.domAtPos(pos);
  const element = node instanceof Element ? node : node.parentElement;
  if (element?.closest('.cm-lp-link-rendered')) return 'Click';
  return isMac() ? 'Cmd+click' : 'Ctrl+click';
}

/**
 * The same preview for links in rendered markdown (the reading view): resting on an
 * `a.internal-link` inside `root` opens a popover (`div.hover-popover`) near it, which stays while
 * the pointer is on the link or the popover. `from` gives the note shown. Returns a function that
 * removes it.
 */
export function attachLinkPreview(root: HTMLElement, options: PreviewOptions & { from: () => LoadedNote }): () => void {
  const doc = root.ownerDocument;
  let popover: HTMLElement | null = null;
  let anchor: Element | null = null;
  let showTimer: ReturnType<typeof setTimeout> | undefined;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  const hide = () => {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    generation++;
    popover?.remove();
    popover = null;
    anchor = null;
  };
  const scheduleHide = () => {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 300);
  };
  const show = async (link: Element) => {
    const current = ++generation;
    const dom = await renderLinkPreview(parseDataHref(link.getAttribute('data-href') ?? ''), options.from(), options);
    if (current !== generation || !link.isConnected) return;
    popover?.remove();
    popover = doc.createElement('div');
    popover.className = 'hover-popover';
    popover.append(dom);
    popover.addEventListener('mouseenter', () => clearTimeout(hideTimer));
    popover.addEventListener('mouseleave', scheduleHide);
    doc.body.append(popover);
    place(popover, link.getBoundingClientRect(), doc);
  };

  const onOver = (event: MouseEvent) => {
    const link = event.target instanceof Element ? event.target.closest('a.internal-link') : null;
    if (!link || !root.contains(link)) return;
    clearTimeout(hideTimer);
    if (link === anchor) return;
    anchor = link;
    clearTimeout(showTimer);
    const delay = event.ctrlKey || event.metaKey ? 0 : (options.hoverTime ?? 600);
    showTimer = setTimeout(() => void show(link), delay);
  };
  const onOut = (event: MouseEvent) => {
    if (!anchor) return;
    const to = event.relatedTarget instanceof Node ? event.relatedTarget : null;
    if (to && (anchor.contains(to) || popover?.contains(to))) return;
    if (!popover) {
      clearTimeout(showTimer);
      anchor = null;
      return;
    }
    scheduleHide();
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') hide();
  };
  root.addEventListener('mouseover', onOver);
  root.addEventListener('mouseout', onOut);
  doc.addEventListener('keydown', onKey);
  return () => {
    hide();
    root.removeEventListener('mouseover', onOver);
    root.removeEventListener('mouseout', onOut);
    doc.removeEventListener('keydown', onKey);
  };
}

/** Below the link (above when there is no room), kept inside the window. */
function place(popover: HTMLElement, link: DOMRect, doc: Document): void {
  const view = doc.defaultView;
  const width = view?.innerWidth ?? 1024;
  const height = view?.innerHeight ?? 768;
  const box = popover.getBoundingClientRect();
  const below = link.bottom + 6;
  const top = below + box.height > height && link.top - 6 - box.height > 0 ? link.top - 6 - box.height : below;
  popover.style.top = `${Math.max(4, top)}px`;
  popover.style.left = `${Math.max(4, Math.min(link.left, width - box.width - 4))}px`;
}
