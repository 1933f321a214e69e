import { syntaxTree } from '@codemirror/language';
import { Facet, StateEffect, type EditorState, type Extension, type Range } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  ViewPlugin,
  type Command,
  type DecorationSet,
  type ViewUpdate,
} from '@codemirror/view';
import { externalLinkAt, linkAt, linksIn, type EditorLink } from './editor-link';
import { notePath, notePathOf, setNotePath } from './note-path';

export type LinkDecorationOptions = {
  /**
   * Where each target leads from the note at `from` (the API's resolveLinks), null when
   * unresolved. `from` is the path the editor state holds (see note-path.ts).
   */
  resolve(targets: string[], from: string): Promise<(string | null)[]>;
  /** Follow a note link (Ctrl/Cmd+click, or the command); `newTab` with Shift or the middle button. */
  onFollow(link: EditorLink, newTab: boolean): void;
  /** Open an external URL (http:, mailto:…); without it external links are only styled. */
  onExternal?(url: string): void;
};

/** Dispatch when the vault's notes change, so every link's resolved/unresolved style is checked again. */
export const refreshLinks = StateEffect.define<null>();

/** Internal: answers to a resolve request arrived. */
const resolvedTargets = StateEffect.define<null>();

const options = Facet.define<LinkDecorationOptions, LinkDecorationOptions | null>({
  combine: (values) => values[0] ?? null,
});

/**
 * Styles every note link in view as resolved (`cm-link-resolved`) or not (`cm-link-unresolved`),
 * external URLs as `cm-link-external`; Ctrl/Cmd+click follows a link. Targets are resolved in
 * batches through `resolve`, from the note the state holds (`notePath`), and cached until
 * `refreshLinks` or the note's path changes. A state that holds no note leaves its links unstyled
 * (pending) rather than guess where they lead from.
 */
export function linkDecorations(config: LinkDecorationOptions): Extension {
  return [options.of(config), notePath, linkPlugin, clickToFollow, linkTheme];
}

/** How links look: colours from the app's CSS variables, which follow the OS light/dark switch. */
const linkTheme = EditorView.baseTheme({
  '.cm-link-resolved': { color: 'var(--accent)' },
  // Muted and dashed as in the reading view (faded accent was 2.9:1); its words too, over the
  // syntax colour a link's words get.
  '.cm-link-unresolved, .cm-link-unresolved span': {
    color: 'var(--muted)',
    textDecoration: 'underline dashed',
    textUnderlineOffset: '3px',
  },
  '.cm-link-external': { color: 'var(--accent)' },
  // Ctrl/Cmd held (the class is on the editor itself): links are clickable.
  '&.cm-link-follow-mode .cm-link': { cursor: 'pointer', textDecoration: 'underline' },
});

/** Follows the link under the cursor (bind to Mod-Enter). */
export const followLinkAtCursor: Command = (view) => follow(view, view.state.selection.main.head, false);

/** Follows the link under the cursor in a new tab. */
export const followLinkAtCursorInNewTab: Command = (view) => follow(view, view.state.selection.main.head, true);

function follow(view: EditorView, pos: number, newTab: boolean): boolean {
  const config = view.state.facet(options);
  if (!config) return false;
  const link = linkAt(view.state, pos);
  if (link) {
    config.onFollow(link, newTab);
    return true;
  }
  const external = externalLinkAt(view.state, pos);
  if (external && config.onExternal) {
    config.onExternal(external.url);
    return true;
  }
  return false;
}

/** Resolution answers by target ('' — the note itself — is always resolved). */
export type LinkCache = Map<string, string | null>;

const marks = {
  resolved: {
    wiki: mark('cm-link cm-link-wiki cm-link-resolved'),
    markdown: mark('cm-link cm-link-md cm-link-resolved'),
  },
  unresolved: {
    wiki: mark('cm-link cm-link-wiki cm-link-unresolved'),
    markdown: mark('cm-link cm-link-md cm-link-unresolved'),
  },
  pending: { wiki: mark('cm-link cm-link-wiki'), markdown: mark('cm-link cm-link-md') },
  external: mark('cm-link cm-link-external'),
};

function mark(className: string): Decoration {
  return Decoration.mark({ class: className });
}

