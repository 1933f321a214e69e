import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './browser-host';

/*
 * The attack corpus (tests/fixtures/attack-corpus): notes carrying the payloads of the known
 * note-app advisories. Each payload, if it ran, sets `window.__pwned`, opens a dialog, opens a
 * window, navigates, or asks a host other than 127.0.0.1. Every note is shown in reading view,
 * every event an inline handler could wait for is fired on what it rendered, its links and buttons
 * are clicked and its internal links previewed (Ctrl/Cmd+hover). The index note links to every
 * note (previewed from the editor and from reading view) and embeds them all. After each step,
 * none of the above may have happened, and the rendered markup holds nothing that could run or
 * load: no script, frame, object, embed, form, base, meta, link or style, no `on*` attribute, no
 * URL but a local one (or an http(s)/mailto link, which leaves only when clicked, through the OS).
 */

test.use({ fixture: 'attack-corpus' });

/** Elements that never belong in rendered markdown. */
const FORBIDDEN_TAGS = [
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'portal',
  'form',
  'base',
  'meta',
  'link',
  'style',
  'svg',
  'math',
  'video',
  'audio',
  'source',
  'picture',
  'textarea',
  'select',
  'noscript',
  'template',
];

/** Events an inline handler could be waiting for; each is fired on every rendered element. */
const EVENTS = [
  'click',
  'mouseover',
  'mouseenter',
  'mouseout',
  'pointerenter',
  'pointerover',
  'focus',
  'focusin',
  'blur',
  'animationstart',
  'transitionend',
  'toggle',
  'load',
  'error',
  'wheel',
  'change',
  'input',
  'begin',
  'start',
  'play',
];

type Seen = {
  outbound: string[];
  errors: string[];
  popups: string[];
  navigations: string[];
  dialogs: string[];
};

type Watch = Seen & { startUrl: string };

/**
 * Starts recording everything a payload could do from outside the page: requests to any host
 * but 127.0.0.1 (refused), console errors, page errors, dialogs, new windows and navigations.
 * Inside the page, `window.open` is recorded instead of opening (an external link's click is the
 * user's choice, and may only ask for http(s) or mailto), and so are CSP violations.
 */
