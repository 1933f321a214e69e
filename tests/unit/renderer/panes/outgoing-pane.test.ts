// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { LinkInfo } from '../../../../shared/api';
import { OUTGOING_ROWS_SHOWN, OutgoingPane } from '../../../../renderer/src/panes/outgoing-pane';

/** `count` links to distinct notes, the even ones resolved. */
function links(count: number): LinkInfo[] {
  return Array.from(
    { length: count },
    (_, i) => ({ link: { target: `n${i}` }, resolved: i % 2 === 0 ? `n${i}.md` : null }) as unknown as LinkInfo,
  );
}

async function shown(all: LinkInfo[]): Promise<HTMLElement> {
  const el = document.createElement('div');
  const pane = new OutgoingPane(el, { api: { outgoingLinks: () => Promise.resolve(all) }, follow: () => undefined });
  pane.show('Links.md');
  await new Promise((r) => setTimeout(r, 0));
  return el;
}

describe('OutgoingPane', () => {
  it('draws a batch of rows per section for a note of 40k links, the rest on request', async () => {
    const el = await shown(links(40_000));
    const rows = () => el.querySelectorAll('.outgoing-link');
    expect(rows()).toHaveLength(2 * OUTGOING_ROWS_SHOWN);
    // The counts still tell the whole story.
    expect([...el.querySelectorAll('.pane-count')].map((c) => c.textContent)).toEqual(['20000', '20000']);
    const more = el.querySelector<HTMLButtonElement>('.pane-more');
    expect(more?.textContent).toContain((20_000 - OUTGOING_ROWS_SHOWN).toLocaleString());
    more?.click();
    expect(rows()).toHaveLength(3 * OUTGOING_ROWS_SHOWN);
    expect(el.querySelectorAll('.outgoing-link.resolved')[OUTGOING_ROWS_SHOWN]?.textContent).toBe(
      `n${2 * OUTGOING_ROWS_SHOWN}`,
    );
  });

  it('draws every row and no button when they fit', async () => {
    const el = await shown(links(10));
    expect(el.querySelectorAll('.outgoing-link')).toHaveLength(10);
    expect(el.querySelector('.pane-more')).toBeNull();
  });
});
