import type { Nodes } from 'mdast';

/**
 * The text a reader sees in `node`, markup removed: like mdast-util-to-string, but a wiki link
 * reads as its alias (else its destination as written), an image as its alt text, a line break
 * as "\n", and a `%% comment %%` as nothing.
 */
export function plainText(node: Nodes): string {
  switch (node.type) {
    case 'wikiLink':
      return node.alias ?? destinationText(node.target, node.headings, node.block);
    case 'comment':
    case 'html':
    case 'yaml':
      return '';
    case 'break':
      return '\n';
    case 'image':
    case 'imageReference':
      return node.alt ?? '';
    default:
      if ('children' in node) return node.children.map(plainText).join('');
      return 'value' in node ? node.value : '';
  }
}

function destinationText(target: string, headings: readonly string[], block: string | null): string {
  return target + headings.map((heading) => `#${heading}`).join('') + (block === null ? '' : `#^${block}`);
}
