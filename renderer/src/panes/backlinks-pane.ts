import { MAX_BACKLINK_PAGE, type Backlink, type BacklinkPage, type Mention } from '../../../shared/api';
import type { PlexusClient } from '../../../shared/rpc/client';
import { baseName } from '../../../shared/paths';
import { contextSnippet, groupHeader } from './context-snippet';

export type BacklinksPaneOptions = {
  api: Pick<PlexusClient, 'backlinkPage' | 'unlinkedMentions'>;
  /** Opens a note with `offset`–`offset + length` selected. */
  open(path: string, offset: number, length: number): void;
  /** Turns a plain-text mention of `target` into a link; resolves once written. */
  linkMention(mention: Mention, target: string): Promise<void>;
};

/** Groups items by their source note, keeping the order they came in. */
function bySource<T extends { source: string }>(items: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.source);
    if (group) group.push(item);
    else groups.set(item.source, [item]);
  }
  return groups;
}

/** Source notes per page of linked mentions: a first page draws in a few milliseconds. */
const PAGE_NOTES = 50;

/** Calls back once when a "Show more" button scrolls near the bottom of the pane. */
class NearBottom {
  private observer: IntersectionObserver | null = null;

  constructor(private readonly root: HTMLElement) {}

  watch(target: HTMLElement, near: () => void): void {
    this.disconnect();
    this.observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && near(), {
      root: this.root,
      rootMargin: '0px 0px 300px 0px',
    });
    this.observer.observe(target);
  }

  disconnect(): void {
    this.observer?.disconnect();
    this.observer = null;
  }
}

function noteName(path: string): string {
  return baseName(path).replace(/\.md$/i, '');
}

/**
 * Linked mentions of the active note, grouped by source with their context, and its unlinked
 * mentions (collapsed: finding them reads the vault) each with a Link action.
 */
export class BacklinksPane {
  private path: string | null = null;
  private generation = 0;
  private readonly linked: HTMLElement;
  private readonly unlinked: HTMLDetailsElement;
  private readonly unlinkedList: HTMLElement;
  /** Unlinked mentions were not looked for again when they might have changed (hidden, or closed). */
  private unlinkedStale = false;
  /** Source notes whose linked mentions show (pages loaded so far). */
  private shownNotes = 0;
  private readonly more: NearBottom;

  constructor(
    private readonly el: HTMLElement,
    private readonly options: BacklinksPaneOptions,
  ) {
    this.linked = document.createElement('section');
    this.linked.className = 'backlinks-linked';
    this.unlinked = document.createElement('details');
    this.unlinked.className = 'backlinks-unlinked';
    const summary = document.createElement('summary');
    summary.textContent = 'Unlinked mentions';
    this.unlinkedList = document.createElement('div');
    this.unlinked.append(summary, this.unlinkedList);
    this.unlinked.addEventListener('toggle', () => {
      if (this.unlinked.open) {
        this.unlinkedStale = false;
        void this.loadUnlinked(this.generation);
      }
    });
    el.append(this.linked, this.unlinked);
    this.more = new NearBottom(el);
  }

  /** Shows the backlinks of `path` (null: no note open). */
  show(path: string | null): void {
    if (path !== this.path) this.shownNotes = 0;
    this.path = path;
    this.refresh();
  }

  /**
   * Fetches again (the vault changed). Answers to older requests are dropped. Unlinked mentions
   * (a scan of every note's text) are looked for only while they show: the pane visible and the
   * section open; and not when `unlinked` is false (only the open note was saved: no other note's
   * text changed). Otherwise they are looked for when they come into view.
   */
  refresh({ unlinked = true }: { unlinked?: boolean } = {}): void {
    const generation = ++this.generation;
    if (this.path === null) {
      this.more.disconnect();
      this.linked.replaceChildren(this.empty('No note is open.'));
      this.unlinkedList.replaceChildren();
      return;
    }
    void this.loadLinked(generation);
    if (!unlinked) return;
    if (this.unlinked.open && !this.el.hidden) {
      this.unlinkedStale = false;
      void this.loadUnlinked(generation);
    } else this.unlinkedStale = true;
  }

  /** The pane came into view: unlinked mentions skipped while it was hidden are looked for now. */
  shown(): void {
    if (this.unlinkedStale && this.unlinked.open && this.path !== null) {
      this.unlinkedStale = false;
      void this.loadUnlinked(this.generation);
    }
  }

