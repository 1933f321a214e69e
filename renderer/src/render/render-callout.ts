import type { Element, ElementContent } from 'hast';
import type { Blockquote, BlockContent, DefinitionContent, Paragraph, PhrasingContent } from 'mdast';
import type { State } from 'mdast-util-to-hast';
import { defaultHandlers } from 'remark-rehype';
import type { Callout } from '../../../shared/markdown/callouts';
import { type CALLOUT_FAMILIES } from './render-schema';

type Family = (typeof CALLOUT_FAMILIES)[number];

/** Obsidian's callout types and aliases; any other type is drawn as a note. */
const FAMILY_OF: Record<string, Family> = {
  note: 'note',
  abstract: 'abstract',
  summary: 'abstract',
  tldr: 'abstract',
  info: 'info',
  todo: 'todo',
  tip: 'tip',
  hint: 'tip',
  important: 'tip',
  success: 'success',
  check: 'success',
  done: 'success',
  question: 'question',
  help: 'question',
  faq: 'question',
  warning: 'warning',
  caution: 'warning',
  attention: 'warning',
  failure: 'failure',
  fail: 'failure',
  missing: 'failure',
  danger: 'danger',
  error: 'danger',
  bug: 'bug',
  example: 'example',
  quote: 'quote',
  cite: 'quote',
};

/** The family a callout type is drawn as. */
export function calloutFamily(type: string): Family {
  return Object.hasOwn(FAMILY_OF, type) ? (FAMILY_OF[type] ?? 'note') : 'note';
}

const MARKER = /^\[![^\]\s]+\][+-]?[ \t]*/;

/**
 * remark-rehype's handler for blockquotes: a callout (marked by shared/markdown/callouts.ts)
 * becomes `div.callout` — or `details.callout` with a `summary` title when it folds — with its
 * title (custom, with its inline markup, or the type's name) and its content; other blockquotes
 * render as usual.
 */
export function blockquoteHandler(state: State, node: Blockquote): Element {
  const callout = node.data?.callout;
  if (!callout) return defaultHandlers.blockquote(state, node);
  const [first, ...rest] = node.children;
  const { title, body } = splitFirstLine(first?.type === 'paragraph' ? first.children : []);
  const titleContent: ElementContent[] =
    callout.title === null
      ? [{ type: 'text', value: defaultTitle(callout.type) }]
      : state.all({ type: 'paragraph', children: title });
  const content: (BlockContent | DefinitionContent)[] = [
    ...(body.length > 0 ? [{ type: 'paragraph', children: body } satisfies Paragraph] : []),
    ...rest,
  ];
  const foldable = callout.fold !== null;
  const result: Element = {
    type: 'element',
    tagName: foldable ? 'details' : 'div',
    properties: {
      className: ['callout', `callout-${calloutFamily(callout.type)}`, ...(foldable ? ['is-foldable'] : [])],
      dataCallout: callout.type,
      open: callout.fold === 'open' ? true : undefined,
    },
    children: [
      {
        type: 'element',
        tagName: foldable ? 'summary' : 'div',
        properties: { className: ['callout-title'] },
        children: [
          { type: 'element', tagName: 'span', properties: { className: ['callout-icon'] }, children: [] },
          {
            type: 'element',
            tagName: 'span',
            properties: { className: ['callout-title-inner'] },
            children: titleContent,
          },
        ],
      },
      {
        type: 'element',
        tagName: 'div',
        properties: { className: ['callout-content'] },
        children: state.wrap(state.all({ type: 'blockquote', children: content }), true),
      },
    ],
  };
  state.patch(node, result);
  return result;
}

/** "warning" → "Warning": the title of a callout that has none of its own. */
function defaultTitle(type: Callout['type']): string {
  return type.charAt(0).toUpperCase() + type.slice(1);
}

/** The first paragraph's first line (the marker and title) and the rest (the callout's first text). */
function splitFirstLine(children: readonly PhrasingContent[]): { title: PhrasingContent[]; body: PhrasingContent[] } {
  const title: PhrasingContent[] = [];
  const body: PhrasingContent[] = [];
  let inBody = false;
  for (const child of children) {
    if (inBody) {
      body.push(child);
    } else if (child.type === 'break') {
      inBody = true;
    } else if (child.type === 'text' && child.value.includes('\n')) {
      const newline = child.value.indexOf('\n');
      title.push({ type: 'text', value: child.value.slice(0, newline) });
      body.push({ type: 'text', value: child.value.slice(newline + 1) });
      inBody = true;
    } else {
      title.push(child);
    }
  }
  const head = title[0];
  if (head?.type === 'text') head.value = head.value.replace(MARKER, '');
  return { title, body };
}
