import type { Page } from '@playwright/test';

/**
 * WCAG 2 contrast, measured on the page's computed colours: every visible element with text of
 * its own (text nodes, `::before`/`::after` content, an input's value or placeholder) is checked
 * against the background it is drawn on. That background is found by walking up its ancestors
 * and compositing their background colours (alpha included) until one is opaque; a gradient is
 * checked at each of its colour stops (the worst one counts), an image background cannot be
 * measured and is reported as skipped.
 */

/** One text whose contrast is below what WCAG AA asks for it. */
export type ContrastFailure = {
  selector: string;
  text: string;
  color: string;
  background: string;
  ratio: number;
  required: number;
};

export type ContrastReport = { checked: number; skipped: string[]; failures: ContrastFailure[] };

type Rgba = [number, number, number, number];

/** "rgb(1, 2, 3)", "rgba(1, 2, 3, 0.5)", "rgb(1 2 3 / 50%)" → [r, g, b, a]; null for other forms. */
export function parseColor(css: string): Rgba | null {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/.exec(css.trim());
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : Number(m[4]) / (m[5] ? 100 : 1);
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

/** `top` painted over `bottom` (source-over). */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3] + bottom[3] * (1 - top[3]);
  if (a === 0) return [0, 0, 0, 0];
  const mix = (i: number) => (top[i]! * top[3] + bottom[i]! * bottom[3] * (1 - top[3])) / a;
  return [mix(0), mix(1), mix(2), a];
}

