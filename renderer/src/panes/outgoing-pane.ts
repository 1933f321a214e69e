import type { LinkInfo } from '../../../shared/api';
import type { PlexusClient } from '../../../shared/rpc/client';
import { baseName } from '../../../shared/paths';

export type OutgoingPaneOptions = {
  api: Pick<PlexusClient, 'outgoingLinks'>;
  /** Follows a link of the note (opens its target, or creates it when unresolved). */
  follow(link: LinkInfo): void;
};

/** Rows drawn per section at first and per "Show more": a note of 40k links must not draw 40k rows on each save. */
export const OUTGOING_ROWS_SHOWN = 200;

/** The active note's links: resolved ones, then unresolved ones (styled apart; a click creates). */
export class OutgoingPane {
  private path: string | null = null;
  private generation = 0;

  constructor(
    private readonly el: HTMLElement,
    private readonly options: OutgoingPaneOptions,
  ) {}

  show(path: string | null): void {
    this.path = path;
    this.refresh();
  }

  refresh(): void {
    const generation = ++this.generation;
    const path = this.path;
    if (path === null) return this.el.replaceChildren();
    void this.options.api.outgoingLinks({ path }).then(
      (links) => {
        if (generation === this.generation) this.render(links);
      },
      () => undefined,
    );
  }

  private render(links: LinkInfo[]): void {
    // One row per target: a note linking twice to the same place lists it once.
    const seen = new Set<string>();
    const unique = links.filter((l) => {
      const key = l.resolved ?? `?${l.link.target.toLowerCase()}`;
      if (l.link.target === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const resolved = unique.filter((l) => l.resolved !== null);
    const unresolved = unique.filter((l) => l.resolved === null);
    this.el.replaceChildren(
      this.section('Links', resolved, 'No links to other notes.'),
      this.section('Unresolved links', unresolved, 'None.'),
    );
  }

  private section(title: string, links: LinkInfo[], none: string): HTMLElement {
    const section = document.createElement('section');
    const header = document.createElement('h3');
    header.className = 'pane-title';
    header.textContent = title;
    const count = document.createElement('span');
    count.className = 'pane-count';
    count.textContent = String(links.length);
    header.append(' ', count);
    section.append(header);
    if (links.length === 0) {
      const p = document.createElement('p');
      p.className = 'pane-empty';
      p.textContent = none;
      section.append(p);
    }
    this.appendRows(section, links, 0);
    return section;
  }

  /** Rows for `links[from…]`, a batch at a time, with a button for the next batch. */
  private appendRows(section: HTMLElement, links: LinkInfo[], from: number): void {
    const to = Math.min(links.length, from + OUTGOING_ROWS_SHOWN);
    for (const link of links.slice(from, to)) {
      const row = document.createElement('div');
      row.className = `pane-item outgoing-link ${link.resolved ? 'resolved' : 'unresolved'}`;
      row.dataset.target = link.resolved ?? link.link.target;
      row.textContent = link.resolved ? baseName(link.resolved).replace(/\.md$/i, '') : link.link.target;
      row.title = link.resolved ?? `"${link.link.target}" does not exist yet: click to create it`;
      row.addEventListener('click', () => this.options.follow(link));
      section.append(row);
    }
    if (to === links.length) return;
    const more = document.createElement('button');
    more.type = 'button';
    more.className = 'pane-more';
    more.textContent = `Show more (${(links.length - to).toLocaleString()} not shown)`;
    more.addEventListener('click', () => {
      more.remove();
      this.appendRows(section, links, to);
    });
    section.append(more);
  }
}
