import type { Data, Node, WikiLink } from 'mdast';
import type { CompileContext, Extension, Token } from 'mdast-util-from-markdown';
import { splitLinkDestination } from './link-destination';

declare module 'mdast' {
  /** `[[target#h1#h2|alias]]`, `[[target#^block]]` or the embed `![[target]]`. */
  interface WikiLink extends Node {
    type: 'wikiLink';
    /** Trimmed; "" for a link into the same note (`[[#h]]`). */
    target: string;
    /** Trimmed heading path: `[[a#h1#h2]]` → ["h1", "h2"]. */
    headings: string[];
    /** The block id after `#^`, or null. */
    block: string | null;
    /** Trimmed text after the first `|` (or `\|`), or null when there is none or it is blank. */
    alias: string | null;
    embed: boolean;
    data?: Data | undefined;
  }

  interface PhrasingContentMap {
    wikiLink: WikiLink;
  }

  interface RootContentMap {
    wikiLink: WikiLink;
  }
}

/**
 * The mdast-util-from-markdown extension turning the tokens of `wikiLinkSyntax()` into
 * `wikiLink` nodes (with positions spanning the whole `![[…]]`).
 */
export function wikiLinkFromMarkdown(): Extension {
  return {
    enter: {
      wikiLink(token) {
        this.enter({ type: 'wikiLink', target: '', headings: [], block: null, alias: null, embed: false }, token);
      },
    },
    exit: {
      wikiLinkEmbedMarker() {
        current(this).embed = true;
      },
      wikiLinkDestination(token) {
        Object.assign(current(this), splitLinkDestination(this.sliceSerialize(token)));
      },
      wikiLinkAlias(token) {
        const alias = this.sliceSerialize(token).trim();
        current(this).alias = alias === '' ? null : alias;
      },
      wikiLink(token: Token) {
        this.exit(token);
      },
    },
  };
}

function current(context: CompileContext): WikiLink {
  const node = context.stack[context.stack.length - 1];
  if (node?.type !== 'wikiLink') throw new Error('expected a wikiLink node on the stack');
  return node;
}
