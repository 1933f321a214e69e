import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { markdown, markdownLanguage } from '@codemirror/lang-markdown';
import { bracketMatching, indentOnInput } from '@codemirror/language';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { Annotation, Compartment, EditorState, type Extension, type Text } from '@codemirror/state';
import { drawSelection, dropCursor, EditorView, highlightSpecialChars, keymap, showPanel } from '@codemirror/view';
import { codeLanguages } from '../live-preview/blocks';
import { conflictMarkerSyntax } from './conflict-marker-syntax';
import { editorTheme } from './editor-theme';
import { frontmatter } from './frontmatter';
import { headingFolds } from './heading-folds';
import { linearLinkSyntax } from './linear-link-syntax';
import { notePath, setNotePath } from './note-path';
import { paragraphPieces } from './paragraph-pieces';
import { lineChanges } from './text-changes';
import { wikiLinkSyntax } from './wiki-link-syntax';

/**
 * The editor's markdown: GFM with frontmatter and wiki links, parsed so that typing re-reads a
 * bounded part of the note however many links it holds (linear link parsing, long paragraphs in
 * pieces), and conflict markers kept out of the markdown around them.
 */
export function noteMarkdown(): Extension {
  return markdown({
    base: markdownLanguage,
    extensions: [frontmatter, wikiLinkSyntax, linearLinkSyntax, paragraphPieces, conflictMarkerSyntax],
    // Fenced code is highlighted by its language, each language's parser loaded when first seen.
    codeLanguages,
  });
}

/** Where the text after a note's frontmatter starts (0 when it has none). */
export function afterFrontmatter(text: string): number {
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return 0;
  const close = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;
  const rest = text.slice(open[0].length);
  const end = close.exec(rest);
  return end ? open[0].length + end.index + end[0].length : 0;
}

/** Source mode's Live Preview: nothing (one value, so the compartment's content can be compared). */
const NO_PREVIEW: Extension = [];

/** Marks changes that came from disk rather than from the person typing. */
const fromDisk = Annotation.define<boolean>();

/** Notes past either limit open in plain mode, so typing never waits on whole-document work. */
export const LARGE_NOTE_CHARS = 2_000_000;
export const LARGE_NOTE_LINES = 200_000;

/** True for text too large for the full editor (markdown parsing, link decorations, wrapping). */
export function isLargeNote(text: string): boolean {
  if (text.length > LARGE_NOTE_CHARS) return true;
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) if (++lines > LARGE_NOTE_LINES) return true;
  return false;
}

/**
 * How a note is shown. `plain`: a large note, without markdown, links, previews, completion or
 * wrapping. `readOnly`: the text cannot be edited (e.g. it is a lossy view of bytes that are not
 * UTF-8), with the reason in a bar above it.
 */
export type EditorMode = { plain?: boolean; readOnly?: { reason: string } };

function modeKey(mode: EditorMode): string {
  return `${mode.plain ? 'plain' : 'full'}|${mode.readOnly?.reason ?? ''}`;
}

/** A bar above the text (inside the editor, so it belongs to the note's state). */
function banner(text: string, kind: 'warning' | 'info'): Extension {
  return showPanel.of(() => {
    const dom = document.createElement('div');
    dom.className = `cm-note-banner cm-note-banner-${kind}`;
    dom.setAttribute('role', kind === 'warning' ? 'alert' : 'status');
    dom.textContent = text;
    return { dom, top: true };
  });
}

/**
 * The markdown editor. Each note keeps its own EditorState while the app runs, so undo history
 * and cursor survive switching between notes.
 */
export class NoteEditor {
  readonly view: EditorView;
  private readonly states = new Map<string, { state: EditorState; key: string }>();
  private readonly full: Extension[];
  private readonly plain: Extension[];
  private path: string | null = null;
  private mode: EditorMode = {};
  /** Live Preview's extensions, swapped in and out of every full-mode note's state. */
  private readonly preview = new Compartment();
  private live = true;

