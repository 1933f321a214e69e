import type { NoteMeta } from '../../shared/note-meta';
import { extractBlocks } from './extract-blocks';
import { extractFrontmatter } from '../../shared/markdown/extract-frontmatter';
import { extractHeadings } from './extract-headings';
import { extractLinks } from './extract-links';
import { extractTags } from './extract-tags';
import { parseMarkdown } from '../../shared/markdown/parse-markdown';

/**
 * The reference reading of a note: everything the index needs, extracted from remark's syntax
 * tree. Slow (about 1 MB/s) but obviously right; vault/scan/scan.ts must agree with it (see the
 * differential test). `text` is the note as the editor sees it (no BOM, "\n" line endings).
 */
export function noteMetaFromMarkdown(path: string, text: string): NoteMeta {
  const tree = parseMarkdown(text);
  const front = extractFrontmatter(tree);
  const headings = extractHeadings(tree);
  const firstH1 = headings.find((heading) => heading.level === 1 && heading.text !== '');
  return {
    path,
    title: front.title ?? firstH1?.text ?? fileTitle(path),
    aliases: front.aliases,
    frontmatter: front.frontmatter,
    headings,
    blocks: extractBlocks(tree, text),
    tags: [...front.tags, ...extractTags(tree, text)],
    links: extractLinks(tree, text),
    problems: front.problems,
  };
}

/** `folder/My note.md` → `My note`. */
function fileTitle(path: string): string {
  return (path.split('/').at(-1) ?? path).replace(/\.md$/i, '');
}
