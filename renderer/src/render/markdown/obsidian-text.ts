import type { Break, Parents, PhrasingContent, Text } from 'mdast';

/**
 * Inline math as Obsidian reads it: `$…$` does not start or end inside with a space and is not
 * followed by a digit (`$5 and $6` is money, not math); what fails is its source text again.
 * `$$…$$` inside a paragraph is display math, as in Obsidian.
 */
export function obsidianMath(parent: Parents, text: string): void {
  if (!parent.children.some((child) => child.type === 'inlineMath')) return;
  parent.children = (parent.children as PhrasingContent[]).map((child): PhrasingContent => {
    const start = child.position?.start.offset;
    const end = child.position?.end.offset;
    if (child.type !== 'inlineMath' || start === undefined || end === undefined) return child;
    const source = text.slice(start, end);
    if (source.startsWith('$$')) {
      child.data = { ...child.data, display: true } as typeof child.data;
      return child;
    }
    // The TeX as written (micromark trims one space on each side, as in a code span).
    const inner = source.slice(1, -1);
    const money = /^\s|\s$/.test(inner) || /\d/.test(text.charAt(end)) || inner.trim() === '';
    return money ? { type: 'text', value: source } : child;
  });
}

/** Obsidian's default: each newline inside a text (not code) is a `<br>`, as remark-breaks does. */
export function lineBreaks(parent: Parents): void {
  if (!parent.children.some((child) => child.type === 'text' && /[\r\n]/.test(child.value))) return;
  const children: PhrasingContent[] = [];
  for (const child of parent.children as PhrasingContent[]) {
    if (child.type !== 'text') {
      children.push(child);
      continue;
    }
    child.value.split(/\r?\n|\r/).forEach((line, index) => {
      if (index > 0) children.push({ type: 'break' } satisfies Break);
      // The next line's indentation (a list item's continuation) is not text.
      const value = index > 0 ? line.replace(/^[ \t]+/, '') : line;
      if (value !== '') children.push({ type: 'text', value } satisfies Text);
    });
  }
  (parent as { children: PhrasingContent[] }).children = children;
}

/** `#tag` where a word starts: Unicode letters, digits and marks, `_ - /`, not only digits. */
const TAG = /(^|[\s(])#([\p{L}\p{N}\p{M}_/-]+)/gu;

/** Tags in text (never in code or a link's text) as `a.tag` pills the reading view makes clickable. */
export function tags(parent: Parents): void {
  if (parent.data?.hName === 'a') return; // a tag's own text
  if (!parent.children.some((child) => child.type === 'text' && child.value.includes('#'))) return;
  const children: PhrasingContent[] = [];
  (parent.children as PhrasingContent[]).forEach((child, index, siblings) => {
    if (child.type !== 'text') {
      children.push(child);
      return;
    }
    // A text node starts a word at its parent's start or after a line break, not after a link.
    const previous = siblings[index - 1];
    const startsWord = previous === undefined || previous.type === 'break';
    let last = 0;
    for (const match of child.value.matchAll(TAG)) {
      const [, before = '', tag = ''] = match;
      if (match.index === 0 && before === '' && !startsWord) continue;
      if (/^\p{N}+$/u.test(tag)) continue;
      const at = match.index + before.length;
      if (at > last) children.push({ type: 'text', value: child.value.slice(last, at) });
      children.push({
        type: 'emphasis',
        data: { hName: 'a', hProperties: { className: ['tag'], href: '#', dataTag: tag } },
        children: [{ type: 'text', value: `#${tag}` }],
      });
      last = at + 1 + tag.length;
    }
    if (last === 0) children.push(child);
    else if (last < child.value.length) children.push({ type: 'text', value: child.value.slice(last) });
  });
  (parent as { children: PhrasingContent[] }).children = children;
}
