// @vitest-environment happy-dom
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isImageTarget, renderMarkdown, type RenderOptions } from '../../../../renderer/src/render/render-markdown';

const FIXTURE = join(import.meta.dirname, '../../../fixtures/reading');

/** Every file of the fixture vault, by vault path. */
function filesOf(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const full = join(root, name);
    return statSync(full).isDirectory() ? filesOf(full) : [relative(FIXTURE, full).split(sep).join('/')];
  });
}
const FILES = filesOf(FIXTURE);

/** A small stand-in for the engine's resolution: exact path, then file name, `.md` implied. */
function resolveOne(target: string): string | null {
  const lower = target.toLowerCase();
  const candidates = [lower, `${lower}.md`];
  return (
    FILES.find((file) => candidates.includes(file.toLowerCase())) ??
    FILES.find((file) => candidates.some((c) => file.toLowerCase().endsWith(`/${c}`))) ??
    null
  );
}

const vaultOptions = (path: string): RenderOptions => ({
  path,
  resolve: (targets) => targets.map(resolveOne),
  loadNote: (target) => {
    const found = resolveOne(target);
    return found && found.endsWith('.md') ? { path: found, text: readFileSync(join(FIXTURE, found), 'utf8') } : null;
  },
});

const fixture = (path: string) => readFileSync(join(FIXTURE, path), 'utf8');
const renderFixture = (path: string, options: Partial<RenderOptions> = {}) =>
  renderMarkdown(fixture(path), { ...vaultOptions(path), ...options });

/** The output parsed into a detached element, to query. */
function dom(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  return root;
}

describe('renderMarkdown: markdown', () => {
  it('renders GFM tables, task lists, strikethrough and footnotes', async () => {
    const root = dom(await renderFixture('callouts.md'));
    const table = root.querySelector('table:not(.properties)');
    expect([...(table?.querySelectorAll('th') ?? [])].map((th) => th.textContent)).toEqual(['Feature', 'Status']);
    expect(table?.querySelector('td')?.textContent).toBe('Tables');
    expect(table?.querySelector('del')?.textContent).toBe('Old');
    const boxes = [...root.querySelectorAll('li.task-list-item input[type="checkbox"]')] as HTMLInputElement[];
    expect(boxes.map((box) => box.hasAttribute('checked'))).toEqual([false, true]);
    expect(boxes.every((box) => box.hasAttribute('disabled'))).toBe(true);
    const ref = root.querySelector('a[data-footnote-ref]');
    expect(ref?.getAttribute('href')).toBe('#fn-1');
    expect(root.querySelector('#user-content-fn-1')?.textContent).toContain('The footnote text.');
  });

  it('keeps <br/> and other safe inline HTML, in paragraphs and table cells', async () => {
    const root = dom(await renderFixture('callouts.md'));
    const paragraph = [...root.querySelectorAll('p')].find((p) => p.textContent?.startsWith('A line with a break'));
    expect(paragraph?.querySelector('br')).not.toBeNull();
    expect(paragraph?.querySelector('mark')?.textContent).toBe('marked');
    expect(paragraph?.querySelector('kbd')?.textContent).toBe('Ctrl');
    expect(paragraph?.querySelector('sub')?.textContent).toBe('2');
    expect(paragraph?.querySelector('sup')?.textContent).toBe('2');
    expect(root.querySelector('td br')).not.toBeNull();
    expect(root.innerHTML).not.toContain('&lt;br');
  });

  it('renders ==highlights== as <mark>, but not in code', async () => {
    const html = await renderMarkdown('a ==bright== b and `==code==`');
    expect(html).toContain('<mark>bright</mark>');
    expect(html).toContain('<code>==code==</code>');
  });

  it('shows the frontmatter as a properties table at the top, and can leave it out', async () => {
    const root = dom(await renderFixture('callouts.md'));
    const table = root.firstElementChild;
    expect(table?.matches('table.properties')).toBe(true);
    const rows = [...(table?.querySelectorAll('tr') ?? [])].map((tr) => [
      tr.querySelector('th')?.textContent,
      tr.querySelector('td')?.textContent,
    ]);
    expect(rows).toEqual([
      ['title', 'Callouts and tables'],
      ['tags', 'reading, demo'],
      ['aliases', 'Showcase'],
    ]);
    expect(await renderFixture('callouts.md', { properties: false })).not.toContain('properties');
  });

  it('marks headings and block ids for reveal, hiding the ^id', async () => {
    const root = dom(await renderFixture('callouts.md'));
    expect(root.querySelector('h1')?.getAttribute('data-heading')).toBe('Callouts and tables');
    const block = root.querySelector('[data-block="para-1"]');
    expect(block?.textContent).toBe('Paragraph with a block id.');
  });

  it('drops %% comments %%', async () => {
    const html = await renderMarkdown('visible %%hidden%% text\n\n%%\nblock comment\n%%');
    expect(html).toContain('visible');
    expect(html).not.toContain('hidden');
    expect(html).not.toContain('block comment');
  });
});

