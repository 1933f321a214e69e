/**
 * The search query language, parsed into a tree (pure: no index, no files).
 *
 *   words          all must match; the last word typed also matches as a prefix
 *   "a phrase"     the words in this order
 *   -word -"a b"   must not match
 *   a OR b         either (binds looser than the implicit AND)
 *   ( … )          grouping
 *   tag:#x         the note has tag x or a tag under it (x/…)
 *   path:folder/   the note's path contains this
 *   file:name      the note's file name contains this
 *   line:(a b)     all of these on one line
 *   block:(a b)    all of these in one block (paragraph, list item, heading, code block, quote)
 *   section:(a b)  all of these in one section (from a heading to the next)
 *   task:call      in one task (a list item with a checkbox); task-todo: in an unticked one,
 *                  task-done: in a ticked one; with nothing after the colon, any such task
 *   /regex/        a regular expression as JavaScript writes it, run by RE2 (regex.ts):
 *                  case-insensitive, ^ and $ at line ends; no backreferences or lookaround
 */
import { searchRegex, SearchRegexError } from './regex';

export type QueryNode =
  | { kind: 'and'; children: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] }
  | { kind: 'not'; child: QueryNode }
  | { kind: 'word'; text: string; prefix: boolean }
  | { kind: 'phrase'; text: string }
  | { kind: 'tag'; tag: string }
  | { kind: 'path'; text: string }
  | { kind: 'file'; text: string }
  | { kind: 'line'; child: QueryNode }
  | { kind: 'scope'; scope: Scope; child: QueryNode | null }
  | { kind: 'regex'; source: string };

/** The parts of a note that block:, section: and task…: match within (note-units.ts). */
export type Scope = 'block' | 'section' | 'task' | 'task-todo' | 'task-done';

const SCOPES = new Set<string>(['block', 'section', 'task', 'task-todo', 'task-done']);

/** A parsed query, or why it could not be parsed. A blank query parses to null. */
export type ParsedQuery = { ok: true; node: QueryNode | null } | { ok: false; message: string };

/** The JavaScript flags whose meaning every query regex keeps (RE2 runs it: regex.ts). */
export const REGEX_FLAGS = 'gim';

/** How deeply groups may nest: the parser recurses once per level. */
export const MAX_DEPTH = 100;

const OPERATORS = new Set(['tag', 'path', 'file', 'line', ...SCOPES]);

class QueryError extends Error {}

/** Parses a query; never throws. */
export function parseQuery(query: string): ParsedQuery {
  if (query.trim() === '') return { ok: true, node: null };
  try {
    return { ok: true, node: new Parser(query).parse() };
  } catch (error) {
    if (error instanceof QueryError) return { ok: false, message: error.message };
    throw error;
  }
}

function isSpace(char: string | undefined): boolean {
  return char !== undefined && /\s/.test(char);
}

/** Ends a bare word or operator value. */
function endsWord(char: string | undefined): boolean {
  return char === undefined || isSpace(char) || char === '(' || char === ')' || char === '"';
}

class Parser {
  private pos = 0;
  private depth = 0;

  constructor(private readonly input: string) {}

  parse(): QueryNode {
    const node = this.parseOr();
    this.skipSpace();
    if (this.pos < this.input.length) throw new QueryError(`Unexpected ")" at position ${this.pos + 1}`);
    return node;
  }

  private parseOr(): QueryNode {
    const children = [this.parseAnd()];
    while (this.peekWord() === 'OR') {
      this.pos += 2;
      this.skipSpace();
      if (this.atGroupEnd()) throw new QueryError('"OR" needs something after it');
      children.push(this.parseAnd());
    }
    return children.length === 1 ? (children[0] as QueryNode) : { kind: 'or', children };
  }

  private parseAnd(): QueryNode {
    const children: QueryNode[] = [];
    for (;;) {
      this.skipSpace();
      if (this.atGroupEnd()) break;
      if (this.peekWord() === 'OR') {
        if (children.length === 0) throw new QueryError('"OR" needs something before it');
        break;
      }
      children.push(this.parseUnary());
    }
    if (children.length === 0) {
      throw new QueryError(this.depth > 0 ? 'Empty parentheses' : 'The query is empty');
    }
    return children.length === 1 ? (children[0] as QueryNode) : { kind: 'and', children };
  }