/**
 * The decorations for the links in `ranges`, with the targets the cache does not know yet
 * (those links get only the plain `cm-link` classes until resolved).
 */
export function linkMarks(
  state: EditorState,
  ranges: readonly { from: number; to: number }[],
  cache: LinkCache,
): { decorations: DecorationSet; missing: string[] } {
  const found: Range<Decoration>[] = [];
  const missing = new Set<string>();
  for (const { from, to } of ranges) {
    for (const item of linksIn(state, from, to)) {
      if (item.kind === 'external') {
        found.push(marks.external.range(item.link.from, item.link.to));
        continue;
      }
      const { target, style } = item.link;
      let status: 'resolved' | 'unresolved' | 'pending' = 'resolved';
      if (target !== '') {
        const answer = cache.get(target);
        if (answer === undefined) {
          status = 'pending';
          missing.add(target);
        } else {
          status = answer === null ? 'unresolved' : 'resolved';
        }
      }
      found.push(marks[status][style].range(item.link.from, item.link.to));
    }
  }
  // Visible ranges can touch, so a link can be found twice.
  const unique = found.filter((r, i) => i === 0 || r.from !== found[i - 1]!.from);
  return { decorations: Decoration.set(unique, true), missing: [...missing] };
}

const linkPlugin = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    private readonly cache: LinkCache = new Map();
    private readonly requested = new Set<string>();
    /** Bumped by `refreshLinks` and by a new note path, so answers to requests sent before are dropped. */
    private generation = 0;
    private destroyed = false;

    constructor(private readonly view: EditorView) {
      this.decorations = this.build();
    }

    update(update: ViewUpdate): void {
      let refresh = false;
      let answered = false;
      for (const tr of update.transactions) {
        for (const effect of tr.effects) {
          // Renamed or moved: the same links may lead elsewhere from the new place.
          if (effect.is(refreshLinks) || effect.is(setNotePath)) refresh = true;
          if (effect.is(resolvedTargets)) answered = true;
        }
      }
      if (refresh) {
        this.generation++;
        this.cache.clear();
        this.requested.clear();
      }
      if (
        refresh ||
        answered ||
        update.docChanged ||
        update.viewportChanged ||
        syntaxTree(update.startState) !== syntaxTree(update.state)
      ) {
        this.decorations = this.build();
      }
    }

    destroy(): void {
      this.destroyed = true;
    }

    private build(): DecorationSet {
      const { decorations, missing } = linkMarks(this.view.state, this.view.visibleRanges, this.cache);
      const ask = missing.filter((target) => !this.requested.has(target));
      if (ask.length > 0) this.request(ask);
      return decorations;
    }

    private request(targets: string[]): void {
      const config = this.view.state.facet(options);
      const from = notePathOf(this.view.state);
      if (!config || from === null) return;
      for (const target of targets) this.requested.add(target);
      const generation = this.generation;
      config.resolve(targets, from).then(
        (answers) => {
          if (this.destroyed || generation !== this.generation) return;
          targets.forEach((target, i) => this.cache.set(target, answers[i] ?? null));
          this.view.dispatch({ effects: resolvedTargets.of(null) });
        },
        () => {
          // Unknown: ask again on the next rebuild rather than mark links unresolved wrongly.
          if (generation === this.generation) for (const target of targets) this.requested.delete(target);
        },
      );
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

/** Ctrl/Cmd+click (Shift: new tab) or middle click follows; holding Ctrl/Cmd shows links as clickable. */
const clickToFollow = EditorView.domEventHandlers({
  mousedown(event, view) {
    const modified = event.button === 0 && (event.ctrlKey || event.metaKey);
    if (!modified && event.button !== 1) return false;
    const pos = view.posAtCoords({ x: event.clientX, y: event.clientY });
    if (pos === null || !follow(view, pos, event.button === 1 || event.shiftKey)) return false;
    event.preventDefault();
    return true;
  },
  keydown(event, view) {
    if (event.key === 'Control' || event.key === 'Meta') view.dom.classList.add('cm-link-follow-mode');
    return false;
  },
  keyup(event, view) {
    if (event.key === 'Control' || event.key === 'Meta') view.dom.classList.remove('cm-link-follow-mode');
    return false;
  },
  blur(_event, view) {
    view.dom.classList.remove('cm-link-follow-mode');
    return false;
  },
});
