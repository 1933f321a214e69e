import {
  autocompletion,
  pickedCompletion,
  type Completion,
  type CompletionContext,
  type CompletionResult,
  type CompletionSource,
} from '@codemirror/autocomplete';
import { syntaxTree } from '@codemirror/language';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { SyntaxNode } from '@lezer/common';
import type { NoteSuggestion } from '../../../shared/api';
import { fuzzyScore, prepareKey, prepareQuery } from '../../../shared/fuzzy-match';
import { wikiLinkBody } from '../../../shared/wiki-link-text';

/** What `[[` completion asks of the app (implemented with the API client). */
export interface LinkCompletionSource {
  /** Notes matching what was typed after `[[` (the engine's suggestNotes). */
  suggest: (query: string) => Promise<NoteSuggestion[]>;
  /** Headings of the note `target` resolves to from the current note (null: the current note). */
  headings: (target: string | null) => Promise<string[]>;
  /** Block ids of that note. */
  blocks: (target: string | null) => Promise<string[]>;
  /** The note being edited. */
  currentPath: () => string | null;
  /**
   * What to write as a link's target for the note at `path`. Defaults to its file name without
   * `.md`; return a longer path when the file name alone would resolve to another note.
   */
  linkTarget?: (path: string) => string;
}

/** Nodes inside which `[[` is just text. */
const NO_LINKS = new Set(['InlineCode', 'CodeBlock', 'FencedCode', 'CodeText', 'Frontmatter', 'HTMLBlock', 'Comment']);

/** Where the cursor is inside an unclosed `[[…`, and what is being completed there. */
export type LinkContext =
  | { kind: 'note'; from: number; query: string }
  | { kind: 'heading'; from: number; target: string | null }
  | { kind: 'block'; from: number; target: string | null };

/**
 * Completion of wiki links: note names after `[[`, headings after `[[note#` (or `[[#` for this
 * note), block ids after `[[note#^`. Picking one writes the link's target and its closing `]]`
 * (not doubled when `]]` already follows the cursor) and puts the cursor after it.
 */
export function linkCompletion(source: LinkCompletionSource): Extension {
  const complete = linkCompletionSource(source);
  return [
    autocompletion({ activateOnTyping: true }),
    EditorState.languageData.of(() => [{ autocomplete: complete }]),
    completionTheme,
  ];
}

/** The icon of each kind of option; the "create" option stands apart. */
const completionTheme = EditorView.baseTheme({
  // Names read as the rest of the app's lists do (CodeMirror sets its list in monospace).
  '.cm-tooltip.cm-tooltip-autocomplete > ul > li': { fontFamily: 'var(--font-ui)' },
  '.cm-tooltip-autocomplete .cm-completionIcon-create::after': { content: "'+'" },
  '.cm-tooltip-autocomplete .cm-completionIcon-note::after': { content: "'▫'" },
  '.cm-tooltip-autocomplete .cm-completionIcon-alias::after': { content: "'↪'" },
  '.cm-tooltip-autocomplete .cm-completionIcon-heading::after': { content: "'#'" },
  '.cm-tooltip-autocomplete .cm-completionIcon-block::after': { content: "'^'" },
});

