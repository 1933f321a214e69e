import type { Mermaid, MermaidConfig } from 'mermaid';

/** How long a diagram may take before its block stays code (ms). */
export const DIAGRAM_BUDGET_MS = 3000;

/**
 * Settings a `%%{init: …}%%` directive in a note may not change: the security level, the limits,
 * and everything that becomes CSS or markup (theme CSS and variables, fonts, HTML labels,
 * DOMPurify's own configuration). Mermaid drops `url(data:` in directives but not `url(https:`.
 */
const SECURE_KEYS = [
  'secure',
  'securityLevel',
  'startOnLoad',
  'maxTextSize',
  'maxEdges',
  'suppressErrorRendering',
  'dompurifyConfig',
  'htmlLabels',
  'flowchart',
  'theme',
  'themeCSS',
  'themeVariables',
  'darkMode',
  'fontFamily',
  'altFontFamily',
  'arrowMarkerAbsolute',
];

let loading: Promise<Mermaid> | null = null;
let diagrams = 0;

/** Mermaid, loaded (its own chunk) the first time a diagram scrolls into view. */
function loadMermaid(): Promise<Mermaid> {
  loading ??= import('mermaid').then(({ default: mermaid }) => mermaid);
  return loading;
}

function config(dark: boolean): MermaidConfig {
  return {
    startOnLoad: false,
    securityLevel: 'strict',
    theme: dark ? 'dark' : 'default',
    htmlLabels: false,
    flowchart: { htmlLabels: false },
    maxTextSize: 20_000,
    maxEdges: 500,
    suppressErrorRendering: true,
    secure: SECURE_KEYS,
  };
}

/**
 * A diagram's SVG, kept only when it loads nothing: no `<foreignObject>`, scripts, images or
 * links (DOMPurify's SVG profile), and no style sheet or style reaching outside (`url(` other
 * than to the diagram's own markers, `@import`). Null when nothing is left.
 */
export async function cleanSvg(svg: string): Promise<SVGSVGElement | null> {
  const { default: DOMPurify } = await import('dompurify');
  const fragment = DOMPurify.sanitize(svg, {
    USE_PROFILES: { svg: true, svgFilters: true },
    FORBID_TAGS: [
      'a',
      'image',
      'foreignObject',
      'use',
      'script',
      'animate',
      'set',
      'animateMotion',
      'animateTransform',
    ],
    FORBID_ATTR: ['href', 'xlink:href'],
    RETURN_DOM_FRAGMENT: true,
  });
  const root = fragment.firstElementChild;
  if (!(root instanceof SVGSVGElement)) return null;
  const outside = /@import|url\(\s*['"]?\s*(?!#)/i;
  for (const element of [root, ...root.querySelectorAll('*')]) {
    if (element.localName === 'style' && outside.test(element.textContent ?? '')) element.remove();
    for (const attribute of [...element.attributes]) {
      if (outside.test(attribute.value)) element.removeAttribute(attribute.name);
    }
  }
  return root;
}

/**
 * Draws each ` ```mermaid ` block under `root` as a diagram when it scrolls into view. Mermaid
 * needs a DOM (it measures text), so it runs on the page, not in the render worker: lazily, one
 * diagram at a time, with `securityLevel: 'strict'`, its size limits and a time budget past which
 * the block stays code. The SVG is sanitized again (cleanSvg). `onDrawn` is called after each
 * block is done (drawn or left as code). Returns a function that stops.
 */
export function drawDiagrams(root: HTMLElement, onDrawn?: () => void): () => void {
  const blocks = [...root.querySelectorAll<HTMLElement>('pre > code.language-mermaid')];
  if (blocks.length === 0) return () => undefined;
  let stopped = false;
  let queue = Promise.resolve();
  const draw = (code: HTMLElement) => {
    queue = queue.then(() => (stopped ? undefined : drawOne(code, () => stopped).then(onDrawn)));
  };
  if (typeof IntersectionObserver === 'undefined') {
    blocks.forEach(draw);
    return () => void (stopped = true);
  }
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        const code = entry.target.querySelector<HTMLElement>('code.language-mermaid');
        if (code) draw(code);
      }
    },
    { root: null, rootMargin: '200px' },
  );
  for (const code of blocks) if (code.parentElement) observer.observe(code.parentElement);
  return () => {
    stopped = true;
    observer.disconnect();
  };
}

/**
 * The diagram's source without HTML tags (but `<br>`), encoded angle brackets, or sequence
 * diagrams' actor menus: Mermaid puts label text into the page to measure it before its own
 * sanitizer runs, so an `<img onerror>` label would reach the live DOM, and it draws actor menus
 * (`link`/`links` lines) with an inline `onclick` even at `securityLevel: 'strict'`. The CSP
 * blocks both; this keeps them from being attempted at all.
 */
export function withoutMarkup(source: string): string {
  return source
    .replace(/<(?!br\s*\/?>)\/?[a-zA-Z][^>]*>/gi, '')
    .replace(/&(?:lt|gt|#0*6[02]|#x0*3[ce]);?|#(?:lt|gt|0*6[02]);/gi, '')
    .replace(/^[ \t]*links?[ \t]+[^\n:]*:.*$/gim, '');
}

async function drawOne(code: HTMLElement, stopped: () => boolean): Promise<void> {
  const pre = code.parentElement;
  if (!pre) return;
  const source = withoutMarkup(code.textContent ?? '');
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const mermaid = await loadMermaid();
    const dark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
    mermaid.initialize(config(dark));
    const id = `plexus-mermaid-${++diagrams}`;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('Diagram took too long.')), DIAGRAM_BUDGET_MS);
    });
    const { svg } = await Promise.race([mermaid.render(id, source), timeout]);
    const clean = await cleanSvg(svg);
    if (!clean || stopped() || !pre.isConnected) return;
    const figure = pre.ownerDocument.createElement('div');
    figure.className = 'mermaid-diagram';
    figure.append(clean);
    pre.replaceWith(figure);
  } catch (error) {
    pre.classList.add('mermaid-failed');
    pre.title = `Diagram not drawn: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    clearTimeout(timer);
  }
}
