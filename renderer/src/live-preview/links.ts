import { Prec, type EditorState, type Extension, type Range } from '@codemirror/state';
import { Decoration, EditorView, WidgetType, type DecorationSet } from '@codemirror/view';
import type { SyntaxNode } from '@lezer/common';
import { externalLinkAt, linkAt, type EditorLink } from '../editor/editor-link';
import { linkDecorations } from '../editor/link-decorations';
import { decorateTree, hidden } from './decoration-list';
import { revealed, type Span } from './reveal';
import { visibleDecorations } from './visible-decorations';

export type LivePreviewLinkOptions = {
  /** Follow a note link: a plain click on a rendered link, `newTab` with Ctrl/Cmd. */
  onFollow(link: EditorLink, newTab: boolean): void;
  /** Open an external URL (a rendered `[text](https://…)`); without it, such a click places the cursor. */
  onExternal?(url: string): void;
  /**
   * Where targets lead from the note at `from` (the API's resolveLinks). Given, links are styled resolved/unresolved
   * through `linkDecorations` (editor/link-decorations.ts), whose resolution cache is reused:
   * the app installs it already, and CodeMirror keeps one copy of its plugin. Omitted, the
   * styling is left to that extension as installed elsewhere.
   */
  resolve?(targets: string[], from: string): Promise<(string | null)[]>;
};

/** The text of a rendered link (its markup hidden): clicking it follows the link. */
const rendered = Decoration.mark({ class: 'cm-lp-link cm-lp-link-rendered' });

/** ` > ` between a note and its heading, as Obsidian shows `[[a#h]]`. */
class HeadingSeparator extends WidgetType {
  override eq(): boolean {
    return true;
  }
  toDOM(): HTMLElement {
    const span = document.createElement('span');
    span.className = 'cm-lp-link-separator';
    span.textContent = ' > ';
    return span;
  }
}

const separator = Decoration.replace({ widget: new HeadingSeparator() });

/**
 * Links with their markup hidden unless the selection touches them: a wiki link shows its alias
 * (trimmed), else its target with headings as `a > h` (`[[#h]]` shows `h`); a markdown link
 * `[text](url)` shows its text. Embeds, images, autolinks, bare URLs and reference links are left
 * alone.
 */
export function linkDisplayDecorations(state: EditorState, ranges: readonly Span[]): DecorationSet {
  return decorateTree(state, ranges, (node, found) => {
    if (node.name === 'Frontmatter' || node.name === 'FencedCode' || node.name === 'CodeBlock') return false;
    if (node.name !== 'WikiLink' && node.name !== 'Link') return undefined;
    if (!revealed(state, node.from, node.to)) {
      const shown = node.name === 'WikiLink' ? wikiLinkParts(state, node.node) : markdownLinkParts(state, node.node);
      // A view plugin may not hide a line break: a link split over lines keeps its source.
      if (shown.length > 0 && !hidesLineBreak(state, node.from, node.to, shown)) {
        display(found, node.from, node.to, shown);
      }
    }
    return false;
  });
}

/** Hides `from`–`to` except the `shown` parts, with a separator between consecutive parts. */
function display(found: Range<Decoration>[], from: number, to: number, shown: Span[]): void {
  found.push(hidden.range(from, shown[0]!.from));
  shown.forEach((part, i) => {
    found.push(rendered.range(part.from, part.to));
    const next = shown[i + 1];
    if (next) found.push(separator.range(part.to, next.from));
  });
  found.push(hidden.range(shown[shown.length - 1]!.to, to));
}

function hidesLineBreak(state: EditorState, from: number, to: number, shown: Span[]): boolean {
  const hiddenParts = [state.sliceDoc(from, shown[0]!.from), state.sliceDoc(shown[shown.length - 1]!.to, to)];
  return hiddenParts.some((part) => part.includes('\n'));
}

/** What a wiki link shows: its alias, else the non-empty `#` parts of its target. Nothing for embeds. */
function wikiLinkParts(state: EditorState, node: SyntaxNode): Span[] {
  if (state.sliceDoc(node.from, node.from + 1) === '!') return [];
  const alias = node.getChild('WikiLinkAlias');
  if (alias) {
    const part = trimmed(state, alias.from, alias.to);
    if (part) return [part];
  }
  const target = node.getChild('WikiLinkTarget');
  if (!target) return [];
  const parts: Span[] = [];
  let start = target.from;
  const text = state.sliceDoc(target.from, target.to);
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text[i] !== '#') continue;
    const part = trimmed(state, start, target.from + i);
    if (part) parts.push(part);
    start = target.from + i + 1;
  }
  return parts;
}

/** What `[text](url)` shows: its text. Nothing for a reference link or empty text. */
function markdownLinkParts(state: EditorState, node: SyntaxNode): Span[] {
  if (!node.getChild('URL')) return [];
  const marks = node.getChildren('LinkMark');
  if (marks.length < 2 || marks[1]!.from <= marks[0]!.to) return [];
  return [{ from: marks[0]!.to, to: marks[1]!.from }];
}

function trimmed(state: EditorState, from: number, to: number): Span | null {
  const text = state.sliceDoc(from, to);
  const start = from + (text.length - text.trimStart().length);
  const end = to - (text.length - text.trimEnd().length);
  return end > start ? { from: start, to: end } : null;
}

/**
 * A plain click on a rendered link follows it (Ctrl/Cmd: in a new tab) instead of placing the
 * cursor; a revealed link is edited as text. High precedence, so in Live Preview this wins over
 * link-decorations' Ctrl/Cmd+click on the same link.
 */
function clickToFollow(options: LivePreviewLinkOptions): Extension {
  return Prec.high(
    EditorView.domEventHandlers({
      mousedown(event, view) {
        if (event.button !== 0 || event.shiftKey || event.altKey) return false;
        const target = event.target instanceof Element ? event.target.closest('.cm-lp-link-rendered') : null;
        if (!target || !view.contentDOM.contains(target)) return false;
        const pos = view.posAtDOM(target);
        const newTab = event.ctrlKey || event.metaKey;
        const link = linkAt(view.state, pos);
        if (link) {
          event.preventDefault();
          options.onFollow(link, newTab);
          return true;
        }
        const external = externalLinkAt(view.state, pos);
        if (external && options.onExternal) {
          event.preventDefault();
          options.onExternal(external.url);
          return true;
        }
        return false;
      },
    }),
  );
}

/** Links of Live Preview (see `linkDisplayDecorations`), followed by a click. */
export function links(options: LivePreviewLinkOptions): Extension {
  const resolution = options.resolve
    ? linkDecorations({
        resolve: (targets, from) => options.resolve!(targets, from),
        onFollow: (link, newTab) => options.onFollow(link, newTab),
        ...(options.onExternal ? { onExternal: (url: string) => options.onExternal?.(url) } : {}),
      })
    : [];
  return [visibleDecorations(linkDisplayDecorations), clickToFollow(options), resolution];
}
