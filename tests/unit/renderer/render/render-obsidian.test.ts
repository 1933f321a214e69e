// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { renderMarkdown, type RenderOptions } from '../../../../renderer/src/render/render-markdown';

/** The output parsed into a detached element, to query. */
async function dom(markdown: string, options: RenderOptions = {}): Promise<HTMLElement> {
  const root = document.createElement('div');
  root.innerHTML = await renderMarkdown(markdown, options);
  return root;
}

/** An element's text with each `<br>` as "⏎" (the newline after it dropped). */
function lines(element: Element | null | undefined): string {
  if (!element) throw new Error('no element');
  const copy = element.cloneNode(true) as Element;
  for (const br of copy.querySelectorAll('br')) br.replaceWith('⏎');
  return (copy.textContent ?? '').replace(/⏎\n/g, '⏎');
}

describe('line breaks (Obsidian\'s "strict line breaks" off by default)', () => {
  const NOTE = [
    'First line',
    'second line',
    '',
    '- item one',
    '  its second line',
    '- [ ] task',
    '  more',
    '',
    '> quoted',
    '> still quoted',
    '',
    '> [!tip] Title',
    '> body one',
    '> body two',
    '',
    '```',
    'code one',
    'code two',
    '```',
    '',
    'hard  ',
    'break',
  ].join('\n');

  it('shows each single newline as a <br> in paragraphs, list items, quotes and callouts', async () => {
    const root = await dom(NOTE);
    expect(lines(root.querySelector('p'))).toBe('First line⏎second line');
    const items = root.querySelectorAll('li');
    expect(lines(items[0])).toBe('item one⏎its second line');
    expect(lines(items[1]).trim()).toBe('task⏎more');
    expect(lines(root.querySelector('blockquote p'))).toBe('quoted⏎still quoted');
    expect(root.querySelector('.callout-title-inner')?.textContent).toBe('Title');
    expect(lines(root.querySelector('.callout-content p'))).toBe('body one⏎body two');
  });

  it('leaves code blocks alone and keeps two trailing spaces a break', async () => {
    const root = await dom(NOTE);
    expect(root.querySelector('pre br')).toBeNull();
    expect(root.querySelector('pre code')?.textContent).toBe('code one\ncode two\n');
    expect(lines(root.querySelectorAll('p')[root.querySelectorAll('p').length - 1])).toBe('hard⏎break');
  });

  it('joins lines as CommonMark does with strictLineBreaks (trailing spaces still break)', async () => {
    const root = await dom(NOTE, { strictLineBreaks: true });
    expect(lines(root.querySelector('p'))).toBe('First line\nsecond line');
    expect(root.querySelector('li')?.querySelector('br')).toBeNull();
    expect(root.querySelector('.callout-content br')).toBeNull();
    expect(root.querySelector('.callout-title-inner')?.textContent).toBe('Title');
    const paragraphs = root.querySelectorAll('p');
    expect(lines(paragraphs[paragraphs.length - 1])).toBe('hard⏎break');
  });

  it('breaks inside emphasis and links too', async () => {
    const root = await dom('*one\ntwo* [three\nfour](https://example.com)');
    expect(root.querySelector('em br')).not.toBeNull();
    expect(root.querySelector('a br')).not.toBeNull();
  });
});

