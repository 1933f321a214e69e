import type { Root } from 'mdast';
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import type { Extension as MicromarkExtension } from 'micromark-util-types';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
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

/** A remark plugin adding one syntax: its micromark tokenizer and its mdast builder. */
function syntax(micromark: MicromarkExtension, fromMarkdown: FromMarkdownExtension) {
  return function (this: Processor): undefined {
    const data = this.data();
    (data.micromarkExtensions ??= []).push(micromark);
    (data.fromMarkdownExtensions ??= []).push(fromMarkdown);
  };
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml'])
  .use(syntax(wikiLinkSyntax(), wikiLinkFromMarkdown()))
  .use(syntax(commentSyntax(), commentFromMarkdown()))
  .use(remarkCallouts)
  .freeze();

/**
 * Reads a note the way Plexus understands markdown: CommonMark + GFM (tables, task lists,
 * strikethrough, autolinks, footnotes), YAML frontmatter, wiki links and embeds, `%% comments %%`,
 * and callouts (marked on their blockquotes). Positions are offsets into `text`.
 */
export function parseMarkdown(text: string): Root {
  return processor.runSync(processor.parse(text));
}
