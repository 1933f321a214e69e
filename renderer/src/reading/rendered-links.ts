import { splitLinkDestination } from '../../../shared/markdown/link-destination';

/** How to open an internal link: which heading (path joined with "#") or block, and where. */
export type FollowOptions = { heading: string | null; block: string | null; newTab: boolean };

/** What clicking a link in rendered markdown asks of the app. Nothing ever navigates the page. */
export type LinkHandlers = {
  /** An internal link (`a.internal-link`) to another note. */
  onFollow?(target: string, options: FollowOptions): void;
  /** An external link (`a.external-link`): http(s) or mailto, for the OS to open. */
  onExternal?(url: string): void;
  /** A link into this same note: `[[#Heading]]`, `[[#^block]]`, or a footnote anchor (`id`). */
  onSameNote?(at: { heading: string | null; block: string | null; id: string | null }): void;
  /** A tag pill (`a.tag`): its tag, without `#` (`project/active`). */
  onTag?(tag: string): void;
  /** A link card of a vault file the app cannot show (`a.file-embed`, a PDF): its vault path. */
  onOpenFile?(path: string): void;
};

/** An internal link's `data-href` (`target#h1#h2`, `target#^block`) taken apart. */
export function parseDataHref(href: string): { target: string; heading: string | null; block: string | null } {
  const { target, headings, block } = splitLinkDestination(href);
  return { target, heading: headings.length > 0 ? headings.join('#') : null, block };
}

/**
 * Handles clicks on the links inside `root` (rendered by render-markdown.ts): every link's
 * default action is prevented, then the matching handler is called. Ctrl/Cmd-click and a middle
 * click ask for a new tab. Returns a function that stops listening.
 */
export function listenToLinks(root: HTMLElement, handlers: LinkHandlers): () => void {
  const onClick = (event: MouseEvent) => {
    if (event.button > 1) return;
    const anchor = event.target instanceof Element ? event.target.closest('a') : null;
    if (!anchor || !root.contains(anchor)) return;
    event.preventDefault();
    const href = anchor.getAttribute('href') ?? '';
    if (anchor.classList.contains('tag')) {
      handlers.onTag?.(anchor.getAttribute('data-tag') ?? '');
    } else if (anchor.classList.contains('file-embed')) {
      handlers.onOpenFile?.(anchor.getAttribute('data-path') ?? '');
    } else if (anchor.classList.contains('internal-link')) {
      const { target, heading, block } = parseDataHref(anchor.getAttribute('data-href') ?? '');
      if (target === '') handlers.onSameNote?.({ heading, block, id: null });
      else
        handlers.onFollow?.(target, { heading, block, newTab: event.ctrlKey || event.metaKey || event.button === 1 });
    } else if (anchor.classList.contains('external-link') && /^(?:https?|mailto):/i.test(href)) {
      handlers.onExternal?.(href);
    } else if (href.startsWith('#') && href.length > 1) {
      handlers.onSameNote?.({ heading: null, block: null, id: decodeFragment(href.slice(1)) });
    }
  };
  root.addEventListener('click', onClick);
  root.addEventListener('auxclick', onClick);
  return () => {
    root.removeEventListener('click', onClick);
    root.removeEventListener('auxclick', onClick);
  };
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