describe('math (KaTeX)', () => {
  it('draws $…$ inline and $$…$$ blocks, keeping \\\\ as written', async () => {
    const root = await dom('Inline $x^2 \\\\ y$ here.\n\n$$\n\\frac{a}{b} \\\\ c\n$$\n\nAnd $$E=mc^2$$ in a line.');
    const inline = root.querySelector('p .math-inline');
    expect(inline?.querySelector('.katex')).not.toBeNull();
    expect(inline?.querySelector('annotation')?.textContent).toBe('x^2 \\\\ y');
    expect(inline?.querySelector('.katex-html [aria-hidden], .katex-html')).not.toBeNull();
    const block = root.querySelector('.math-block');
    expect(block?.querySelector('.katex-display')).not.toBeNull();
    expect(block?.querySelector('annotation')?.textContent).toBe('\\frac{a}{b} \\\\ c');
    // $$…$$ inside a paragraph is display math, as in Obsidian
    expect(root.querySelectorAll('p .math-block .katex-display')).toHaveLength(1);
  });

  it('leaves money and spaced dollars as text, and code as code', async () => {
    const root = await dom('It costs $5 and $6 today; $ not math $; `$x$` stays.');
    expect(root.querySelector('.katex')).toBeNull();
    expect(root.querySelector('p')?.textContent).toBe('It costs $5 and $6 today; $ not math $; $x$ stays.');
  });

  it('keeps KaTeX layout styles but nothing a note could use against the app', async () => {
    const root = await dom('$\\sqrt{x}\\color{red}{y}$');
    const styled = [...root.querySelectorAll('[style]')];
    expect(styled.length).toBeGreaterThan(0);
    for (const el of styled) expect(el.getAttribute('style')).toMatch(/^[-#.%\w\s:;]*$/);
    expect(root.querySelector('.katex-html svg path')).not.toBeNull();
  });

  it('draws \\href, \\url, \\includegraphics, \\htmlClass, \\htmlStyle as errors, never as links, images, classes or styles', async () => {
    const root = await dom(
      [
        '$\\href{javascript:alert(1)}{x}$',
        '$\\url{javascript:alert(2)}$',
        '$\\includegraphics{https://evil.example/x.png}$',
        '$\\htmlClass{callout}{x}$',
        '$\\htmlStyle{position:fixed;background:url(https://evil.example)}{x}$',
        '$\\htmlId{pwn}{x}$ $\\htmlData{foo=bar}{x}$',
      ].join('\n\n'),
    );
    expect(root.querySelectorAll('.katex').length).toBe(7);
    expect(root.querySelector('a, img, [id], [data-foo], .callout')).toBeNull();
    // The TeX stays readable in the MathML annotation; no attribute carries any of it.
    const attributes = [...root.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.value));
    expect(
      attributes.filter((value) => /javascript:|evil\.example|url\(|position|callout|pwn|foo/.test(value)),
    ).toEqual([]);
  });

  it('stops huge rules and runaway macros (maxSize, maxExpand) with an error in place', async () => {
    const bomb = '$\\def\\a{\\a\\a}\\a$';
    const rule = '$\\rule{100000em}{100000em}$';
    const root = await dom(`${bomb}\n\n${rule}`);
    expect(root.querySelector('.katex-error')?.textContent).toBe('\\def\\a{\\a\\a}\\a');
    // maxSize: the rule is drawn at 50em at most
    const drawn = [...root.querySelectorAll('.rule')].map((el) => el.getAttribute('style'));
    expect(drawn).toEqual(['border-right-width:50em;border-top-width:50em;bottom:0em;']);
    expect(root.querySelectorAll('.math-inline')).toHaveLength(2);
  });

  it("cannot be smuggled: a note's own placeholder-looking HTML gets no KaTeX output", async () => {
    const root = await dom('<span data-math="x-0">a</span> $y$');
    expect(root.querySelectorAll('.katex')).toHaveLength(1);
    expect(root.querySelector('[data-math]')).toBeNull();
  });
});

describe('code blocks', () => {
  it('highlights a known language with tok- classes only, and leaves unknown ones plain', async () => {
    const root = await dom('```js\nconst a = "s"; // c\n```\n\n```nosuchlang\nconst a\n```');
    const [js, other] = [...root.querySelectorAll('pre code')];
    expect(js?.querySelector('.tok-keyword')?.textContent).toBe('const');
    expect(js?.querySelector('.tok-string')?.textContent).toBe('"s"');
    expect(js?.querySelector('.tok-comment')?.textContent).toBe('// c');
    expect(js?.textContent).toBe('const a = "s"; // c\n');
    expect(js?.querySelector('[style]')).toBeNull();
    expect(other?.querySelector('span')).toBeNull();
  });

  it('does not let a note set tok- classes (or any class) through its own HTML', async () => {
    const root = await dom('<span class="tok-keyword">x</span>');
    expect(root.querySelector('.tok-keyword')).toBeNull();
  });
});

describe('tasks and tags', () => {
  const NOTE = '---\ntitle: x\n---\n# H\n\n- [ ] one\n- [x] two\n  - [ ] nested\n';

  it('carries each task’s source line (1-based) and enables it with tickableTasks', async () => {
    const root = await dom(NOTE, { tickableTasks: true });
    const boxes = [...root.querySelectorAll('input[type="checkbox"]')] as HTMLInputElement[];
    expect(boxes.map((b) => [b.getAttribute('data-task-line'), b.checked, b.disabled])).toEqual([
      ['6', false, false],
      ['7', true, false],
      ['8', false, false],
    ]);
  });

  it('keeps tasks disabled without it, and in embeds', async () => {
    const root = await dom(NOTE);
    expect([...root.querySelectorAll('input')].every((b) => b.disabled)).toBe(true);
    const host = await dom('![[other]]\n\n- [ ] mine', {
      tickableTasks: true,
      loadNote: () => ({ path: 'other.md', text: '- [ ] theirs' }),
    });
    const boxes = [...host.querySelectorAll('input')] as HTMLInputElement[];
    expect(boxes.map((b) => b.disabled)).toEqual([true, false]);
    expect(boxes[1]?.getAttribute('data-task-line')).toBe('3');
  });

  it('makes #tags pills, not in code, links, URLs' + ' fragments or headings of numbers', async () => {
    const root = await dom(
      '#start and #project/active, `#code`, [#linked](https://x.example), a#b, #123, (#paren)\n\n```\n#fenced\n```\n\n- #in-list',
    );
    expect([...root.querySelectorAll('a.tag')].map((a) => [a.textContent, a.getAttribute('data-tag')])).toEqual([
      ['#start', 'start'],
      ['#project/active', 'project/active'],
      ['#paren', 'paren'],
      ['#in-list', 'in-list'],
    ]);
  });
});

describe('media and files', () => {
  const resolve = (targets: string[]) => targets.map((t) => (t.startsWith('gone') ? null : `media/${t}`));

  it('plays vault audio and video, and shows a PDF as a card to open', async () => {
    const root = await dom('![[clip.mp3]]\n\n![[movie.mp4]]\n\n![](song.ogg)\n\n![[doc.pdf]]\n\n![[gone.mp3]]', {
      resolve,
    });
    const audio = root.querySelectorAll('audio.media-embed');
    expect([...audio].map((a) => [a.getAttribute('src'), a.hasAttribute('controls')])).toEqual([
      ['/vault-file/media/clip.mp3', true],
      ['/vault-file/media/song.ogg', true],
    ]);
    expect(root.querySelector('video.media-embed')?.getAttribute('src')).toBe('/vault-file/media/movie.mp4');
    const card = root.querySelector('a.file-embed');
    expect([card?.getAttribute('data-path'), card?.getAttribute('href')]).toEqual(['media/doc.pdf', '#']);
    expect(root.querySelector('iframe, embed, object')).toBeNull();
    expect(root.querySelector('.embed-placeholder')?.textContent).toContain('gone.mp3');
  });

  it('never plays a remote or javascript: media URL', async () => {
    const root = await dom(
      '![](https://evil.example/a.mp3) ![](javascript:alert(1)//.mp4) <video src="x.mp4"></video>',
    );
    expect(root.querySelector('audio, video')).toBeNull();
  });
});