  private async loadLinked(generation: number): Promise<void> {
    const path = this.path;
    if (path === null) return;
    // As many notes as showed before (up to a page's most), so a refresh keeps the place scrolled to.
    const limit = Math.min(MAX_BACKLINK_PAGE, Math.max(PAGE_NOTES, this.shownNotes));
    const page = await this.options.api.backlinkPage({ path, limit }).catch(() => null);
    if (generation !== this.generation) return;
    this.more.disconnect();
    if (!page) return this.linked.replaceChildren(this.empty('Backlinks could not be loaded.'));
    const header = document.createElement('h3');
    header.className = 'pane-title';
    header.textContent = `Linked mentions`;
    const total = document.createElement('span');
    total.className = 'pane-count backlinks-total';
    total.textContent = String(page.total);
    total.title = `${page.total} ${page.total === 1 ? 'link' : 'links'} in ${page.notes} ${page.notes === 1 ? 'note' : 'notes'}`;
    header.append(' ', total);
    this.shownNotes = 0;
    this.linked.replaceChildren(header, ...(page.total === 0 ? [this.empty('No other note links here yet.')] : []));
    this.append(path, page, generation);
  }

  /**
   * Adds a page's groups, and a "Show more" button that also loads the next page by itself when
   * scrolled near: the DOM grows a page at a time, however many notes link here.
   */
  private append(path: string, page: BacklinkPage, generation: number): void {
    const groups = [...bySource(page.links)].map(([source, items]) => this.linkedGroup(source, items));
    this.shownNotes += groups.length;
    this.linked.append(...groups);
    if (page.next === null) return;
    const more = document.createElement('button');
    more.type = 'button';
    more.className = 'backlinks-more';
    more.textContent = `Show more (${page.notes - this.shownNotes} more notes)`;
    const next = page.next;
    let asked = false;
    const load = () => {
      if (asked) return;
      asked = true;
      more.disabled = true;
      this.more.disconnect();
      void this.options.api.backlinkPage({ path, offset: next, limit: PAGE_NOTES }).then(
        (nextPage) => {
          if (generation !== this.generation) return;
          more.remove();
          this.append(path, nextPage, generation);
        },
        () => {
          asked = false;
          more.disabled = false;
        },
      );
    };
    more.addEventListener('click', load);
    this.linked.append(more);
    this.more.watch(more, load);
  }

  private linkedGroup(source: string, items: Backlink[]): HTMLElement {
    const group = document.createElement('div');
    group.className = 'pane-group';
    group.dataset.source = source;
    group.append(groupHeader(noteName(source), items.length, source));
    for (const item of items) {
      const row = contextSnippet(item.context);
      row.classList.add('pane-item');
      row.addEventListener('click', () => this.options.open(source, item.link.start, item.link.end - item.link.start));
      group.append(row);
    }
    return group;
  }

  private async loadUnlinked(generation: number): Promise<void> {
    const path = this.path;
    if (path === null) return;
    this.unlinkedList.replaceChildren(this.empty('Looking…'));
    const mentions = await this.options.api.unlinkedMentions({ path }).catch(() => null);
    if (generation !== this.generation) return;
    if (!mentions) return this.unlinkedList.replaceChildren(this.empty('Mentions could not be loaded.'));
    const summary = this.unlinked.querySelector('summary');
    if (summary) summary.textContent = `Unlinked mentions (${mentions.length})`;
    if (mentions.length === 0) return this.unlinkedList.replaceChildren(this.empty('No unlinked mentions.'));
    this.unlinkedList.replaceChildren(
      ...[...bySource(mentions)].map(([source, items]) => {
        const group = document.createElement('div');
        group.className = 'pane-group';
        group.dataset.source = source;
        group.append(groupHeader(noteName(source), items.length, source));
        for (const mention of items) group.append(this.mentionRow(path, mention));
        return group;
      }),
    );
  }

  private mentionRow(target: string, mention: Mention): HTMLElement {
    // The snippet beside its button, so a long paragraph never pushes the button out of the pane.
    const row = document.createElement('div');
    row.className = 'pane-item mention-row';
    row.append(contextSnippet(mention.context));
    row.addEventListener('click', () => this.options.open(mention.source, mention.start, mention.end - mention.start));
    const link = document.createElement('button');
    link.type = 'button';
    link.className = 'mention-link';
    link.textContent = 'Link';
    link.title = `Turn "${mention.matched}" into a link to ${noteName(target)}`;
    link.addEventListener('click', (e) => {
      e.stopPropagation();
      link.disabled = true;
      void this.options.linkMention(mention, target).finally(() => this.refresh());
    });
    row.append(link);
    return row;
  }

  private empty(text: string): HTMLElement {
    const p = document.createElement('p');
    p.className = 'pane-empty';
    p.textContent = text;
    return p;
  }
}
