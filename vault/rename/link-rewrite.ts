/**
 * How a link names its file, and how to write a new name for it in the same style: pure string
 * work for the rename engine (vault/rename/plan.ts). A link is rewritten by replacing only the
 * part of its text that names the file, so the alias (with its spacing, and the `\|` a table
 * needs), the `#heading`/`#^block` part, the embed `!` and a markdown link's title stay byte for
 * byte as written.
 */
import type { LinkRef } from '../../shared/note-meta';
import { baseName, parentPath } from '../../shared/paths';
import { joinRelative, normKey } from '../links';
import { markdownTarget, parseWikiContent } from '../scan';

/** Where the file name sits inside a link's raw text (offsets into `raw`). */
export type TargetSpan = {
  start: number;
  end: number;
  /** A markdown destination written in `<…>` (spaces allowed unencoded). */
  angle: boolean;
};

/**
 * How a link's target was written, relative to the file it resolved to:
 * - `name`: the file name alone (`[[Note]]`);
 * - `suffix`: the end of the path (`[[b/Note]]` for `a/b/Note.md`);
 * - `absolute`: the whole vault path (`[[a/b/Note]]`), `rooted` with a leading `/`;
 * - `relative`: from the linking note's folder (`[[../Note]]`, or a markdown `[x](sub/Note.md)`
 *   read relative to the note's folder).
 */
export type LinkForm = 'name' | 'suffix' | 'absolute' | 'rooted' | 'relative';

export type TargetStyle = {
  /** The link's syntax: a wiki link's relative path needs `./` or `../` in front. */
  kind: 'wiki' | 'markdown';
  form: LinkForm;
  /** Written with the `.md` extension. */
  extension: boolean;
  /** A relative path written with a leading `./`. */
  dotSlash: boolean;
  /** A markdown link whose non-ASCII characters were percent-encoded. */
  encodeNonAscii: boolean;
};

/**
 * The span of the file-name part in a link's raw text, or null when the raw text cannot be read
 * back to the link's target (never expected for links the scanner found).
 */
export function locateTarget(link: LinkRef): TargetSpan | null {
  return link.style === 'wiki' ? locateWiki(link) : locateMarkdown(link);
}

function locateWiki(link: LinkRef): TargetSpan | null {
  const raw = link.raw;
  const open = raw.startsWith('![[') ? 3 : raw.startsWith('[[') ? 2 : -1;
  if (open < 0 || !raw.endsWith(']]')) return null;
  const content = raw.slice(open, -2);
  const pipe = content.indexOf('|');
  let targetText = pipe < 0 ? content : content.slice(0, pipe);
  if (pipe > 0 && content.charCodeAt(pipe - 1) === 0x5c) targetText = targetText.slice(0, -1);
  const hash = targetText.indexOf('#');
  const name = hash < 0 ? targetText : targetText.slice(0, hash);
  const lead = name.length - name.trimStart().length;
  const trimmed = name.trim();
  if (trimmed !== link.target) return null;
  return { start: open + lead, end: open + lead + trimmed.length, angle: false };
}

function locateMarkdown(link: LinkRef): TargetSpan | null {
  const raw = link.raw;
  const dest = destinationSpan(raw);
  if (!dest) return null;
  const text = raw.slice(dest.start, dest.end);
  const parts = markdownTarget(text);
  if (!parts || parts.target !== link.target) return null;
  const hash = text.indexOf('#');
  const name = hash < 0 ? text : text.slice(0, hash);
  const lead = name.length - name.trimStart().length;
  const end = dest.start + lead + name.trim().length;
  return { start: dest.start + lead, end, angle: dest.angle };
}

/**
 * The destination of `[text](dest "title")` / `![text](<dest>)`: after the `]` that closes the
 * link text (brackets balance, backslash escapes and code spans are skipped, as CommonMark reads
 * link text), up to a blank or the unbalanced `)`.
 */
