import { parseDocument } from 'yaml';
import type { NoteProblem, TagRef } from '../../shared/note-meta';
import { readSimpleYaml, UNSUPPORTED } from './yaml';

/** A note's frontmatter, parsed, and where the markdown after it starts. */
export type Frontmatter = {
  /** The YAML mapping, or null when there is none or it is not a mapping. */
  data: Record<string, unknown> | null;
  bodyStart: number;
  /** The 1-based line number of `bodyStart`. */
  bodyLine: number;
  problems: NoteProblem[];
};

/**
 * Reads frontmatter: only when the note's first line is `---`, up to the next line that is `---`
 * or `...` (trailing blanks allowed on both, as remark-frontmatter allows). Without a closing line
 * there is no frontmatter and the first line is markdown (a thematic break).
 */
export function readFrontmatter(text: string): Frontmatter {
  const firstEnd = lineEnd(text, 0);
  if (!isFence(text, 0, firstEnd, false)) return { data: null, bodyStart: 0, bodyLine: 1, problems: [] };
  let line = 2;
  for (let start = firstEnd + 1; start < text.length; line++) {
    const end = lineEnd(text, start);
    if (isFence(text, start, end, true)) {
      const { data, problems } = parseYaml(text.slice(firstEnd + 1, start), 2);
      return { data, bodyStart: Math.min(end + 1, text.length), bodyLine: line + 1, problems };
    }
    start = end + 1;
  }
  return { data: null, bodyStart: 0, bodyLine: 1, problems: [] };
}

/**
 * Parses the YAML (common simple frontmatter by a fast reader that agrees with `yaml`), recording
 * each error with its line in the note; keeps what did parse.
 */
function parseYaml(
  source: string,
  firstLine: number,
): { data: Record<string, unknown> | null; problems: NoteProblem[] } {
  const simple = readSimpleYaml(source);
  if (simple !== UNSUPPORTED) return { data: simple, problems: [] };
  const problems: NoteProblem[] = [];
  if (nestsDeeperThan(source, MAX_YAML_NESTING)) {
    problems.push({
      kind: 'yaml',
      message: `Frontmatter nests deeper than ${MAX_YAML_NESTING} levels, so it was not read`,
      line: firstLine,
    });
    return { data: null, problems };
  }
  let value: unknown;
  try {
    const doc = parseDocument(source, { prettyErrors: false });
    for (const error of doc.errors) {
      if (problems.length === MAX_YAML_PROBLEMS) {
        problems.push({
          kind: 'yaml',
          message: `Frontmatter has ${doc.errors.length - MAX_YAML_PROBLEMS} more YAML errors`,
          line: firstLine,
        });
        break;
      }
      problems.push({
        kind: 'yaml',
        message: `Frontmatter is not valid YAML: ${error.message}`,
        line: firstLine + countNewlines(source, error.pos[0]),
      });
    }
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // toJS throws on an unresolved alias (`*name`) or an alias bomb; the rest of the note still counts.
    problems.push({ kind: 'yaml', message: `Frontmatter could not be read: ${describe(error)}`, line: firstLine });
    return { data: null, problems };
  }
  if (isMapping(value)) return { data: value, problems };
  if (value !== null && value !== undefined && problems.length === 0) {
    problems.push({
      kind: 'yaml',
      message: 'Frontmatter is not a mapping of `key: value` lines, so it was ignored',
      line: firstLine,
    });
  }
  return { data: null, problems };
}

/**
 * How deeply frontmatter may nest before `yaml` is not asked to read it. `yaml` recurses per level
 * (past about 900 it runs out of stack, and near that limit V8 has aborted the whole process: 20k
 * `[`, a 20 KB note) and turns complex keys (`? ? ? x`) into strings in time that grows steeply
 * with depth (320 levels, 640 bytes: 10 s; 62 levels: 5 ms a line). Real frontmatter nests a few
 * levels; the remark oracle reads deeper YAML with `yaml` itself, so only such frontmatter reads
 * differently there.
 */
export const MAX_YAML_NESTING = 32;

