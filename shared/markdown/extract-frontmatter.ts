import type { Root } from 'mdast';
import { parseDocument } from 'yaml';
import type { NoteProblem, TagRef } from '../note-meta';

/** What a note's YAML frontmatter says about it. */
export type FrontmatterFacts = {
  /** The parsed mapping; null without frontmatter, or when it is not a mapping. */
  frontmatter: Record<string, unknown> | null;
  title: string | null;
  aliases: string[];
  /** `tags` (or `tag`), without `#`; their line is null. */
  tags: TagRef[];
  problems: NoteProblem[];
};

/**
 * Reads the frontmatter (remark-frontmatter's `yaml` node, only ever the first child). Never
 * throws: each YAML error becomes a `yaml` problem on its 1-based line in the note, and what the
 * parser recovered still counts (a note is indexed as far as possible: one Templater `<% %>` or
 * `@handle` line should not cost a note its aliases).
 */
export function extractFrontmatter(tree: Root): FrontmatterFacts {
  const node = tree.children[0];
  if (node?.type !== 'yaml') return { frontmatter: null, title: null, aliases: [], tags: [], problems: [] };
  // The YAML starts on the line after the opening `---`.
  const firstLine = (node.position?.start.line ?? 1) + 1;
  const problems: NoteProblem[] = [];
  const report = (message: string, yamlLine = 1) =>
    problems.push({
      kind: 'yaml',
      message: `Frontmatter: ${message.split('\n', 1)[0] ?? ''}`,
      line: firstLine + yamlLine - 1,
    });

  let data: unknown = null;
  try {
    const doc = parseDocument(node.value);
    for (const error of doc.errors) report(error.message, error.linePos?.[0].line);
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // toJS throws on pathological documents (an unknown alias, an alias explosion).
    report(error instanceof Error ? error.message : String(error));
  }
  const frontmatter = isRecord(data) ? data : null;
  const title = scalarText(frontmatter?.title);
  return {
    frontmatter,
    title: title === '' ? null : title,
    aliases: unique([...stringList(frontmatter?.aliases, /,/), ...stringList(frontmatter?.alias, /,/)]),
    tags: [...stringList(frontmatter?.tags, /[\s,]+/), ...stringList(frontmatter?.tag, /[\s,]+/)]
      .map((tag) => tag.replace(/^#/, ''))
      // As inline: a tag of digits only is not a tag.
      .filter((tag) => /[^0-9]/.test(tag))
      .map((tag) => ({ tag, line: null })),
    problems,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string or finite number as text (`title: 2024` is a title too); null for anything else. */
function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/**
 * A list of scalars, or one string split by `separator` (`aliases: a, b` and `tags: a b` are
 * how older Obsidian notes list them); trimmed, empty ones dropped.
 */
function stringList(value: unknown, separator: RegExp): string[] {
  const items = Array.isArray(value)
    ? (value as unknown[]).map(scalarText)
    : typeof value === 'string'
      ? value.split(separator)
      : [];
  return items.map((item) => item?.trim() ?? '').filter((item) => item !== '');
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