function destinationSpan(raw: string): { start: number; end: number; angle: boolean } | null {
  let i = raw.startsWith('![') ? 2 : raw.startsWith('[') ? 1 : -1;
  if (i < 0) return null;
  let depth = 0;
  for (; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\') i++;
    else if (c === '`') i = codeSpanEnd(raw, i);
    else if (c === '[') depth++;
    else if (c === ']') {
      if (depth === 0) break;
      depth--;
    }
  }
  if (raw[i] !== ']' || raw[i + 1] !== '(') return null;
  let p = i + 2;
  while (p < raw.length && /[ \t\n]/.test(raw[p] as string)) p++;
  if (raw[p] === '<') {
    const close = raw.indexOf('>', p + 1);
    return close < 0 ? null : { start: p + 1, end: close, angle: true };
  }
  let q = p;
  let parens = 0;
  for (; q < raw.length; q++) {
    const c = raw.charCodeAt(q);
    if (c <= 0x20 || c === 0x7f) break;
    if (c === 0x5c) q++;
    else if (c === 0x28) parens++;
    else if (c === 0x29 && parens-- === 0) break;
  }
  return q > p ? { start: p, end: q, angle: false } : null;
}

/** Past a code span opened by the backtick run at `i`, or just past the run when it never closes. */
function codeSpanEnd(raw: string, i: number): number {
  let n = 0;
  while (raw[i + n] === '`') n++;
  const fence = '`'.repeat(n);
  for (let j = raw.indexOf(fence, i + n); j >= 0; j = raw.indexOf(fence, j + 1)) {
    let m = 0;
    while (raw[j + m] === '`') m++;
    if (m === n) return j + n - 1;
    j += m - 1;
  }
  return i + n - 1;
}

/**
 * How `link` (written in the note at `source`) names `resolved`, the file it resolved to. `target`
 * is the file-name part as the scanner read it (decoded).
 */
export function describeStyle(link: LinkRef, source: string, resolved: string): TargetStyle {
  const target = link.target.normalize('NFC');
  const extension = /\.md$/i.test(target);
  const dotSlash = target.startsWith('./');
  const encodeNonAscii = link.style === 'markdown' && /%[89a-f][0-9a-f]/i.test(link.raw);
  const style = (form: LinkForm): TargetStyle => ({ kind: link.style, form, extension, dotSlash, encodeNonAscii });
  if (target.startsWith('./') || target.startsWith('../')) return style('relative');
  if (target.startsWith('/')) return style('rooted');
  const resolvedKey = stripNoteExtension(normKey(resolved));
  const folder = parentPath(source).normalize('NFC');
  if (link.style === 'markdown' && folder !== '' && target.includes('/')) {
    if (stripNoteExtension(normKey(joinRelative(folder, target))) === resolvedKey) return style('relative');
  }
  if (!target.includes('/')) return style('name');
  return stripNoteExtension(normKey(target)) === resolvedKey ? style('absolute') : style('suffix');
}

/**
 * The texts, best first, that could name `path` from a note at `source` in this style (decoded:
 * before any escaping a link needs). `unique` says no other file of the vault has `path`'s file
 * name; then the bare name is first, as Obsidian writes it. The caller keeps the first one that
 * resolves to `path`; the later ones are fallbacks (a longer path, `/` for an exact vault path,
 * the `.md` a same-named attachment makes necessary).
 */
export function targetCandidates(style: TargetStyle, path: string, source: string, unique: boolean): string[] {
  const isNote = /\.md$/i.test(path);
  const texts: string[] = [];
  const add = (text: string) => {
    if (!texts.includes(text)) texts.push(text);
  };
  const withExtension = (text: string, ext: boolean) => (isNote && !ext ? text.replace(/\.md$/i, '') : text);
  const segments = path.split('/');
  const suffixes = (min: number) => {
    const list: string[] = [];
    for (let n = Math.min(min, segments.length); n <= segments.length; n++) list.push(segments.slice(-n).join('/'));
    return list;
  };
  let forms: string[];
  if (style.form === 'relative') {
    const relative = relativePath(parentPath(source), path, style.dotSlash);
    forms = [style.kind === 'wiki' ? wikiRelative(relative) : relative, path, '/' + path];
  } else if (style.form === 'rooted') forms = ['/' + path];
  else if (style.form === 'absolute') forms = [path, '/' + path];
  else if (style.form === 'suffix') forms = [...suffixes(2), '/' + path];
  else forms = [...(unique ? [baseName(path)] : []), ...suffixes(2), '/' + path];
  for (const ext of style.extension ? [true] : [false, true]) {
    for (const form of forms) add(withExtension(form, ext));
  }
  return texts;
}