/** The most YAML errors reported for one note (a line of `&a &a …` makes one per anchor). */
const MAX_YAML_PROBLEMS = 20;

/**
 * Whether YAML may nest deeper than `limit`: an over-estimate, for what it costs to read, adding
 * the levels of indentation open on a line, the compact indicators (`- `, `? `, `: `) that begin
 * it, and the flow brackets `[` `{` open there (quotes and comments not told apart).
 */
export function nestsDeeperThan(source: string, limit: number): boolean {
  const indents: number[] = [];
  let flow = 0;
  for (let start = 0; start < source.length;) {
    const end = lineEnd(source, start);
    let q = start;
    while (q < end && source.charCodeAt(q) === 0x20) q++;
    if (q < end) {
      const indent = q - start;
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      let indicators = 0;
      for (;;) {
        const c = source.charCodeAt(q);
        const after = source.charCodeAt(q + 1);
        if ((c !== 0x2d && c !== 0x3f && c !== 0x3a) || !(q + 1 >= end || after === 0x20 || after === 0x09)) break;
        indicators++;
        q++;
        while (q < end && (source.charCodeAt(q) === 0x20 || source.charCodeAt(q) === 0x09)) q++;
      }
      let deepest = flow;
      for (; q < end; q++) {
        const c = source.charCodeAt(q);
        if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++flow);
        else if ((c === 0x5d || c === 0x7d) && flow > 0) flow--;
      }
      if (indents.length + indicators + deepest > limit) return true;
    }
    start = end + 1;
  }
  return false;
}

/** Frontmatter `title` when it is a non-empty string or a number. */
export function frontmatterTitle(data: Record<string, unknown> | null): string | null {
  const title = data?.['title'];
  if (typeof title === 'string') return title.trim() === '' ? null : title.trim();
  if (typeof title === 'number' && Number.isFinite(title)) return String(title);
  return null;
}

/** Frontmatter `aliases` and `alias`: lists of strings, or strings split on commas; trimmed, non-empty, unique. */
export function frontmatterAliases(data: Record<string, unknown> | null): string[] {
  const aliases: string[] = [];
  for (const key of ['aliases', 'alias']) {
    for (const alias of stringsOf(data?.[key], /,/)) if (!aliases.includes(alias)) aliases.push(alias);
  }
  return aliases;
}

/**
 * Frontmatter `tags` and `tag`: a list, or a string split on commas and whitespace; leading `#`
 * removed. Like inline tags, a tag of digits only does not count.
 */
export function frontmatterTags(data: Record<string, unknown> | null): TagRef[] {
  const tags: TagRef[] = [];
  for (const key of ['tags', 'tag']) {
    for (const value of stringsOf(data?.[key], /[\s,]+/)) {
      const tag = value.replace(/^#/, '').trim();
      if (tag !== '' && !/^[0-9]+$/.test(tag)) tags.push({ tag, line: null });
    }
  }
  return tags;
}

/** The strings of a list (numbers too, as written), or a string split by `separator`; trimmed, non-empty. */
function stringsOf(value: unknown, separator: RegExp): string[] {
  const items: unknown[] = Array.isArray(value) ? value : typeof value === 'string' ? value.split(separator) : [];
  const strings: string[] = [];
  for (const item of items) {
    const text =
      typeof item === 'string' ? item.trim() : typeof item === 'number' && Number.isFinite(item) ? String(item) : '';
    if (text !== '') strings.push(text);
  }
  return strings;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.getPrototypeOf(value) === Object.prototype
  );
}

/** `---` (or, closing, `...`) then only spaces and tabs. */
function isFence(text: string, start: number, end: number, closing: boolean): boolean {
  const marker = text.charCodeAt(start);
  if (marker !== 0x2d && !(closing && marker === 0x2e)) return false;
  if (end - start < 3 || text.charCodeAt(start + 1) !== marker || text.charCodeAt(start + 2) !== marker) return false;
  for (let i = start + 3; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return true;
}

function lineEnd(text: string, start: number): number {
  const newline = text.indexOf('\n', start);
  return newline < 0 ? text.length : newline;
}

function countNewlines(text: string, end: number): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