  /**
   * `features`: what the app adds in full mode (links, completion, previews); `livePreview`: the
   * extensions of Live Preview, on unless `setLivePreview(false)` (Source mode).
   */
  constructor(
    parent: HTMLElement,
    onUserEdit: () => void,
    features: Extension[] = [],
    private readonly livePreview: Extension = [],
  ) {
    // Plain mode leaves out everything that does work growing with the note (parsing, decorating,
    // measuring wrapped lines, spellchecking), which a 50 MB note cannot afford on every keystroke.
    const build = (plain: boolean): Extension[] => [
      ...(plain ? [] : [features, this.preview.of(livePreview)]),
      highlightSpecialChars(),
      history(),
      drawSelection(),
      dropCursor(),
      ...(plain ? [] : [indentOnInput(), bracketMatching(), highlightSelectionMatches()]),
      search({ top: true }),
      ...(plain ? [] : [EditorView.lineWrapping, noteMarkdown(), headingFolds()]),
      editorTheme(),
      keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, indentWithTab]),
      EditorView.contentAttributes.of({ spellcheck: plain ? 'false' : 'true', 'aria-label': 'Note text' }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged && !update.transactions.some((tr) => tr.annotation(fromDisk))) onUserEdit();
      }),
    ];
    this.full = build(false);
    this.plain = build(true);
    this.view = new EditorView({ parent, state: EditorState.create({ extensions: this.full }) });
    this.view.dom.hidden = true;
  }

  /** How the open note is shown. */
  get openMode(): EditorMode {
    return this.mode;
  }

  /** The open note's text as CodeMirror holds it (immutable; unchanged parts are shared). */
  get doc(): Text {
    return this.view.state.doc;
  }

  get currentPath(): string | null {
    return this.path;
  }

  get text(): string {
    return this.view.state.doc.toString();
  }

  /** Shows `path` with `text`; a note seen before with the same text and mode gets its history back. */
  open(path: string, text: string, mode: EditorMode = {}): void {
    this.stash();
    const key = modeKey(mode);
    const cached = this.states.get(path);
    const state =
      cached && cached.key === key && cached.state.doc.length === text.length && cached.state.doc.toString() === text
        ? cached.state
        : EditorState.create({
            doc: text,
            // The state knows its note: its plugins resolve links from it as they start.
            extensions: [this.extensionsFor(mode), notePath.init(() => path)],
            // In Live Preview a note opens below its properties, so they show rendered, not as YAML.
            selection: { anchor: this.live && !mode.plain ? afterFrontmatter(text) : 0 },
          });
    // The path first, for the app's hooks that ask the editor which note is open.
    this.path = path;
    this.mode = mode;
    this.view.setState(state);
    this.applyLivePreview();
    this.view.dom.hidden = false;
  }

  /** True while notes are edited in Live Preview (markup hidden off the cursor), false in Source mode. */
  get livePreviewOn(): boolean {
    return this.live;
  }

  /** Switches the open note (and notes opened later) between Live Preview and Source mode. */
  setLivePreview(on: boolean): void {
    this.live = on;
    this.applyLivePreview();
  }

  private applyLivePreview(): void {
    const wanted = this.live ? this.livePreview : NO_PREVIEW;
    this.view.dom.classList.toggle('cm-live-preview', this.live && !this.mode.plain);
    // A plain (large) note has no compartment: it never renders markup.
    if (this.mode.plain || this.preview.get(this.view.state) === wanted) return;
    this.view.dispatch({ effects: this.preview.reconfigure(wanted) });
  }

  /** Hides the editor (the open note was closed or deleted). */
  close(): void {
    this.stash();
    this.path = null;
    this.view.dom.hidden = true;
  }

  /**
   * Replaces the text with the disk's version, touching only the part that differs so the
   * cursor and scroll position stay where they were.
   */
  reloadInPlace(text: string): void {
    // Line by line, so the cursor and unchanged lines keep their places (see lineChanges).
    this.view.dispatch({ changes: lineChanges(this.text, text), annotations: [fromDisk.of(true)] });
  }

  /** Follows a rename of the open note (or a folder holding it). */
  renamed(from: string, to: string): void {
    for (const [path, entry] of [...this.states]) {
      const moved = path === from ? to : path.startsWith(from + '/') ? to + path.slice(from.length) : null;
      if (moved) {
        this.states.delete(path);
        this.states.set(moved, { ...entry, state: entry.state.update({ effects: setNotePath.of(moved) }).state });
      }
    }
    if (this.path === from) this.path = to;
    else if (this.path?.startsWith(from + '/')) this.path = to + this.path.slice(from.length);
    else return;
    this.view.dispatch({ effects: setNotePath.of(this.path) });
  }

  focus(): void {
    this.view.focus();
  }

  /** The cursor's offset in the open note. */
  get cursor(): number {
    return this.view.state.selection.main.head;
  }

  /** Selects `from`–`to` (clamped to the text), scrolls it to the middle and focuses the editor. */
  select(from: number, to = from): void {
    const length = this.view.state.doc.length;
    const anchor = Math.min(Math.max(0, from), length);
    const head = Math.min(Math.max(anchor, to), length);
    this.view.dispatch({
      selection: { anchor, head },
      effects: EditorView.scrollIntoView(anchor, { y: 'center' }),
    });
    this.view.focus();
  }

  private stash(): void {
    if (this.path !== null) this.states.set(this.path, { state: this.view.state, key: modeKey(this.mode) });
  }

  private extensionsFor(mode: EditorMode): Extension[] {
    const extensions = [...(mode.plain ? this.plain : this.full)];
    if (mode.readOnly) {
      extensions.push(
        EditorState.readOnly.of(true),
        EditorView.editable.of(false),
        banner(mode.readOnly.reason, 'warning'),
      );
    }
    if (mode.plain) {
      extensions.push(
        banner(
          'Large note: plain-text mode. Markdown highlighting, link previews, completion and line wrapping are off so typing stays fast.',
          'info',
        ),
      );
    }
    return extensions;
  }
}
