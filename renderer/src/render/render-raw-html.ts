import type { Element, ElementContent, Parents, Properties, RootContent } from 'hast';

/** One piece of raw HTML as written in a note. */
export type HtmlToken =
  | { kind: 'text'; value: string }
  | { kind: 'open'; name: string; attributes: Map<string, string>; selfClosing: boolean; source: string }
  | { kind: 'close'; name: string; source: string };

/**
 * The HTML a note may use, and per tag the attributes kept (HTML name → hast property name).
 * Everything else is shown as the text it was written as: never as an element.
 */
const COMMON = { title: 'title', align: 'align' };
const CELL = { ...COMMON, colspan: 'colSpan', rowspan: 'rowSpan' };
const TAGS: Record<string, Record<string, string>> = {
  ...Object.fromEntries(
    (
      'b i em strong u s del ins mark sup sub kbd small span code q cite var samp br wbr div p summary ' +
      'blockquote pre hr ul li dl dt dd table thead tbody tfoot tr caption figure figcaption h1 h2 h3 h4 h5 h6 center'
    )
      .split(' ')
      .map((name) => [name, COMMON]),
  ),
  abbr: COMMON,
  details: { ...COMMON, open: 'open' },
  ol: { ...COMMON, start: 'start' },
  td: CELL,
  th: CELL,
  a: { ...COMMON, href: 'href' },
  img: { ...COMMON, src: 'src', alt: 'alt', width: 'width', height: 'height' },
};
const VOID = new Set(['br', 'wbr', 'hr', 'img']);

/** True when `name` (lower case) is a tag notes may write as HTML. */
export function isAllowedTag(name: string): boolean {
  return Object.hasOwn(TAGS, name);
}

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/y;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Splits raw HTML into text and tags; comments are dropped, a `<` that opens no tag is text. */
export function tokenizeHtml(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  let text = '';
  let i = 0;
  const flush = () => {
    if (text !== '') tokens.push({ kind: 'text', value: decodeEntities(text) });
    text = '';
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      text += html.slice(i);
      break;
    }
    text += html.slice(i, lt);
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      flush();
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    TAG.lastIndex = lt;
    const match = TAG.exec(html);
    if (!match) {
      text += '<';
      i = lt + 1;
      continue;
    }
    flush();
    const [source, slash, rawName = '', rawAttributes = '', selfClosing] = match;
    const name = rawName.toLowerCase();
    if (slash) tokens.push({ kind: 'close', name, source });
    else
      tokens.push({ kind: 'open', name, attributes: attributesOf(rawAttributes), selfClosing: !!selfClosing, source });
    i = lt + source.length;
  }
  flush();
  return tokens;
}

function attributesOf(raw: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of raw.matchAll(ATTRIBUTE)) {
    const name = (match[1] ?? '').toLowerCase();
    // The first of a repeated attribute wins, as in a browser.
    if (!attributes.has(name)) attributes.set(name, decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attributes;
}

const NAMED: Record<string, string> = Object.fromEntries(
  (
    'amp & lt < gt > quot " apos \' copy © reg ® trade ™ hellip … mdash — ndash – laquo « raquo » lsquo ‘ ' +
    'rsquo ’ ldquo “ rdquo ” times × divide ÷ middot · bull • deg ° plusmn ± para ¶ sect § larr ← rarr → ' +
    'uarr ↑ darr ↓ harr ↔ check ✓ euro € pound £ yen ¥ cent ¢ frac12 ½ half ½ frac14 ¼ frac34 ¾'
  )
    .split(' ')
    .flatMap((word, i, words) => (i % 2 === 0 ? [[word, words[i + 1] ?? '']] : [])),
);
// Invisible characters cannot be written in the list above.
Object.assign(NAMED, { nbsp: '\u00a0', shy: '\u00ad', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009' });
Object.assign(NAMED, { zwj: '\u200d', zwnj: '\u200c' });

/** Decodes character references; unknown named ones stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(
    /&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([a-zA-Z][a-zA-Z0-9]{1,31}));?/g,
    (all, hex, dec, name) => {
      if (typeof name === 'string') return Object.hasOwn(NAMED, name) ? (NAMED[name] ?? all) : all;
      const code = hex ? parseInt(hex as string, 16) : parseInt(dec as string, 10);
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    },
  );
}

/** What raw-HTML URLs become: a safe `src`/`href`, or null to drop the attribute. */
export type RawUrlPolicy = {
  imageSrc(src: string): string | null;
  linkHref(href: string): string | null;
};

/**
 * Replaces every `raw` node (HTML written in the note, kept by remark-rehype) with elements of
 * the allowed tags and text for everything else. A tag may open in one raw node and close in a
 * later sibling (`<mark>` *x* `</mark>`), so siblings are rebuilt as one sequence; a tag never
 * spans two parents, and one left open is closed where its parent ends.
 */
export function rawToHast(tree: Parents, policy: RawUrlPolicy): void {
  tree.children = rebuild(tree.children as RootContent[], policy);
}

function rebuild(children: readonly RootContent[], policy: RawUrlPolicy): RootContent[] {
  const top: { children: RootContent[] } = { children: [] };
  const stack: { name: string; children: RootContent[] }[] = [{ name: '', children: top.children }];
  const current = () => stack[stack.length - 1] ?? { name: '', children: top.children };
  for (const child of children) {
    if (child.type !== 'raw') {
      if ('children' in child) rawToHast(child, policy);
      current().children.push(child);
      continue;
    }
    for (const token of tokenizeHtml(child.value)) {
      if (token.kind === 'text') {
        current().children.push({ type: 'text', value: token.value });
      } else if (!isAllowedTag(token.name)) {
        current().children.push({ type: 'text', value: token.source });
      } else if (token.kind === 'open') {
        const element = elementOf(token.name, token.attributes, policy);
        if (token.name === 'img' && element.properties.src === undefined) {
          // An image whose source was refused or not found: its alt text, not a broken image.
          const alt = token.attributes.get('alt');
          if (alt) current().children.push({ type: 'text', value: alt });
          continue;
        }
        current().children.push(element);
        if (!VOID.has(token.name) && !token.selfClosing) {
          stack.push({ name: token.name, children: element.children });
        }
      } else {
        // Close the nearest open element of that name (and any left open inside it); a stray
        // closing tag is dropped.
        let index = stack.length - 1;
        while (index > 0 && stack[index]?.name !== token.name) index--;
        if (index > 0) stack.length = index;
      }
    }
  }
  return top.children;
}

function elementOf(name: string, attributes: Map<string, string>, policy: RawUrlPolicy): Element {
  const allowed = TAGS[name] ?? {};
  const properties: Properties = {};
  for (const [attribute, value] of attributes) {
    // Own keys only: an attribute named "constructor" is not one we keep.
    const property = Object.hasOwn(allowed, attribute) ? allowed[attribute] : undefined;
    if (!property) continue;
    if (property === 'src') {
      const src = policy.imageSrc(value);
      if (src !== null) properties.src = src;
    } else if (property === 'href') {
      const href = policy.linkHref(value);
      if (href !== null) {
        properties.href = href;
        properties.className = ['external-link'];
        properties.rel = ['noopener', 'noreferrer'];
      }
    } else if (property === 'open') {
      properties.open = true;
    } else {
      properties[property] = value;
    }
  }
  return { type: 'element', tagName: name, properties, children: [] as ElementContent[] };
}