describe('renderMarkdown: callouts', () => {
  const callouts = async () => [...dom(await renderFixture('callouts.md')).querySelectorAll('.callout')];

  it('renders each callout with its type, family and title', async () => {
    const all = await callouts();
    expect(all.map((c) => c.getAttribute('data-callout'))).toEqual([
      'note',
      'warning',
      'tip',
      'caution',
      'info',
      'bug',
    ]);
    const title = (c: Element | undefined) => c?.querySelector('.callout-title-inner')?.textContent;
    expect(title(all[0])).toBe('Note');
    expect(title(all[1])).toBe('Mind the gap');
    expect(all[1]?.querySelector('.callout-title-inner em')?.textContent).toBe('gap');
    expect(all[0]?.querySelector('.callout-content')?.textContent?.trim()).toBe('A plain note callout.');
    expect(all[3]?.classList.contains('callout-warning')).toBe(true); // caution is a warning
  });

  it('reads types case-insensitively, and draws unknown types as notes', async () => {
    const html = await renderMarkdown('> [!TIP]\n> x\n\n> [!Custom-Thing] Mine\n> y');
    const [tip, custom] = [...dom(html).querySelectorAll('.callout')];
    expect(tip?.getAttribute('data-callout')).toBe('tip');
    expect(tip?.classList.contains('callout-tip')).toBe(true);
    expect(custom?.getAttribute('data-callout')).toBe('custom-thing');
    expect(custom?.classList.contains('callout-note')).toBe(true);
    expect(custom?.querySelector('.callout-title-inner')?.textContent).toBe('Mine');
  });

  it('folds with <details>: + open, - closed, none not foldable', async () => {
    const all = await callouts();
    expect(all[0]?.tagName).toBe('DIV');
    expect(all[2]?.tagName).toBe('DETAILS');
    expect(all[2]?.hasAttribute('open')).toBe(true);
    expect(all[2]?.querySelector(':scope > summary.callout-title')).not.toBeNull();
    expect(all[3]?.tagName).toBe('DETAILS');
    expect(all[3]?.hasAttribute('open')).toBe(false);
  });

  it('nests callouts', async () => {
    const all = await callouts();
    const inner = all[4]?.querySelector('.callout-content .callout');
    expect(inner?.getAttribute('data-callout')).toBe('bug');
    expect(inner?.querySelector('.callout-content')?.textContent?.trim()).toBe('Nested callout.');
  });

  it('leaves a plain blockquote a blockquote', async () => {
    const root = dom(await renderFixture('callouts.md'));
    expect(root.querySelector(':scope > blockquote')?.textContent?.trim()).toBe('A plain quote, not a callout.');
  });
});

describe('renderMarkdown: links', () => {
  it('renders wiki links as internal links, resolved or not, with alias and heading', async () => {
    const root = dom(await renderFixture('callouts.md'));
    const links = [...root.querySelectorAll('a.internal-link')];
    const section = links.find((a) => a.textContent === 'the second section');
    expect(section?.getAttribute('data-href')).toBe('embeds/section-source#Second section');
    expect(section?.getAttribute('href')).toBe('#');
    expect(section?.classList.contains('is-unresolved')).toBe(false);
    const missing = links.find((a) => a.textContent === 'missing note');
    expect(missing?.classList.contains('is-unresolved')).toBe(true);
    const relativeLink = links.find((a) => a.textContent === 'relative');
    expect(relativeLink?.getAttribute('data-href')).toBe('embeds/section-source.md');
  });

  it('reads a link without alias as Obsidian shows it, and same-note links keep their heading', async () => {
    const html = await renderMarkdown('[[note#Part#Sub]] [[#Local]] [[n#^blk]]');
    const links = [...dom(html).querySelectorAll('a.internal-link')];
    expect(links.map((a) => [a.textContent, a.getAttribute('data-href')])).toEqual([
      ['note > Part > Sub', 'note#Part#Sub'],
      ['Local', '#Local'],
      ['n > ^blk', 'n#^blk'],
    ]);
  });

  it('renders http(s) and mailto links as external links with rel=noopener noreferrer', async () => {
    const root = dom(await renderFixture('callouts.md'));
    const external = [...root.querySelectorAll('a.external-link')];
    expect(external.map((a) => a.getAttribute('href'))).toEqual([
      'https://example.com/docs',
      'mailto:someone@example.com',
    ]);
    expect(external.every((a) => a.getAttribute('rel') === 'noopener noreferrer')).toBe(true);
  });

  it('shows links with any other scheme as text', async () => {
    const html = await renderMarkdown(
      '[a](javascript:x) [b](file:///etc/passwd) [c](obsidian://open) [d](//evil.example)',
    );
    const root = dom(html);
    expect(root.querySelectorAll('a')).toHaveLength(0);
    expect(root.textContent?.trim()).toBe('a b c d');
  });
});

