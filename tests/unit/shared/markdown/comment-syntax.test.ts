import type { Nodes, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../../shared/markdown/parse-markdown';
import { walk } from '../../../../shared/markdown/walk';

function types(tree: Root): string[] {
  const seen: string[] = [];
  walk(tree, (node: Nodes) => {
    if (node.type !== 'root') seen.push(node.type);
  });
  return seen;
}

function comments(text: string): string[] {
  const found: string[] = [];
  walk(parseMarkdown(text), (node) => {
    if (node.type === 'comment') found.push(node.value);
  });
  return found;
}

describe('commentSyntax', () => {
  it('hides an inline comment, links and tags inside it included', () => {
    const tree = parseMarkdown('before %% [[a]] #tag %% after');
    expect(types(tree)).toEqual(['paragraph', 'text', 'comment', 'text']);
    expect(comments('before %% [[a]] #tag %% after')).toEqual([' [[a]] #tag ']);
  });

  it('lets an inline comment span the lines of its paragraph', () => {
    expect(comments('a %% b\nc %% d')).toEqual([' b\nc ']);
  });

  it('keeps an unclosed inline `%%` as text', () => {
    expect(types(parseMarkdown('50%% off [[a]]'))).toEqual(['paragraph', 'text', 'wikiLink']);
  });

  it('reads a line of its own as a block comment', () => {
    expect(types(parseMarkdown('%% Hub footer %%\n\ntext'))).toEqual(['comment', 'paragraph', 'text']);
  });

  it('runs a block comment across blank lines to the next `%%`', () => {
    const tree = parseMarkdown('%%\n## Hidden\n\n- [[a]] ^id\n%%\n# Shown');
    expect(types(tree)).toEqual(['comment', 'heading', 'text']);
  });

  it('lets a block comment interrupt a paragraph', () => {
    expect(types(parseMarkdown('text\n%%\nhidden [[a]]\n\nhidden too\n%%'))).toEqual(['paragraph', 'text', 'comment']);
  });

  it('hides the rest of the note after an unclosed block comment', () => {
    expect(types(parseMarkdown('shown\n\n%% hidden\n\n[[a]]'))).toEqual(['paragraph', 'text', 'comment']);
  });

  it('ends a block comment with its container', () => {
    expect(types(parseMarkdown('> %%\n> [[a]]\n\n[[b]]'))).toEqual(['blockquote', 'comment', 'paragraph', 'wikiLink']);
  });

  it('is not a comment inside code', () => {
    expect(types(parseMarkdown('`%% x %%`\n\n```\n%%\n```'))).toEqual(['paragraph', 'inlineCode', 'code']);
  });

  it('a line opening and closing a comment with text after is a paragraph', () => {
    expect(types(parseMarkdown('%% a %% [[b]]'))).toEqual(['paragraph', 'comment', 'text', 'wikiLink']);
  });
});
