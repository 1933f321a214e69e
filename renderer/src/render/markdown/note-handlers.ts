import type { Element } from 'hast';
import type { Code, Image, Link, ListItem, Parents, WikiLink } from 'mdast';
import type { InlineMath, Math } from 'mdast-util-math';
import type { Handlers, State } from 'mdast-util-to-hast';
import { defaultHandlers } from 'remark-rehype';
import { blockquoteHandler } from '../render-callout';
import { mathElement } from '../render-math';
import { propertiesTable } from '../render-properties';
import { classifyUrl } from './classify-target';
import { destinationText, internalLink } from './render-embed';
import type { Context, Facts } from './render-note';

export function handlers(facts: Facts, frontmatter: Record<string, unknown> | null, context: Context): Handlers {
  const formula = (tex: string, display: boolean): Element => {
    const id = `${context.nonce}-${context.math.size}`;
    context.math.set(id, mathElement(tex, display));
    return { type: 'element', tagName: 'span', properties: { dataMath: id }, children: [] };
  };
  return {
    blockquote: blockquoteHandler,
    math: (_state: State, node: Math) => formula(node.value, true),
    code: (state: State, node: Code) => {
      const pre = defaultHandlers.code(state, node);
      const code = pre.children[0];
      const highlighted = facts.code.get(node);
      if (highlighted && code?.type === 'element') code.children = highlighted;
      return pre;
    },
    inlineMath: (_state: State, node: InlineMath) =>
      formula(node.value, (node.data as { display?: boolean } | undefined)?.display === true),
    listItem: (state: State, node: ListItem, parent: Parents | undefined) => {
      const item = defaultHandlers.listItem(state, node, parent);
      const line = node.position?.start.line;
      if (typeof node.checked === 'boolean' && context.options.tickableTasks && context.depth === 0 && line) {
        const first = item.children[0];
        const box = first?.type === 'element' && first.tagName === 'p' ? first.children[0] : first;
        if (box?.type === 'element' && box.tagName === 'input') {
          box.properties.disabled = false;
          box.properties.dataTaskLine = line;
        }
      }
      return item;
    },
    comment: () => undefined,
    yaml: () => (frontmatter && Object.keys(frontmatter).length > 0 ? propertiesTable(frontmatter) : undefined),
    wikiLink: (_state: State, node: WikiLink) => {
      if (node.embed) return facts.embeds.get(node);
      const text = node.alias ?? destinationText(node.target, node.headings, node.block);
      return internalLink(node, text, facts);
    },
    link: (state: State, node: Link) => {
      const destination = facts.destinations.get(node) ?? classifyUrl(node.url);
      const children = state.all(node);
      if (destination.kind === 'internal') return internalLink(destination, children, facts);
      if (destination.kind === 'blocked') {
        return { type: 'element', tagName: 'span', properties: { className: ['link-blocked'] }, children };
      }
      return {
        type: 'element',
        tagName: 'a',
        properties: {
          className: ['external-link'],
          href: destination.href,
          rel: ['noopener', 'noreferrer'],
          title: node.title ?? undefined,
        },
        children,
      };
    },
    image: (state: State, node: Image) => {
      const destination = facts.destinations.get(node) ?? classifyUrl(node.url);
      if (destination.kind === 'internal') return facts.embeds.get(node);
      if (destination.kind === 'blocked') return { type: 'text', value: node.alt ?? '' };
      if (!destination.href.startsWith('http')) return { type: 'text', value: node.alt ?? '' };
      return remoteImageLink(destination.href, node.alt ?? '');
    },
  };
}

/**
 * A remote image is not loaded (it would tell its host the note was opened); it shows as a link
 * that opens it in the OS browser.
 */
function remoteImageLink(href: string, alt: string): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: {
      className: ['external-link', 'remote-image'],
      href,
      rel: ['noopener', 'noreferrer'],
      title: `Remote image, not loaded: ${href}`,
    },
    children: [{ type: 'text', value: alt.trim() === '' ? 'Remote image' : alt }],
  };
}