describe('renderMarkdown: embeds and images', () => {
  it('never loads a remote image: markdown images become links to open it, HTML ones are dropped', async () => {
    const root = dom(
      await renderMarkdown(
        '![pixel](https://tracker.example/p.png) ![](http://tracker.example/q.png)\n\n<img src="https://tracker.example/r.png" alt="r">',
      ),
    );
    expect(root.querySelectorAll('img')).toHaveLength(0);
    const links = [...root.querySelectorAll('a.remote-image')];
    expect(links.map((a) => [a.getAttribute('href'), a.textContent])).toEqual([
      ['https://tracker.example/p.png', 'pixel'],
      ['http://tracker.example/q.png', 'Remote image'],
    ]);
  });

  it('transcludes a heading section, a block, and says when a note is missing', async () => {
    const root = dom(await renderFixture('embeds/embedder.md'));
    const [section, block] = [...root.querySelectorAll('.markdown-embed')];
    expect(section?.getAttribute('data-embed-path')).toBe('embeds/section-source.md');
    const content = section?.querySelector('.markdown-embed-content')?.textContent ?? '';
    expect(content).toContain('Second body.');
    expect(content).toContain('Still in the second section.');
    expect(content).not.toContain('First body.');
    expect(content).not.toContain('Third body.');
    expect(block?.querySelector('.markdown-embed-content')?.textContent?.trim()).toBe('Third body.');
    const missing = root.querySelector('[data-embed-state="not-found"]');
    expect(missing?.textContent).toContain('no such note');
  });

  it('says so when an embedded heading is missing', async () => {
    const html = await renderMarkdown('![[section-source#Nope]]', vaultOptions('x.md'));
    expect(dom(html).querySelector('[data-embed-state="section-not-found"]')).not.toBeNull();
  });

  it('stops embed cycles, self-embeds included', async () => {
    const a = dom(await renderFixture('embeds/cycle-a.md'));
    expect(a.querySelector('.markdown-embed .markdown-embed-content')?.textContent).toContain('B embeds A');
    expect(a.querySelector('.markdown-embed [data-embed-state="cycle"]')).not.toBeNull();
    const self = dom(await renderFixture('embeds/self.md'));
    expect(self.querySelector('.markdown-embed')).toBeNull();
    expect(self.querySelector('[data-embed-state="cycle"]')).not.toBeNull();
  });

  it('limits embed depth', async () => {
    const root = dom(await renderFixture('embeds/deep-1.md'));
    expect(root.querySelectorAll('.markdown-embed')).toHaveLength(3);
    expect(root.textContent).toContain('Level 4');
    expect(root.textContent).not.toContain('Level 5');
    expect(root.querySelector('[data-embed-state="too-deep"]')).not.toBeNull();
    const shallow = dom(await renderFixture('embeds/deep-1.md', { maxEmbedDepth: 1 }));
    expect(shallow.querySelectorAll('.markdown-embed')).toHaveLength(1);
  });

  it('renders vault images through imageUrl, with width and height from |200 and |40x30', async () => {
    const root = dom(
      await renderFixture('images.md', { imageUrl: (path) => `/vault-file/${encodeURIComponent(path)}` }),
    );
    const images = [...root.querySelectorAll('img')];
    expect(
      images.map((img) => [img.getAttribute('src'), img.getAttribute('width'), img.getAttribute('height')]),
    ).toEqual([
      ['/vault-file/assets%2Fpixel.png', '200', null],
      ['/vault-file/assets%2Fpixel.png', '40', '30'],
      ['/vault-file/assets%2Fpixel.png', '64', null],
      ['/vault-file/assets%2Fpixel.png', '10', null],
    ]);
    expect(images[2]?.getAttribute('alt')).toBe('A pixel');
    expect(root.querySelector('[data-embed-state="not-found"]')?.textContent).toContain('nowhere.png');
  });

  it('uses the browser host URL by default', async () => {
    const html = await renderMarkdown('![[a b/c.png]]');
    expect(dom(html).querySelector('img')?.getAttribute('src')).toBe('/vault-file/a%20b/c.png');
    expect(isImageTarget('x/y.JPEG')).toBe(true);
    expect(isImageTarget('notes/y.md')).toBe(false);
  });
});