/** WCAG relative luminance of an opaque sRGB colour. */
export function luminance([r, g, b]: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio of two opaque colours, 1 to 21. */
export function contrastRatio(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Runs in the page: checks every text under each element matching `rootSelector`. The helpers
 * above are passed in as source, so the page and the unit of this file compute with one formula.
 */
function auditInPage(rootSelector: string): ContrastReport {
  const report: ContrastReport = { checked: 0, skipped: [], failures: [] };
  const css = (c: Rgba) => `rgba(${c.map((v, i) => (i === 3 ? +v.toFixed(2) : Math.round(v))).join(', ')})`;

  const selectorOf = (el: Element): string => {
    const parts: string[] = [];
    for (let e: Element | null = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
      if (e.id) {
        parts.unshift(`#${e.id}`);
        break;
      }
      const classes = [...e.classList]
        .slice(0, 3)
        .map((c) => `.${c}`)
        .join('');
      parts.unshift(e.tagName.toLowerCase() + classes);
    }
    return parts.join(' > ');
  };

  /** The backgrounds `el`'s text may sit on (one, or a gradient's stops); null when unknown. */
  const backgroundsOf = (el: Element): Rgba[] | null => {
    // Layers from `el` outward; composited from the outermost opaque one inward.
    const layers: Rgba[][] = [];
    for (let e: Element | null = el; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      const image = style.backgroundImage;
      if (image && image !== 'none') {
        if (!/^(linear|radial|conic)-gradient\(/.test(image) || image.includes('url(')) return null;
        const stops = (image.match(/rgba?\([^)]*\)/g) ?? []).map(parseColor).filter((c): c is Rgba => !!c);
        if (stops.length === 0) return null;
        layers.push(stops);
        if (stops.every((s) => s[3] === 1)) break;
        continue;
      }
      const color = parseColor(style.backgroundColor);
      if (color && color[3] > 0) {
        layers.push([color]);
        if (color[3] === 1) break;
      }
    }
    // Beneath everything, the canvas: the root's own background when it has none, else white.
    let under: Rgba[] = [[255, 255, 255, 1]];
    for (const layer of layers.reverse()) {
      under = layer.flatMap((top) => under.map((bottom) => over(top, bottom)));
    }
    return under;
  };

  /** Text alpha times the opacity of `el` and every ancestor (opacity fades text into what is under). */
  const opacityOf = (el: Element): number => {
    let opacity = 1;
    for (let e: Element | null = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
    return opacity;
  };

  const isVisible = (el: Element): boolean => {
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) return false;
    return el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  };

  const check = (el: Element, text: string, style: CSSStyleDeclaration, color: string) => {
    const fg = parseColor(color);
    if (!fg) return void report.skipped.push(`${selectorOf(el)}: colour ${color}`);
    const backgrounds = backgroundsOf(el);
    if (!backgrounds) return void report.skipped.push(`${selectorOf(el)}: image background`);
    const size = parseFloat(style.fontSize);
    const bold = Number(style.fontWeight) >= 700;
    const large = size >= 24 || (bold && size >= 18.66);
    const required = large ? 3 : 4.5;
    const alpha = fg[3] * opacityOf(el);
    let worst: { ratio: number; background: Rgba } | null = null;
    for (const background of backgrounds) {
      const ink = over([fg[0], fg[1], fg[2], alpha], background);
      const ratio = contrastRatio(ink, background);
      if (!worst || ratio < worst.ratio) worst = { ratio, background };
    }
    report.checked++;
    if (worst && worst.ratio < required - 0.005) {
      report.failures.push({
        selector: selectorOf(el),
        text: text.trim().slice(0, 40),
        color: css([fg[0], fg[1], fg[2], alpha]),
        background: css(worst.background),
        ratio: Math.round(worst.ratio * 100) / 100,
        required,
      });
    }
  };

  // A link told from the text around it by colour alone needs 3:1 against that text's colour
  // (WCAG 1.4.1, technique G183); an underline (or a border) is enough on its own. Only its words
  // count (the `[[`, `|` and `]]` around a link in Source mode are markup), and a tag is left out:
  // its `#` and pill mark it.
  const LINK = 'a:not(.tag), .cm-link-resolved, .cm-link-unresolved, .cm-link-external, .cm-lp-link-rendered';
  const BLOCK = 'p, li, td, th, blockquote, .cm-line, .hover-preview';
  const checkLinkAgainstText = (el: Element, text: string, color: string) => {
    if (!/[\p{L}\p{N}]/u.test(text)) return;
    const link = el.closest(LINK);
    const block = link?.parentElement?.closest(BLOCK);
    if (!link || !block || !block.closest('.markdown-rendered, .cm-content')) return;
    // Only a link inside running text: the block has text of its own outside the link.
    const outside = [...block.childNodes].some(
      (n) => !n.contains(link) && !(n instanceof Element && n.matches(LINK)) && (n.textContent ?? '').trim(),
    );
    if (!outside) return;
    for (let e: Element | null = el; e && e !== block; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.textDecorationLine.includes('underline') || parseFloat(s.borderBottomWidth) > 0) return;
    }
    const fg = parseColor(color);
    const around = parseColor(getComputedStyle(block).color);
    const backgrounds = backgroundsOf(block);
    if (!fg || !around || !backgrounds) return;
    const ratio = contrastRatio(over(fg, backgrounds[0]!), over(around, backgrounds[0]!));
    report.checked++;
    if (ratio < 3 - 0.005) {
      report.failures.push({
        selector: `${selectorOf(el)} (link, no underline)`,
        text: text.trim().slice(0, 40),
        color: css(fg),
        background: `the text around it, ${css(around)}`,
        ratio: Math.round(ratio * 100) / 100,
        required: 3,
      });
    }
  };

  const pseudoText = (content: string) => {
    const m = /^"(.*)"$/.exec(content);
    return m && m[1]!.trim() ? m[1]! : null;
  };

  for (const root of document.querySelectorAll(rootSelector)) {
    for (const el of [root, ...root.querySelectorAll('*')]) {
      if (['SCRIPT', 'STYLE', 'svg', 'TEMPLATE', 'NOSCRIPT'].includes(el.tagName)) continue;
      if (el.closest('svg, .katex-mathml, [aria-hidden="true"]')) continue;
      if (!isVisible(el)) continue;
      // Disabled controls are exempt (WCAG 1.4.3: inactive user interface components).
      if ((el as HTMLButtonElement).disabled) continue;
      const style = getComputedStyle(el);
      const own = [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('');
      if (own.trim()) {
        check(el, own, style, style.color);
        checkLinkAgainstText(el, own, style.color);
      }
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
        if (el.value.trim()) check(el, el.value, style, style.color);
        else if (el.placeholder.trim()) check(el, el.placeholder, style, getComputedStyle(el, '::placeholder').color);
      }
      for (const pseudo of ['::before', '::after']) {
        const p = getComputedStyle(el, pseudo);
        const text = pseudoText(p.content);
        if (text && p.display !== 'none' && p.visibility !== 'hidden') check(el, `${pseudo} ${text}`, p, p.color);
      }
    }
  }
  return report;
}

/** Checks the text under `rootSelector` (every match) in the page; see auditInPage. */
export async function auditContrast(page: Page, rootSelector: string): Promise<ContrastReport> {
  const source = [parseColor, over, luminance, contrastRatio, auditInPage].map((f) => f.toString()).join('\n');
  return page.evaluate(`(() => { ${source}\n return auditInPage(${JSON.stringify(rootSelector)}); })()`);
}

/** A failure as one readable line: where, what, which colours, and the ratio against the one asked. */
export function describeFailure(f: ContrastFailure): string {
  return `${f.selector} "${f.text}": ${f.color} on ${f.background} = ${f.ratio}:1 (needs ${f.required}:1)`;
}
