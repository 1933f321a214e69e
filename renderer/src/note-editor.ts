import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { markdown, markdownLanguage } from '@codemirror/lang-markdown';
import { bracketMatching, indentOnInput } from '@codemirror/language';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { Annotation, EditorState, type Extension } from '@codemirror/state';
import { drawSelection, dropCursor, EditorView, highlightSpecialChars, keymap } from '@codemirror/view';
import { editorTheme } from './editor-theme';
import { frontmatter } from './frontmatter';
import { wikiLinkSyntax } from './wiki-link-syntax';

/** Marks changes that came from disk rather than from the person typing. */
const fromDisk = Annotation.define<boolean>();

/**
 * The markdown editor. Each note keeps its own EditorState while the app runs, so undo history
 * and cursor survive switching between notes.
 */
export class NoteEditor {
  readonly view: EditorView;
  private readonly states = new Map<string, EditorState>();
  private readonly extensions: Extension[];
  private path: string | null = null;

  constructor(parent: HTMLElement, onUserEdit: () => void, features: Extension[] = []) {
    this.extensions = [
      ...features,
      highlightSpecialChars(),
      history(),
      drawSelection(),
      dropCursor(),
      indentOnInput(),
      bracketMatching(),
      highlightSelectionMatches(),
      search({ top: true }),
      EditorView.lineWrapping,
      markdown({ base: markdownLanguage, extensions: [frontmatter, wikiLinkSyntax] }),
      editorTheme(),
      keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, indentWithTab]),
      EditorView.contentAttributes.of({ spellcheck: 'true', 'aria-label': 'Note text' }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged && !update.transactions.some((tr) => tr.annotation(fromDisk))) onUserEdit();
      }),
    ];
    this.view = new EditorView({ parent, state: EditorState.create({ extensions: this.extensions }) });
    this.view.dom.hidden = true;
  }

  get currentPath(): string | null {
    return this.path;
  }

  get text(): string {
    return this.view.state.doc.toString();
  }

  /** Shows `path` with `text`; a note seen before with the same text gets its history back. */
  open(path: string, text: string): void {
    this.stash();
    const cached = this.states.get(path);
    const state =
      cached && cached.doc.toString() === text
        ? cached
        : EditorState.create({ doc: text, extensions: this.extensions });
    this.view.setState(state);
    this.path = path;
    this.view.dom.hidden = false;
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
    const old = this.text;
    let start = 0;
    while (start < old.length && start < text.length && old[start] === text[start]) start++;
    let endOld = old.length;
    let endNew = text.length;
    while (endOld > start && endNew > start && old[endOld - 1] === text[endNew - 1]) {
      endOld--;
      endNew--;
    }
    this.view.dispatch({
      changes: { from: start, to: endOld, insert: text.slice(start, endNew) },
      annotations: [fromDisk.of(true)],
    });
  }

  /** Follows a rename of the open note (or a folder holding it). */
  renamed(from: string, to: string): void {
    for (const [path, state] of [...this.states]) {
      const moved = path === from ? to : path.startsWith(from + '/') ? to + path.slice(from.length) : null;
      if (moved) {
        this.states.delete(path);
        this.states.set(moved, state);
      }
    }
    if (this.path === from) this.path = to;
    else if (this.path?.startsWith(from + '/')) this.path = to + this.path.slice(from.length);
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
    if (this.path !== null) this.states.set(this.path, this.view.state);
  }
}
