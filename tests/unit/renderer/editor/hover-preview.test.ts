// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { renderLinkPreview, type PreviewOptions } from '../../../../renderer/src/editor/hover-preview';
import { RenderTimeout } from '../../../../renderer/src/reading/render-client';

const NOTE = '---\ntitle: T\n---\n# Intro\n\nIntro text.\n\n## Part\n\nThe part. ^b1\n\n## After\n\nAfter text.';
const here = { path: 'here.md', text: '# Here\n\n## Local\n\nLocal text.' };

function options(overrides: Partial<PreviewOptions> = {}): PreviewOptions {
  return {
    loadNote: (target) => (target === 'Other' ? { path: 'Other.md', text: NOTE } : null),
    resolve: (targets) => targets.map((t) => (t.endsWith('.png') ? `assets/${t}` : `${t}.md`)),
    ...overrides,
  };
}

describe('renderLinkPreview', () => {
  it('renders the whole note without its properties', async () => {
    const dom = await renderLinkPreview({ target: 'Other', heading: null, block: null }, here, options());
    expect(dom.classList.contains('hover-preview')).toBe(true);
    expect(dom.querySelector('table.properties')).toBeNull();
    expect(dom.textContent).toContain('Intro text.');
    expect(dom.textContent).toContain('After text.');
  });

  it('renders just the heading section or block a link names', async () => {
    const section = await renderLinkPreview({ target: 'Other', heading: 'Part', block: null }, here, options());
    expect(section.textContent).toContain('The part.');
    expect(section.textContent).not.toContain('Intro text.');
    expect(section.textContent).not.toContain('After text.');
    const block = await renderLinkPreview({ target: 'Other', heading: null, block: 'b1' }, here, options());
    expect(block.textContent?.trim()).toBe('The part.');
  });

  it('previews a same-note link from the note itself', async () => {
    const loadNote = vi.fn(() => null);
    const dom = await renderLinkPreview({ target: '', heading: 'Local', block: null }, here, options({ loadNote }));
    expect(dom.textContent).toContain('Local text.');
    expect(loadNote).not.toHaveBeenCalled();
  });

  it('shows an image target as the image', async () => {
    const dom = await renderLinkPreview({ target: 'pic.png', heading: null, block: null }, here, options());
    expect(dom.querySelector('img')?.getAttribute('src')).toBe('/vault-file/assets/pic.png');
  });

  it('says when the note does not exist or cannot be read', async () => {
    const missing = await renderLinkPreview({ target: 'Nope', heading: null, block: null }, here, options());
    expect(missing.textContent).toContain('“Nope” does not exist yet');
    const failing = options({ loadNote: () => Promise.reject(new Error('boom')) });
    const broken = await renderLinkPreview({ target: 'Other', heading: null, block: null }, here, failing);
    expect(broken.textContent).toContain('could not be read');
  });

  it('renders through the render function given, and says when the note is too complex for it', async () => {
    const render = vi.fn(() => Promise.resolve('<p>from the worker</p>'));
    const dom = await renderLinkPreview({ target: 'Other', heading: 'Part', block: null }, here, options({ render }));
    expect(dom.innerHTML).toBe('<p>from the worker</p>');
    expect(render).toHaveBeenCalledWith(
      NOTE,
      expect.objectContaining({ path: 'Other.md', properties: false, section: { headings: ['Part'], block: null } }),
    );
    const slow = options({ render: () => Promise.reject(new RenderTimeout(3000)) });
    const tooComplex = await renderLinkPreview({ target: 'Other', heading: null, block: null }, here, slow);
    expect(tooComplex.textContent).toBe('“Other” is too complex to preview (it took more than 3 s).');
  });

  it('follows links clicked inside the preview', async () => {
    const onFollow = vi.fn();
    const loadNote = () => ({ path: 'Other.md', text: 'See [[Third#H]].' });
    const dom = await renderLinkPreview(
      { target: 'Other', heading: null, block: null },
      here,
      options({ loadNote, onFollow }),
    );
    dom.querySelector('a')?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(onFollow).toHaveBeenCalledWith('Third', { heading: 'H', block: null, newTab: false });
  });
});
