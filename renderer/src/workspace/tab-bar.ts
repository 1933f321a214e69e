import { baseName } from '../../../shared/paths';
import { displayName } from '../file-tree/file-tree-model';

export type TabBarActions = {
  activate(path: string): void;
  close(path: string): void;
};

/** The row of tabs above the editor: click to switch, middle-click or × to close. */
export class TabBar {
  constructor(
    private readonly el: HTMLElement,
    private readonly actions: TabBarActions,
  ) {
    el.setAttribute('role', 'tablist');
    el.addEventListener('click', (e) => {
      const tab = (e.target as HTMLElement).closest<HTMLElement>('[data-path]');
      if (!tab?.dataset.path) return;
      if ((e.target as HTMLElement).closest('.tab-close')) actions.close(tab.dataset.path);
      else actions.activate(tab.dataset.path);
    });
    el.addEventListener('auxclick', (e) => {
      const tab = (e.target as HTMLElement).closest<HTMLElement>('[data-path]');
      if (e.button === 1 && tab?.dataset.path) {
        e.preventDefault();
        actions.close(tab.dataset.path);
      }
    });
  }

  render(tabs: readonly string[], active: string | null, dirty: ReadonlySet<string>): void {
    this.el.replaceChildren(
      ...tabs.map((path) => {
        const tab = document.createElement('div');
        tab.className = 'tab';
        tab.dataset.path = path;
        tab.setAttribute('role', 'tab');
        tab.setAttribute('aria-selected', String(path === active));
        tab.title = path;
        const label = document.createElement('span');
        label.className = 'tab-label';
        label.textContent = displayName({ name: baseName(path), kind: 'file' }) + (dirty.has(path) ? ' •' : '');
        const close = document.createElement('button');
        close.type = 'button';
        close.className = 'tab-close';
        close.textContent = '×';
        close.setAttribute('aria-label', `Close ${baseName(path)}`);
        tab.append(label, close);
        return tab;
      }),
    );
    this.el.hidden = tabs.length === 0;
    this.el.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
}