/**
 * `path` as a relative path from `folder`, the way it must be written to be read as relative: a
 * wiki link needs `./` or `../` in front, which `dotSlash` (or climbing) gives.
 */
export function relativePath(folder: string, path: string, dotSlash: boolean): string {
  const from = folder === '' ? [] : folder.split('/');
  const to = path.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.length - common;
  const rest = to.slice(common).join('/');
  if (up > 0) return '../'.repeat(up) + rest;
  return dotSlash ? './' + rest : rest;
}

/**
 * A wiki link's relative target must start with `./` or `../` to be read as relative; a markdown
 * link's is relative as is.
 */
export function wikiRelative(text: string): string {
  return text.startsWith('./') || text.startsWith('../') ? text : './' + text;
}

/**
 * How `text` (a decoded target) is written in a link of this kind, or null when it cannot be:
 * wiki links cannot hold `#`, `|`, `[[`/`]]` or a line break, nor begin or end with a blank.
 */
export function encodeTarget(
  text: string,
  kind: { style: 'wiki' | 'markdown'; angle: boolean; encodeNonAscii: boolean },
): string | null {
  if (/[\n\r]/.test(text)) return null;
  if (kind.style === 'wiki') {
    if (/[#|]|\[\[|\]\]/.test(text) || text.trim() !== text || text.endsWith(']')) return null;
    return text;
  }
  let out = '';
  for (const char of text) {
    if (char === '%') out += '%25';
    else if (char === '#') out += '%23';
    else if (char === '<' || char === '>') out += char === '<' ? '%3C' : '%3E';
    else if (!kind.angle && RAW_ESCAPES[char] !== undefined) out += RAW_ESCAPES[char];
    else if (kind.encodeNonAscii && char.codePointAt(0)! > 0x7f) out += encodeURIComponent(char);
    else out += char;
  }
  return out;
}

/** What a destination outside `<…>` cannot hold as is (parentheses: they might not balance). */
const RAW_ESCAPES: Record<string, string> = { ' ': '%20', '(': '%28', ')': '%29', '\\': '%5C', '\t': '%09' };

/** The raw link with its file-name part (at `span`) replaced by `written`. */
export function replaceTarget(raw: string, span: TargetSpan, written: string): string {
  return raw.slice(0, span.start) + written + raw.slice(span.end);
}

/**
 * True when `text` parses back, in a link of this kind, to exactly `decoded` as its target: a check
 * that escaping worked and nothing spills into the heading or alias part.
 */
export function readsBackAs(written: string, decoded: string, style: 'wiki' | 'markdown'): boolean {
  if (style === 'wiki') return parseWikiContent(written)?.target === decoded;
  const parts = markdownTarget(written);
  return parts !== null && parts.target === decoded && parts.headings.length === 0 && parts.block === null;
}

/**
 * True when `target` (decoded, as written) spells `path` literally (same case, `.md` optional):
 * the file name or a path suffix, an exact vault path, or a relative path from `folder`. Such a
 * link that still resolves to `path` needs no edit.
 */
export function spellsPath(target: string, path: string, folder: string, style: 'wiki' | 'markdown'): boolean {
  const want = path.normalize('NFC');
  let text = target.normalize('NFC');
  if (text.startsWith('./') || text.startsWith('../')) text = joinRelative(folder.normalize('NFC'), text);
  else if (text.startsWith('/')) text = text.slice(1);
  else if (style === 'markdown' && folder !== '') {
    const relative = joinRelative(folder.normalize('NFC'), text);
    if (relative === want || relative + '.md' === want) return true;
  }
  return [text, text + '.md'].some((t) => t === want || want.endsWith('/' + t));
}

function stripNoteExtension(key: string): string {
  return key.replace(/\.md$/, '');
}
