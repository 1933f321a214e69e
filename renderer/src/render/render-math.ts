import type { Element, ElementContent, Properties, Root as HastRoot } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';
import katex from 'katex';
import { find, html, svg } from 'property-information';
import { KATEX_OPTIONS } from './katex-options';
import { tokenizeHtml } from './render-raw-html';

/** MathML elements KaTeX writes. */
const MATHML = (
  'math semantics annotation mrow mi mo mn ms mtext mspace mstyle msup msub msubsup mfrac msqrt mroot ' +
  'mtable mtr mtd mover munder munderover mpadded mphantom menclose merror'
).split(' ');

/**
 * A KaTeX style: `name:value;` pairs whose values are lengths, numbers, keywords or `#` colours:
 * no parentheses (so no `url()`), quotes, backslashes or `@`.
 */
const KATEX_STYLE = /^(?:\s*[a-z-]+\s*:\s*[-#.%\w ]+;?)*\s*$/;

/**
 * What KaTeX's output may keep, applied to that output only (never to the note's own HTML):
 * KaTeX's spans with their classes and layout styles, its SVG paths (roots, arrows) and its
 * MathML. No links, images, event handlers or URLs: with `trust: false` KaTeX makes none.
 */
const KATEX_SCHEMA: Schema = {
  tagNames: ['span', 'svg', 'path', 'line', ...MATHML],
  attributes: {
    span: ['className', ['style', KATEX_STYLE], 'ariaHidden'],
    svg: ['xmlns', 'width', 'height', 'viewBox', 'preserveAspectRatio', ['style', KATEX_STYLE]],
    path: ['d'],
    line: ['x1', 'x2', 'y1', 'y2', 'strokeWidth'],
    math: ['xmlns', 'display'],
    annotation: ['encoding'],
    '*': [
      'mathvariant',
      'mathcolor',
      'mathbackground',
      'mathsize',
      'stretchy',
      'fence',
      'separator',
      'lspace',
      'rspace',
      'accent',
      'accentunder',
      'linebreak',
      'columnalign',
      'rowspacing',
      'columnspacing',
      'columnlines',
      'rowlines',
      'displaystyle',
      'scriptlevel',
      'width',
      'height',
      'depth',
      'voffset',
      'notation',
      'minsize',
      'maxsize',
      'movablelimits',
      'symmetric',
    ],
  },
  protocols: {},
  strip: ['script', 'style'],
  clobber: [],
};

/**
 * TeX drawn by KaTeX (options in katex-options.ts) as a sanitized hast element: `span.math-inline`
 * or `span.math-block` (a span, so display math inside a paragraph keeps the paragraph whole). A formula KaTeX cannot read shows its source in red instead.
 */
export function mathElement(tex: string, display: boolean): Element {
  let markup: string;
  try {
    markup = katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode: display });
  } catch {
    // Past maxExpand/maxSize KaTeX still throws some errors (too many expansions): the source, plain.
    markup = '';
  }
  const children = markup === '' ? [errorText(tex)] : katexHast(markup);
  const root = sanitize({ type: 'root', children }, KATEX_SCHEMA) as HastRoot;
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['math', display ? 'math-block' : 'math-inline'] },
    children: root.children as ElementContent[],
  };
}

function errorText(tex: string): Element {
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['katex-error'] },
    children: [{ type: 'text', value: tex }],
  };
}

const VOID = new Set(['path', 'line']);

/** KaTeX's HTML (well-formed, its own) as hast, every attribute kept for the schema to judge. */
function katexHast(markup: string): ElementContent[] {
  const top: ElementContent[] = [];
  const stack: { name: string; children: ElementContent[]; svg: boolean }[] = [{ name: '', children: top, svg: false }];
  for (const token of tokenizeHtml(markup)) {
    const current = stack[stack.length - 1] ?? { name: '', children: top, svg: false };
    if (token.kind === 'text') {
      current.children.push({ type: 'text', value: token.value });
    } else if (token.kind === 'open') {
      const inSvg = current.svg || token.name === 'svg';
      const properties: Properties = {};
      for (const [name, value] of token.attributes) {
        const info = find(inSvg ? svg : html, name);
        properties[info.property] = info.property === 'className' ? value.split(/\s+/).filter(Boolean) : value;
      }
      const element: Element = { type: 'element', tagName: token.name, properties, children: [] };
      current.children.push(element);
      if (!token.selfClosing && !VOID.has(token.name))
        stack.push({ name: token.name, children: element.children, svg: inSvg });
    } else {
      let index = stack.length - 1;
      while (index > 0 && stack[index]?.name !== token.name) index--;
      if (index > 0) stack.length = index;
    }
  }
  return top;
}