  private parseUnary(): QueryNode {
    if (this.input[this.pos] === '-') {
      this.pos++;
      if (this.atGroupEnd() || isSpace(this.input[this.pos]))
        throw new QueryError('"-" must be followed by what to exclude, e.g. -word or -"a phrase"');
      const child = this.parsePrimary();
      // Excluding every word that starts with what is typed would surprise: exclusions are exact.
      return { kind: 'not', child: child.kind === 'word' ? { ...child, prefix: false } : child };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): QueryNode {
    const char = this.input[this.pos];
    if (char === '(') return this.parseGroup();
    if (char === '"') return { kind: 'phrase', text: this.readQuoted() };
    if (char === '/') return this.parseRegex();
    const start = this.pos;
    const colon = this.input.slice(start).match(/^([a-z]+(?:-[a-z]+)?):/i);
    const operator = colon?.[1]?.toLowerCase();
    if (colon && operator && OPERATORS.has(operator)) {
      this.pos += colon[0].length;
      return this.parseOperator(operator);
    }
    const text = this.readBare();
    // The word being typed: prefix matching, unless a space says it is finished.
    return { kind: 'word', text, prefix: this.pos === this.input.length };
  }

  private parseGroup(): QueryNode {
    const open = this.pos;
    if (this.depth >= MAX_DEPTH)
      throw new QueryError(`The query nests groups too deeply (more than ${MAX_DEPTH} levels)`);
    this.pos++;
    this.depth++;
    const node = this.parseOr();
    this.skipSpace();
    if (this.input[this.pos] !== ')') throw new QueryError(`The "(" at position ${open + 1} is never closed`);
    this.pos++;
    this.depth--;
    return node;
  }

  private parseRegex(): QueryNode {
    const open = this.pos;
    let i = this.pos + 1;
    let source = '';
    while (i < this.input.length && this.input[i] !== '/') {
      if (this.input[i] === '\\' && i + 1 < this.input.length) {
        // An escaped slash is a slash; other escapes belong to the regex.
        source += this.input[i + 1] === '/' ? '/' : this.input.slice(i, i + 2);
        i += 2;
      } else source += this.input[i++];
    }
    if (i >= this.input.length)
      throw new QueryError(`The regular expression at position ${open + 1} has no closing "/"`);
    if (source === '') throw new QueryError('Empty regular expression "//"');
    try {
      searchRegex(source);
    } catch (error) {
      if (error instanceof SearchRegexError) throw new QueryError(error.message);
      throw error;
    }
    this.pos = i + 1;
    return { kind: 'regex', source };
  }

  private parseOperator(operator: string): QueryNode {
    if (SCOPES.has(operator)) {
      const scope = operator as Scope;
      const char = this.input[this.pos];
      if (char === '(') return { kind: 'scope', scope, child: this.parseGroup() };
      if (char === '"') return { kind: 'scope', scope, child: { kind: 'phrase', text: this.readQuoted() } };
      if (!endsWord(char))
        return { kind: 'scope', scope, child: { kind: 'word', text: this.readBare(), prefix: false } };
      // "task:" alone: any task (of that kind); a block or section needs what to find in it.
      if (scope.startsWith('task')) return { kind: 'scope', scope, child: null };
      throw new QueryError(`"${scope}:" needs words, e.g. ${scope}:(first second)`);
    }
    if (operator === 'line') {
      const char = this.input[this.pos];
      if (char === '(') return { kind: 'line', child: this.parseGroup() };
      if (char === '"') return { kind: 'line', child: { kind: 'phrase', text: this.readQuoted() } };
      if (endsWord(char)) throw new QueryError('"line:" needs words, e.g. line:(first second)');
      return { kind: 'line', child: { kind: 'word', text: this.readBare(), prefix: false } };
    }
    const value = this.input[this.pos] === '"' ? this.readQuoted() : this.readBare(true);
    if (operator === 'tag') {
      const tag = value.replace(/^#/, '').replace(/\/+$/, '');
      if (tag === '') throw new QueryError('"tag:" needs a tag, e.g. tag:#project');
      return { kind: 'tag', tag };
    }
    if (value === '')
      throw new QueryError(
        `"${operator}:" needs a value, e.g. ${operator}:${operator === 'path' ? 'folder/' : 'name'}`,
      );
    return operator === 'path' ? { kind: 'path', text: value } : { kind: 'file', text: value };
  }

  private readQuoted(): string {
    const open = this.pos;
    const close = this.input.indexOf('"', open + 1);
    if (close < 0) throw new QueryError(`The quote at position ${open + 1} is never closed`);
    this.pos = close + 1;
    const text = this.input.slice(open + 1, close);
    if (text.trim() === '') throw new QueryError('Empty phrase ""');
    return text;
  }

  private readBare(allowEmpty = false): string {
    const start = this.pos;
    while (!endsWord(this.input[this.pos])) this.pos++;
    if (this.pos === start && !allowEmpty)
      throw new QueryError(`Unexpected "${this.input[this.pos]}" at position ${start + 1}`);
    return this.input.slice(start, this.pos);
  }

  /** The bare word at the cursor (to spot OR), without consuming it. */
  private peekWord(): string {
    let end = this.pos;
    while (!endsWord(this.input[end])) end++;
    return this.input.slice(this.pos, end);
  }

  private atGroupEnd(): boolean {
    return this.pos >= this.input.length || (this.input[this.pos] === ')' && this.depth > 0);
  }

  private skipSpace(): void {
    while (isSpace(this.input[this.pos])) this.pos++;
  }
}
