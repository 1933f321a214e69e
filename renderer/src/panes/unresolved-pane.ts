import type { LinkInfo, UnresolvedGroup } from '../../../shared/api';
import type { PlexusClient } from '../../../shared/rpc/client';
import { baseName } from '../../../shared/paths';
import { groupHeader } from './context-snippet';

export type UnresolvedPaneOptions = {
  api: Pick<PlexusClient, 'unresolvedLinks'>;
  /** Opens the note holding a link, at the link. */
  openSource(link: LinkInfo): void;
  /** Creates the missing note a link points at. */
  create(link: LinkInfo): void;
};

/** Every link in the vault that no file answers to, grouped by target, with the notes writing it. */
export class UnresolvedPane {
  private generation = 0;

  constructor(
    private readonly el: HTMLElement,
    private readonly options: UnresolvedPaneOptions,
  ) {}

  refresh(): void {
    const generation = ++this.generation;
    void this.options.api.unresolvedLinks({}).then(
      (groups) => {
        if (generation === this.generation) this.render(groups);
      },
      () => undefined,
    );
  }

  private render(groups: UnresolvedGroup[]): void {
    if (groups.length === 0) {
      const p = document.createElement('p');
      p.className = 'pane-empty';
      p.textContent = 'Every link in the vault resolves.';
      return this.el.replaceChildren(p);
    }
    this.el.replaceChildren(
      ...groups.map((group) => {
        const el = document.createElement('div');
        el.className = 'pane-group';
        el.dataset.target = group.target;
        const head = groupHeader(group.target, group.sources.length);
        const create = document.createElement('button');
        create.type = 'button';
        create.className = 'mention-link';
        create.textContent = 'Create';
        create.title = `Create the note "${group.target}"`;
        const first = group.sources[0];
        create.addEventListener('click', () => first && this.options.create(first));
        head.append(create);
        el.append(head);
        for (const source of group.sources) {
          const row = document.createElement('div');
          row.className = 'pane-item pane-item-name';
          row.textContent = `${baseName(source.source).replace(/\.md$/i, '')} · line ${source.link.line}`;
          row.title = source.source;
          row.addEventListener('click', () => this.options.openSource(source));
          el.append(row);
        }
        return el;
      }),
    );
  }
}
