type View = { button: HTMLElement; panel: HTMLElement };

/** The sidebar's views (files, search…): one shows at a time, chosen by its tab button. */
export class Sidebar<Name extends string> {
  /** `onShow` is told which view came to the front (its pane may have skipped work while hidden). */
  constructor(
    private readonly views: Record<Name, View>,
    private readonly onShow: (name: Name) => void = () => undefined,
  ) {
    for (const [name, view] of Object.entries<View>(views)) {
      view.button.addEventListener('click', () => this.show(name as Name));
      // A narrow pane ellipsizes its tabs: the full name shows on hover.
      if (!view.button.title) view.button.title = view.button.textContent?.trim() ?? '';
    }
  }

  show(name: Name): void {
    for (const [other, view] of Object.entries<View>(this.views)) {
      view.panel.hidden = other !== name;
      view.button.setAttribute('aria-selected', String(other === name));
    }
    this.onShow(name);
  }
}
