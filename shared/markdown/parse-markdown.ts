import type { Root } from 'mdast';
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import type { Extension as MicromarkExtension } from 'micromark-util-types';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mathFromMarkdown } from 'mdast-util-math';
import { gfm } from 'micromark-extension-gfm';
import { math } from 'micromark-extension-math';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { remarkCallouts } from './callouts';
import { commentFromMarkdown } from './comment-mdast';
import { commentSyntax } from './comment-syntax';
import { wikiLinkFromMarkdown } from './wiki-link-mdast';
import { wikiLinkSyntax } from './wiki-link-syntax';
// Side-effect imports survive into parse-markdown.d.ts, so whoever parses also sees the node
// types these modules add to mdast (`wikiLink`, `comment`, `data.callout`).
import './callouts';
import './comment-mdast';
import './wiki-link-mdast';

/** A remark plugin adding one syntax: its micromark tokenizer and its mdast builder(s). */
function syntax(micromark: MicromarkExtension, fromMarkdown: FromMarkdownExtension | FromMarkdownExtension[]) {
  return function (this: Processor): undefined {
    const data = this.data();
    (data.micromarkExtensions ??= []).push(micromark);
    (data.fromMarkdownExtensions ??= []).push(fromMarkdown);
  };
}

/**
 * GFM as remark-gfm adds it, minus one step: the tree transform that finds extra literal
 * autolinks (after `"`, `mailto:`…) by splitting text nodes, which drops their positions, and
 * every fact we extract is located by position. Literal autolinks where the GFM spec has them
 * (after whitespace, `(`, `*`, `_`, `~`) are still tokenized by micromark, with positions.
 * A renderer wanting GitHub's extra autolinks can run that transform on its own copy of the tree.
 */
const gfmKeepingPositions = syntax(
  gfm(),
  gfmFromMarkdown().map(({ transforms: _dropped, ...extension }) => extension),
);

const processor = unified()
  .use(remarkParse)
  .use(gfmKeepingPositions)
  .use(remarkFrontmatter, ['yaml'])
  .use(syntax(wikiLinkSyntax(), wikiLinkFromMarkdown()))
  .use(syntax(commentSyntax(), commentFromMarkdown()))
  .use(remarkCallouts)
  .freeze();

/**
 * The same, plus `$…$` / `$$…$$` math (mdast `inlineMath` / `math` nodes, their TeX kept as
 * written: `\\` stays two backslashes). Only renderers ask for it: the index keeps reading
 * links and tags inside dollars as text, as before.
 */
const mathProcessor = processor()
  .use(syntax(math({ singleDollarTextMath: true }), mathFromMarkdown()))
  .freeze();

/**
 * Reads a note the way Plexus understands markdown: CommonMark + GFM (tables, task lists,
 * strikethrough, autolinks, footnotes), YAML frontmatter, wiki links and embeds, `%% comments %%`,
 * and callouts (marked on their blockquotes). Positions are offsets into `text`.
 */
export function parseMarkdown(text: string, options: { math?: boolean } = {}): Root {
  const chosen = options.math ? mathProcessor : processor;
  return chosen.runSync(chosen.parse(text));
}