/** The CompletionSource itself (exported for tests). */
export function linkCompletionSource(source: LinkCompletionSource): CompletionSource {
  let latest = 0;
  return async (context: CompletionContext): Promise<CompletionResult | null> => {
    const at = linkContextAt(context.state, context.pos);
    if (!at) return null;
    const request = ++latest;
    // A newer keystroke's request (or an aborted one) wins: its answer must not be overwritten.
    const stale = () => request !== latest || context.aborted;
    if (at.kind === 'note') {
      const suggestions = await source.suggest(at.query);
      return stale() ? null : noteResult(source, at, suggestions, inTableRow(context.state, context.pos));
    }
    const items = await (at.kind === 'heading' ? source.headings(at.target) : source.blocks(at.target));
    if (stale()) return null;
    return {
      from: at.from,
      // In the note's order (CodeMirror would sort equal matches by label).
      options: items.map((item, i) => ({ label: item, type: at.kind, apply: closeLink(item), boost: rankBoost(i) })),
      validFor: /^[^#|\]^[]*$/,
    };
  };
}

/** What is being completed at `pos`, or null when the cursor is not inside an unclosed wiki link. */
export function linkContextAt(state: EditorState, pos: number): LinkContext | null {
  const line = state.doc.lineAt(pos);
  const before = line.text.slice(0, pos - line.from);
  const open = before.lastIndexOf('[[');
  if (open < 0 || before[open - 1] === '\\') return null;
  const inner = before.slice(open + 2);
  if (inner.includes(']]') || inner.includes('|')) return null;
  if (inCode(state, line.from + open)) return null;
  const start = line.from + open + 2;
  const hash = inner.indexOf('#');
  if (hash < 0) return { kind: 'note', from: start, query: inner };
  const name = inner.slice(0, hash).trim();
  const target = name === '' ? null : name;
  const lastHash = inner.lastIndexOf('#');
  const part = inner.slice(lastHash + 1);
  if (part.startsWith('^')) return { kind: 'block', from: start + lastHash + 2, target };
  return { kind: 'heading', from: start + lastHash + 1 + (part.length - part.trimStart().length), target };
}

function inCode(state: EditorState, pos: number): boolean {
  for (let node: SyntaxNode | null = syntaxTree(state).resolveInner(pos, 1); node; node = node.parent) {
    if (NO_LINKS.has(node.name)) return true;
  }
  return false;
}

/** Whether `pos` is in a GFM table row, where a link's alias is written after `\|`. */
function inTableRow(state: EditorState, pos: number): boolean {
  for (let node: SyntaxNode | null = syntaxTree(state).resolveInner(pos, -1); node; node = node.parent) {
    if (node.name === 'Table') return true;
  }
  return false;
}

function noteResult(
  source: LinkCompletionSource,
  at: { from: number; query: string },
  suggestions: NoteSuggestion[],
  tableRow: boolean,
): CompletionResult {
  const matches = new Map<Completion, readonly number[]>();
  const options: Completion[] = suggestions.map((s, i) => {
    const target = source.linkTarget?.(s.path) ?? fileName(s.path);
    const { kind, text, ranges } = insertedName(s, at.query);
    // A title or alias is written as the link's display text; the file name (or path) alone otherwise.
    const shown = (kind === 'title' || kind === 'alias') && text !== target ? text : target;
    const option: Completion = {
      label: text,
      detail: detailOf(s, text),
      info: s.path,
      type: kind === 'alias' ? 'alias' : 'note',
      // The same link text as the backlinks pane's "Link" writes, less the brackets.
      apply: closeLink(wikiLinkBody(target, shown, tableRow)),
      // The engine's ranking; unfiltered options are otherwise sorted by label.
      boost: rankBoost(i),
    };
    matches.set(option, ranges.flat());
    return option;
  });
  const typed = at.query.trim();
  const lower = typed.toLowerCase();
  if (typed !== '' && !suggestions.some((s) => s.matched.kind !== 'path' && s.matched.text.toLowerCase() === lower)) {
    options.push({
      label: typed,
      displayLabel: `Create link to new note ‘${typed}’`,
      type: 'create',
      apply: closeLink(typed),
      boost: -99,
    });
  }
  return { from: at.from, options, filter: false, getMatch: (option) => matches.get(option) ?? [] };
}

/**
 * Which of a note's names the typed text matched, so that picking it writes that name: the file
 * name (`[[file]]`), the title (`[[file|Title]]`) or an alias (`[[file|alias]]`). The engine
 * offers a title that matches in the same tier as the file name (it reads better in a list), and
 * its matching treats `-`, `_` and space alike; here, when both match, the name holding the text
 * as typed wins (`neural-n` the file `neural-nets`, `neural n` the title "Neural Networks"), else
 * the better fuzzy match, the file name on a tie.
 */
export function insertedName(
  s: NoteSuggestion,
  query: string,
): { kind: NoteSuggestion['matched']['kind']; text: string; ranges: readonly [number, number][] } {
  const title = { ...s.matched, ranges: s.ranges };
  if (s.matched.kind !== 'title') return title;
  const name = fileName(s.path);
  const typed = prepareQuery(query);
  const nameRanges: [number, number][] = [];
  const byName = fuzzyScore(typed, prepareKey(name), nameRanges);
  if (byName < 0) return title;
  const asTyped = query.trim().toLowerCase();
  const inName = name.toLowerCase().includes(asTyped);
  const inTitle = s.matched.text.toLowerCase().includes(asTyped);
  const nameWins = inName !== inTitle ? inName : byName >= fuzzyScore(typed, prepareKey(s.matched.text));
  return nameWins ? { kind: 'name', text: name, ranges: nameRanges } : title;
}

/** CodeMirror's boost (-99…99) that keeps options in the order given. */
function rankBoost(index: number): number {
  return Math.max(-98, 99 - index);
}

/**
 * The title (unless it reads as the label: `index` / "Index") and the folder; nothing for a root
 * note named by its title.
 */
function detailOf(s: NoteSuggestion, label: string): string | undefined {
  const sameName = prepareKey(label).key === prepareKey(s.title).key;
  const parts = [sameName ? '' : s.title, s.folder].filter((part) => part !== '');
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
}

/**
 * Replaces the typed part with `text` and closes the link: `]]` is written unless it already
 * follows, and the cursor ends after it either way. Inside an existing link (`[[fo|o]]`), the
 * rest of the old target up to its `]]` is replaced too.
 */
export function closeLink(text: string): (view: EditorView, completion: Completion, from: number, to: number) => void {
  return (view, completion, from, to) => {
    const line = view.state.doc.lineAt(to);
    const rest = /^[^[\]|#]*\]\]/.exec(view.state.sliceDoc(to, line.to));
    const end = rest ? to + rest[0].length : to;
    view.dispatch({
      changes: { from, to: end, insert: `${text}]]` },
      selection: { anchor: from + text.length + 2 },
      annotations: pickedCompletion.of(completion),
      userEvent: 'input.complete',
      scrollIntoView: true,
    });
  };
}
