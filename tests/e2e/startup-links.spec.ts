import type { Page } from '@playwright/test';
import { expect, test, type Editing } from './browser-host';

/**
 * The note the window opens on by itself (the vault's start page, nothing clicked) must style its
 * working links as resolved from the first paint, not only after an edit; the same after every tab
 * is closed and a note is opened again. Checked in both editing modes, by class and by what the
 * person sees (an unresolved link is faded and dash-underlined).
 */

test.use({ fixture: 'startup-links' });

/** The links of welcome.md, by the text each shows in Source mode and in Live Preview. */
const WORKING: { source: string; live: string }[] = [
  { source: '[[setup]]', live: 'setup' },
  { source: '[[guides/daily-notes|the daily notes guide]]', live: 'the daily notes guide' },
  // Live Preview shows it as `setup > Install`, the separator a widget of its own.
  { source: '[[setup#Install]]', live: 'Install' },
  { source: '[the setup](setup.md)', live: 'the setup' },
];
const BROKEN = { source: '[[Someday]]', live: 'Someday' };

/** Every styled note link in the editor: its text, whether it is resolved, and how it looks. */
type Styled = {
  text: string;
  state: 'resolved' | 'unresolved' | 'pending';
  color: string;
  opacity: string;
  underline: string;
};

function styledLinks(page: Page): Promise<Styled[]> {
  return page.locator('.cm-content .cm-link:not(.cm-link-external)').evaluateAll((els) =>
    els.map((el) => {
      const style = getComputedStyle(el);
      const state = el.classList.contains('cm-link-resolved')
        ? 'resolved'
        : el.classList.contains('cm-link-unresolved')
          ? 'unresolved'
          : 'pending';
      return {
        text: el.textContent ?? '',
        state,
        color: style.color,
        opacity: style.opacity,
        underline: style.textDecorationStyle,
      } as const;
    }),
  );
}

async function expectStyled(page: Page, editing: Editing): Promise<void> {
  const shown = (link: { source: string; live: string }) => (editing === 'live' ? link.live : link.source);
  // The unresolved link is the sign that the answers arrived (it is asked with the others).
  await expect(page.locator('.cm-content .cm-link-unresolved', { hasText: shown(BROKEN) })).toBeVisible();
  const links = await styledLinks(page);
  const broken = links.filter((l) => l.text === shown(BROKEN));
  expect(broken.length).toBeGreaterThan(0);
  for (const link of broken) expect([link.state, link.underline]).toEqual(['unresolved', 'dashed']);
  // Every other link is resolved, and looks it: not dashed, not faded, not the broken link's colour.
  for (const link of links.filter((l) => l.text !== shown(BROKEN))) {
    expect(link.state, link.text).toBe('resolved');
    expect(link.underline, link.text).not.toBe('dashed');
    expect(link.opacity, link.text).toBe('1');
    expect(link.color, link.text).not.toBe(broken[0]!.color);
  }
  // Every working link is among them (none left unstyled).
  const resolvedText = links.filter((l) => l.state === 'resolved').map((l) => l.text);
  for (const link of WORKING) expect(resolvedText, link.source).toContain(shown(link));
}

for (const editing of ['source', 'live'] as const) {
  test.describe(`${editing === 'live' ? 'Live Preview' : 'Source mode'}`, () => {
    test.use({ editing });

    test('the note opened at start-up styles its working links resolved, before any edit', async ({ page }) => {
      await expect(page.locator('#note-title')).toHaveText('welcome');
      await expectStyled(page, editing);
      // Nothing was typed: the note on screen is still the file as opened.
      await expect(page.locator('#status-save .save-label')).toHaveText('Saved');
    });

    test('after every tab is closed, the next note opened styles its links resolved', async ({ page }) => {
      await expect(page.locator('#note-title')).toHaveText('welcome');
      await expectStyled(page, editing);
      await page.locator('.tab[data-path="welcome.md"] .tab-close').click();
      await expect(page.locator('.tab')).toHaveCount(0);
      await page.locator('.tree-row[data-path="welcome.md"]').click();
      await expect(page.locator('.tab')).toHaveCount(1);
      await expectStyled(page, editing);
    });
  });
}