describe('renderMarkdown: hostile notes', () => {
  const FORBIDDEN = [
    'script',
    'iframe',
    'object',
    'embed',
    'form',
    'meta',
    'base',
    'link',
    'style',
    'svg',
    'input:not([type="checkbox"])',
    'button',
    'frame',
    'math',
  ];

  /** Asserts nothing in `html` can run script or leave the page. */
  function expectInert(html: string): void {
    const root = dom(html);
    for (const selector of FORBIDDEN) expect(root.querySelector(selector), selector).toBeNull();
    for (const element of root.querySelectorAll('*')) {
      for (const { name, value } of element.attributes) {
        expect(name, `${element.tagName} ${name}`).not.toMatch(/^on/i);
        expect(name).not.toBe('style');
        expect(name).not.toBe('srcdoc');
        // eslint-disable-next-line no-control-regex -- as a browser would read the URL
        const bare = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        expect(bare, `${element.tagName} ${name}`).not.toMatch(/^(javascript|vbscript|data|file):/);
      }
    }
    expect(html).not.toMatch(/<script/i);
  }

  it('renders the XSS fixture inert', async () => {
    const html = await renderFixture('xss.md');
    expectInert(html);
    // The tags show as the text they were written as.
    expect(dom(html).textContent).toContain("<script>alert('script')</script>");
  });

  it.each([
    ['an image handler', '<img src=x onerror=alert(1)>'],
    ['script', '<script>alert(1)</script>'],
    ['an inline script', 'text <script>alert(1)</script> text'],
    ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
    ['svg onload', '<svg onload=alert(1)></svg>'],
    ['object', '<object data="x"></object>'],
    ['embed', '<embed src="x">'],
    ['form', '<form><button formaction="javascript:alert(1)">x</button></form>'],
    ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
    ['base', '<base href="javascript:alert(1)//">'],
    ['link', '<link rel="import" href="x">'],
    ['style', '<style>*{}</style>'],
    ['javascript link', '[x](javascript:alert(1))'],
    ['tab in scheme', '<a href="jav&#x09;ascript:alert(1)">x</a>'],
    ['newline in scheme', '<a href="java\nscript:alert(1)">x</a>'],
    ['entity scheme', '[x](jav&#x61;script:alert(1))'],
    ['upper-case scheme', '[x](JaVaScRiPt:alert(1))'],
    ['vbscript', '[x](vbscript:msgbox(1))'],
    ['data link', '[x](data:text/html,<script>alert(1)</script>)'],
    ['data image', '![x](data:image/png;base64,AAAA)'],
    ['data image html', '<img src="data:image/svg+xml,<svg onload=alert(1)>">'],
    ['javascript image', '<img src="javascript:alert(1)">'],
    ['reference link', '[x][r]\n\n[r]: javascript:alert(1)'],
    ['autolink', '<javascript:alert(1)>'],
    ['wiki link quotes', '[[a" onmouseover="alert(1)]]'],
    ['wiki link brackets', '[[<img src=x onerror=alert(1)>]]'],
    ['wiki alias html', '[[x|<b onclick=alert(1)>y</b>]]'],
    ['wiki embed html', '![[<svg onload=alert(1)>]]'],
    ['callout title html', '> [!note] <img src=x onerror=alert(1)> <a href="javascript:alert(1)">t</a>\n> body'],
    ['callout type quotes', '> [!x"onclick="alert(1)]\n> body'],
    ['details toggle', '<details open ontoggle=alert(1)><summary>s</summary></details>'],
    ['style attribute', '<div style="background:url(javascript:alert(1))">x</div>'],
    ['attribute named constructor', '<span constructor="x" __proto__="y">x</span>'],
    ['unclosed tag', '<img src="x" onerror="alert(1)"'],
    ['comment trick', '<!-- --><img src=x onerror=alert(1)><!-- -->'],
    ['frontmatter', '---\n"<img src=x onerror=alert(1)>": "<script>alert(1)</script>"\n---\nbody'],
    [
      'math and templates',
      '<math><mi xlink:href="javascript:alert(1)">x</mi></math><template><script>alert(1)</script></template>',
    ],
  ])('%s', async (_name, markdown) => {
    expectInert(await renderMarkdown(markdown, vaultOptions('x.md')));
  });

  it('keeps hostile text readable rather than dropping it', async () => {
    const html = await renderMarkdown('[[a" onmouseover="alert(1)]]');
    const link = dom(html).querySelector('a.internal-link');
    expect(link?.getAttribute('data-href')).toBe('a" onmouseover="alert(1)');
    expect(link?.attributes).toHaveLength(3);
  });
});
