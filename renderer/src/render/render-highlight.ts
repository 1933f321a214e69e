import type { Nodes, PhrasingContent } from 'mdast';

/** Obsidian's `==highlight==` inside one text node, as `<mark>`. */
export function highlight(parent: Extract<Nodes, { children: unknown }>): void {
  if (parent.type === 'root' || !parent.children.some((child) => child.type === 'text' && child.value.includes('==')))
    return;
  const children: PhrasingContent[] = [];
  for (const child of parent.children as PhrasingContent[]) {
    if (child.type !== 'text') {
      children.push(child);
      continue;
    }
    let last = 0;
    for (const match of child.value.matchAll(/==([^=\s](?:[^=]*[^=\s])?)==/g)) {
      if (match.index > last) children.push({ type: 'text', value: child.value.slice(last, match.index) });
      children.push({ type: 'emphasis', data: { hName: 'mark' }, children: [{ type: 'text', value: match[1] ?? '' }] });
      last = match.index + match[0].length;
    }
    if (last < child.value.length) children.push({ type: 'text', value: child.value.slice(last) });
  }
  (parent as { children: PhrasingContent[] }).children = children;
}