async function watch(page: Page): Promise<Watch> {
  await expect(page.locator('.tree-row[data-path="index.md"]')).toBeVisible();
  const seen: Watch = { outbound: [], errors: [], popups: [], navigations: [], dialogs: [], startUrl: page.url() };
  await page.context().route('**/*', async (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.fallback();
    seen.outbound.push(url);
    return route.abort('blockedbyclient');
  });
  page.on('console', (m) => {
    if (m.type() === 'error') seen.errors.push(m.text());
  });
  page.on('pageerror', (e) => seen.errors.push(e.message));
  page.on('dialog', (d) => {
    seen.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => undefined);
  });
  page.context().on('page', (p) => seen.popups.push(p.url()));
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) seen.navigations.push(frame.url());
  });
  await page.evaluate(() => {
    const probe = window as unknown as { __corpusOpened: string[]; __corpusCsp: string[] };
    probe.__corpusOpened = [];
    probe.__corpusCsp = [];
    window.open = (url?: string | URL) => {
      probe.__corpusOpened.push(String(url));
      return null;
    };
    document.addEventListener('securitypolicyviolation', (e) =>
      probe.__corpusCsp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return seen;
}

function isLocal(url: string): boolean {
  try {
    return new URL(url).hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

/**
 * Everything a payload would have left behind since the last check, as one object so a failure
 * shows it all, named by `label`. Soft, so the other notes are still exercised; then it starts
 * over, so a later failure names its own note.
 */
async function expectNothingRan(page: Page, seen: Watch, label: string): Promise<void> {
  // Late effects (a meta refresh, an image error, a timer) get a moment to show.
  await page.waitForTimeout(200);
  const inPage = await page.evaluate(() => {
    const probe = window as unknown as { __pwned?: unknown; __corpusOpened: string[]; __corpusCsp: string[] };
    // A payload's id, or an element a rendered id or name clobbered the global with.
    const describe = (value: unknown) =>
      value === undefined
        ? null
        : typeof value === 'string'
          ? value
          : value instanceof Element
            ? `clobbered by ${value.outerHTML.slice(0, 80)}`
            : typeof value;
    const found = {
      pwned: describe(probe.__pwned),
      opened: probe.__corpusOpened.filter((url) => !/^(?:https?:|mailto:)/i.test(url)),
      csp: [...probe.__corpusCsp],
    };
    probe.__corpusOpened.length = 0;
    probe.__corpusCsp.length = 0;
    return found;
  });
  expect
    .soft(
      {
        ...inPage,
        outbound: seen.outbound.splice(0),
        errors: seen.errors.splice(0),
        popups: seen.popups.splice(0),
        dialogs: seen.dialogs.splice(0),
        navigations: seen.navigations.splice(0),
        url: page.url(),
        frames: page.frames().length,
      },
      `what ${label} did`,
    )
    .toEqual({
      pwned: null,
      opened: [],
      csp: [],
      outbound: [],
      errors: [],
      popups: [],
      dialogs: [],
      navigations: [],
      url: seen.startUrl,
      frames: 1,
    });
}

/**
 * What in the rendered content under `selector` could run or load something: forbidden
 * elements, `on*` handlers, styles, and URL attributes that are neither local nor a plain
 * http(s)/mailto link. KaTeX's output (inside `.math`: its output or its error) alone may hold SVG paths, MathML and
 * layout styles, and those styles only lengths, numbers and colours: no `url(`, no quotes.
 */
async function hazardsIn(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    ({ selector, forbidden }) => {
      const found: string[] = [];
      const local = (value: string) => {
        try {
          return new URL(value, location.href).origin === location.origin;
        } catch {
          return false;
        }
      };
      const KATEX_TAGS = ['svg', 'path', 'line'];
      const MATHML = 'http://www.w3.org/1998/Math/MathML';
      const SVG = 'http://www.w3.org/2000/svg';
      const SAFE_STYLE = /^(?:\s*[a-z-]+\s*:\s*[-#.%\w ]+;?)*\s*$/;
      for (const root of document.querySelectorAll(selector)) {
        for (const el of root.querySelectorAll('*')) {
          const tag = el.tagName.toLowerCase();
          const where = `${tag}${el.textContent ? ` "${el.textContent.slice(0, 40)}"` : ''}`;
          const katex = el.closest('.math') !== null;
          const katexElement =
            katex && (el.namespaceURI === MATHML || (el.namespaceURI === SVG && KATEX_TAGS.includes(tag)));
          // A Mermaid diagram: SVG drawing elements, and its own style sheet if it reaches nothing outside.
          const diagram = el.closest('.mermaid-diagram') !== null;
          const diagramElement =
            diagram &&
            el.namespaceURI === SVG &&
            !['script', 'a', 'image', 'foreignobject', 'use'].includes(tag) &&
            (tag !== 'style' || !/url\(\s*['"]?\s*(?!#)|@import/i.test(el.textContent ?? ''));
          if (katexElement || diagramElement) {
            // MathML and SVG, drawn by KaTeX: nothing else of theirs may be a link or a handler.
          } else if (forbidden.includes(tag) || el.namespaceURI !== 'http://www.w3.org/1999/xhtml') found.push(where);
          for (const { name, value } of el.attributes) {
            const attr = name.toLowerCase();
            if (katex && attr === 'style' && SAFE_STYLE.test(value)) continue;
            // Mermaid's styles: also comma lists (`stroke-dasharray: 1, 0`), still no `url(`.
            if (diagram && attr === 'style' && /^[-#.%,\w\s:;]*$/.test(value)) continue;
            if ((katex || diagram) && el.namespaceURI === SVG && attr.startsWith('xmlns')) continue;
            if (attr.startsWith('on') || attr === 'style' || attr === 'srcdoc' || attr.includes(':')) {
              found.push(`${where} [${name}=${value}]`);
            } else if (attr === 'href') {
              if (!(value.startsWith('#') || /^(?:https?:|mailto:)/i.test(value)))
                found.push(`${where} [href=${value}]`);
            } else if (
              ['src', 'srcset', 'poster', 'data', 'action', 'formaction', 'background', 'ping'].includes(attr)
            ) {
              if (!local(value)) found.push(`${where} [${name}=${value}]`);
            }
          }
        }
      }
      return found;
    },
    { selector, forbidden: FORBIDDEN_TAGS },
  );
}

/** In the app's own interface (not rendered markdown): no handler attributes, no markup made from a name. */
async function appHazards(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.body.querySelectorAll('*')].flatMap((el) => {
      const tag = el.tagName.toLowerCase();
      const handlers = [...el.attributes].filter((a) => a.name.toLowerCase().startsWith('on')).map((a) => a.name);
      const bad = ['script', 'iframe', 'object', 'embed', 'img', 'svg', 'math', 'form', 'base', 'meta', 'link'];
      return [...(bad.includes(tag) ? [tag] : []), ...handlers.map((h) => `${tag}[${h}]`)];
    }),
  );
}

/** Fires every event an inline handler might wait for on every element under `selector`. */
async function fireEvents(page: Page, selector: string): Promise<void> {
  await page.evaluate(
    ({ selector, events }) => {
      for (const root of document.querySelectorAll(selector)) {
        for (const el of root.querySelectorAll('*')) {
          // Not bubbling: the app's own delegated handlers (following links) stay out of it.
          for (const type of events) el.dispatchEvent(new Event(type, { bubbles: false, cancelable: true }));
        }
      }
    },
    { selector, events: EVENTS },
  );
}

const title = (page: Page) => page.locator('#note-title');
const reading = (page: Page) => page.locator('#reading .reading-view');

/** Stops at once when the page navigated: nothing after it would mean anything. */
function stayed(seen: Watch, when: string): void {
  expect(seen.navigations, `the page navigated (${when}); refused requests: ${seen.outbound.join(' ')}`).toEqual([]);
}

/** Shows `path` (a note at the vault's root), unless it is already the active note. */
async function show(page: Page, path: string): Promise<void> {
  const name = path.replace(/\.md$/, '');
  if ((await title(page).textContent({ timeout: 2_000 })) === name) return;
  // A tag clicked in the note opened the search view in the sidebar: back to the files.
  if (await page.locator('#file-tree').isHidden()) await page.locator('#show-files').click();
  await page.locator(`.tree-row[data-path="${path}"]`).click();
  await expect(title(page)).toHaveText(name);
}

/**
 * Clicks each visible element `locate()` finds, one by one, returning to `path` whenever a click
 * left it (an internal link opens its note). Hidden ones only get the synthetic events.
 */
async function clickEach(page: Page, seen: Watch, path: string, locate: () => Locator): Promise<number> {
  let clicked = 0;
  const count = await locate().count();
  for (let i = 0; i < count; i++) {
    stayed(seen, `before click ${i} in ${path}`);
    await show(page, path);
    const target = locate().nth(i);
    if (!(await target.isVisible())) continue;
    await target.click({ force: true, timeout: 500 }).catch(() => undefined);
    clicked++;
  }
  return clicked;
}

/** Moves the pointer off every preview (over it and out again if one stays) until none is left. */
async function closePreviews(page: Page, previews: string): Promise<void> {
  await expect(async () => {
    const open = page.locator(previews).last();
    if (await open.isVisible()) await open.hover({ force: true, timeout: 300 }).catch(() => undefined);
    await page.mouse.move(1, 1, { steps: 3 });
    await page.keyboard.press('Escape');
    await expect(page.locator(previews)).toHaveCount(0, { timeout: 500 });
  }).toPass({ timeout: 5_000 });
}

/**
 * Hovers each link `locate()` finds with Ctrl/Cmd held, so its preview opens at once; checks the
 * preview, fires events in it and clicks what is in it (an internal link only in the first
 * preview: following one is the app's navigation, the same every time). Returns how many
 * previews opened.
 */
async function previewEach(
  page: Page,
  seen: Watch,
  path: string,
  locate: () => Locator,
  previews: string,
): Promise<number> {
  let opened = 0;
  const count = await locate().count();
  for (let i = 0; i < count; i++) {
    stayed(seen, `before preview ${i} in ${path}`);
    await show(page, path);
    await closePreviews(page, previews);
    await page.keyboard.down('ControlOrMeta');
    await locate()
      .nth(i)
      .hover({ force: true, timeout: 500 })
      .catch(() => undefined);
    const preview = page.locator(previews).last();
    const shown = await preview
      .waitFor({ state: 'visible', timeout: 1_000 })
      .then(() => true)
      .catch(() => false);
    await page.keyboard.up('ControlOrMeta');
    if (!shown) continue;
    opened++;
    expect.soft(await hazardsIn(page, previews), `preview of link ${i} in ${path}`).toEqual([]);
    await fireEvents(page, previews);
    // Clicked from script, all at once (a preview of a whole note holds dozens): the same
    // handlers and default actions as a user's click, without the pointer closing the preview.
    await page.evaluate((selector) => {
      const inside = [...document.querySelectorAll(selector)].at(-1);
      const clickable = inside?.querySelectorAll<HTMLElement>('a:not(.internal-link), button, summary, input, label');
      clickable?.forEach((el) => el.click());
    }, previews);
    if (opened === 1) {
      await preview
        .locator('a.internal-link')
        .first()
        .click({ force: true, timeout: 300 })
        .catch(() => undefined);
    }
  }
  await closePreviews(page, previews);
  return opened;
}

/** What one test exercised, in its report (and on the console with PLEXUS_CORPUS_COUNTS=1). */
function report(counts: Record<string, number>): void {
  test.info().annotations.push({ type: 'exercised', description: JSON.stringify(counts) });
  if (process.env.PLEXUS_CORPUS_COUNTS) console.log(`${test.info().title}: ${JSON.stringify(counts)}`);
}

/**
 * One corpus note in reading view: checked, every event fired, every link and button clicked,
 * every internal link previewed (and what is in the preview clicked).
 */
async function exerciseNote(page: Page, seen: Watch, path: string): Promise<{ clicks: number; previews: number }> {
  await show(page, path);
  await expect(reading(page)).toContainText(`Plain text survives: ${path.replace(/\.md$/, '')}.`);
  expect.soft(await hazardsIn(page, '#reading'), `what ${path} rendered`).toEqual([]);
  await fireEvents(page, '#reading');
  const clicks = await clickEach(page, seen, path, () =>
    reading(page).locator('a, button, summary, input, label, details, [tabindex]'),
  );
  const previews = await previewEach(
    page,
    seen,
    path,
    () => reading(page).locator('a.internal-link'),
    '.hover-popover .hover-preview',
  );
  await show(page, path);
  expect.soft(await hazardsIn(page, '#reading'), `what ${path} rendered after the clicks`).toEqual([]);
  await expectNothingRan(page, seen, path);
  return { clicks, previews };
}

// The corpus notes in two groups of about equal work, one per worker: a host takes seconds to start.
const GROUPS = [
  ['note-syntax.md', 'html-tags.md', 'event-handlers.md', 'frontmatter.md'],
  ['link-targets.md', 'mutation-xss.md', 'remote-resources.md', 'math.md', 'mermaid.md'],
];
const CORPUS = GROUPS.flat();

for (const group of GROUPS) {
  test(`${group.join(', ')}: nothing runs or loads in reading view, on clicks and in hover previews`, async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const seen = await watch(page);
    // The first note opens in the editor; Ctrl/Cmd+E switches to reading view, which then stays.
    await show(page, group[0] ?? '');
    await page.keyboard.press('ControlOrMeta+E');
    const counts = { notes: 0, clicks: 0, previews: 0 };
    for (const path of group) {
      const { clicks, previews } = await exerciseNote(page, seen, path);
      counts.notes++;
      counts.clicks += clicks;
      counts.previews += previews;
    }
    report(counts);
  });
}

test('index.md in the editor: Ctrl/Cmd+hover previews every link to the corpus', async ({ page }) => {
  test.setTimeout(60_000);
  const seen = await watch(page);
  await show(page, 'index.md');
  const editorPreviews = await previewEach(
    page,
    seen,
    'index.md',
    () => page.locator('.cm-content .cm-link:not(.cm-link-external)'),
    '.cm-tooltip .hover-preview',
  );
  expect(editorPreviews).toBeGreaterThanOrEqual(16);
  await expectNothingRan(page, seen, 'the editor previews');
  report({ editorPreviews });
});

test('index.md in reading view: every corpus note embedded, every link previewed', async ({ page }) => {
  test.setTimeout(60_000);
  const seen = await watch(page);
  await show(page, 'index.md');
  await page.keyboard.press('ControlOrMeta+E');
  for (const path of CORPUS) {
    const name = path.replace(/\.md$/, '');
    await expect(reading(page).locator(`.markdown-embed[data-embed-path="${path}"]`).first()).toContainText(
      `Plain text survives: ${name}.`,
    );
  }
  const embeds = await reading(page).locator('.markdown-embed').count();
  expect.soft(await hazardsIn(page, '#reading'), 'what the embeds rendered').toEqual([]);
  await fireEvents(page, '#reading');
  await expectNothingRan(page, seen, 'the embeds');
  // The index's own links (not those inside the embeds): each note and section previewed.
  const readingPreviews = await previewEach(
    page,
    seen,
    'index.md',
    () => reading(page).locator('a.internal-link:not(.markdown-embed a)'),
    '.hover-popover .hover-preview',
  );
  expect(readingPreviews).toBe(18);
  await expectNothingRan(page, seen, 'the reading view previews');
  report({ embeds, readingPreviews });
});

test('HTML in file and folder names and in aliases stays text in the tree, title, tabs, panes and switcher', async ({
  page,
  host,
}) => {
  // Joplin CVE-2020-28249 family: the payload is the note's title. Windows cannot hold these names.
  test.skip(process.platform === 'win32', 'names with <, > and " are not allowed on Windows');
  const seen = await watch(page);
  const name = `"><img src=x onerror=window.__pwned='file-name'>`;
  const folder = `<svg onload=window.__pwned='folder-name'>`;
  await writeFile(
    join(host.vault, `${name}.md`),
    '# <img src=x onerror=window.__pwned="file-heading">\n\n[[frontmatter]]\n',
  );
  await mkdir(join(host.vault, folder));
  await writeFile(join(host.vault, folder, 'inside.md'), `[[${name}]]\n`);
  // By path, not by text: a row that rendered its name as markup still gets clicked, then checked.
  const row = (path: string) => page.locator(`.tree-row[data-path=${JSON.stringify(path)}]`);
  await expect(row(`${name}.md`)).toBeVisible();
  await row(folder).click();
  await row(`${folder}/inside.md`).click();
  await expect(title(page)).toHaveText('inside');
  await row(`${name}.md`).click();
  await expect(title(page)).toHaveText(name);
  // frontmatter.md's backlinks name the hostile note; its aliases are HTML.
  await show(page, 'frontmatter.md');
  await expect(page.locator('#backlinks-pane')).toContainText(name);
  await page.keyboard.press('ControlOrMeta+O');
  await page.keyboard.type('img');
  await expect(page.locator('.picker-option').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('ControlOrMeta+O');
  await page.keyboard.type('script');
  await expect(page.locator('.picker-option').first()).toBeVisible();
  expect(await appHazards(page)).toEqual([]);
  await fireEvents(page, 'body');
  await page.keyboard.press('Escape');
  await expectNothingRan(page, seen, 'the hostile names');
});
