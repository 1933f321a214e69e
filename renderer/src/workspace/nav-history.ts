/** A place in a note: its path and the cursor offset there. */
export type Place = { path: string; offset: number };

const LIMIT = 100;

/**
 * Back/forward through visited places (Alt+←/→, mouse buttons 4/5). Visiting somewhere new drops
 * the forward stack, as in a browser.
 */
export class NavHistory {
  private readonly back: Place[] = [];
  private readonly forward: Place[] = [];

  /** Records leaving `from` for somewhere new. */
  visit(from: Place | null): void {
    if (!from) return;
    this.back.push(from);
    if (this.back.length > LIMIT) this.back.shift();
    this.forward.length = 0;
  }

  /** Where Back goes from `here` (recorded for Forward), or null when there is nowhere. */
  goBack(here: Place | null): Place | null {
    const to = this.back.pop() ?? null;
    if (to && here) this.forward.push(here);
    return to;
  }

  goForward(here: Place | null): Place | null {
    const to = this.forward.pop() ?? null;
    if (to && here) this.back.push(here);
    return to;
  }

  get canGoBack(): boolean {
    return this.back.length > 0;
  }

  get canGoForward(): boolean {
    return this.forward.length > 0;
  }

  /** Follows a rename; places in a deleted note are dropped. */
  renamed(from: string, to: string): void {
    for (const place of [...this.back, ...this.forward]) {
      if (place.path === from) place.path = to;
      else if (place.path.startsWith(from + '/')) place.path = to + place.path.slice(from.length);
    }
  }

  removed(path: string): void {
    for (const stack of [this.back, this.forward]) {
      const kept = stack.filter((p) => p.path !== path && !p.path.startsWith(path + '/'));
      stack.splice(0, stack.length, ...kept);
    }
  }
}
