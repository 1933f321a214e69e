import { afterEach, describe, expect, it, vi } from 'vitest';
import { RenderClient, RenderTimeout, type RenderWorker } from '../../../../renderer/src/reading/render-client';
import { renderMarkdown, type RenderOptions } from '../../../../renderer/src/render/render-markdown';
import type { FromWorker, ToWorker } from '../../../../renderer/src/reading/render-protocol';
import { serveRenders } from '../../../../renderer/src/reading/render-service';

type Render = (text: string, options: RenderOptions) => Promise<string>;

/**
 * A worker in this thread: render-service.ts behind asynchronous, structured-cloned messages
 * (so anything that could not cross to a real worker fails here too).
 */
class FakeWorker implements RenderWorker {
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  readonly received: ToWorker[] = [];
  private readonly handle: (message: ToWorker) => void;

  constructor(render?: Render, { loads = true } = {}) {
    this.handle = serveRenders((message) => this.post(message), render);
    setTimeout(() => (loads ? this.post({ type: 'ready' }) : this.onerror?.(new Event('error') as ErrorEvent)));
  }

  postMessage(message: ToWorker): void {
    const copy = structuredClone(message);
    this.received.push(copy);
    setTimeout(() => {
      if (!this.terminated) this.handle(copy);
    });
  }

  terminate(): void {
    this.terminated = true;
  }

  private post(message: FromWorker): void {
    const copy = structuredClone(message);
    setTimeout(() => {
      if (!this.terminated) this.onmessage?.({ data: copy } as MessageEvent<FromWorker>);
    });
  }
}

const never: Render = () => new Promise(() => undefined);

/** A client whose workers render with `renders[i]` (the i-th worker started; renderMarkdown past the list). */
function client(renders: (Render | undefined)[] = [], budgetMs = 100) {
  const workers: FakeWorker[] = [];
  const renderer = new RenderClient({
    budgetMs,
    fallback: null,
    createWorker: () => {
      const worker = new FakeWorker(renders[workers.length]);
      workers.push(worker);
      return worker;
    },
  });
  return { renderer, workers };
}

const clients: RenderClient[] = [];
afterEach(() => {
  for (const renderer of clients.splice(0)) renderer.dispose();
});
function track<T extends { renderer: RenderClient }>(made: T): T {
  clients.push(made.renderer);
  return made;
}

describe('RenderClient', () => {
  it('renders in the worker as renderMarkdown does, with the page answering its callbacks', async () => {
    const { renderer, workers } = track(client());
    const options: RenderOptions & { onFollow: () => void } = {
      path: 'here.md',
      resolve: (targets) => targets.map((t) => (t === 'gone' ? null : t.endsWith('.png') ? `assets/${t}` : `${t}.md`)),
      loadNote: (target) => (target === 'Other' ? { path: 'Other.md', text: '> [!tip] Embedded\n> text' } : null),
      imageUrl: (path) => `plexus-file://vault/${path}`,
      imageProtocols: ['plexus-file'],
      // Not an option of renderMarkdown (the reading view passes its handlers along): left behind.
      onFollow: () => undefined,
    };
    const text = '# T\n\n[[gone]] [[Other]] ![[pic.png|40]]\n\n![[Other]]\n\n<img src="pic.png">';
    const html = await renderer.render(text, options);
    expect(html).toBe(await renderMarkdown(text, options));
    expect(html).toContain('src="plexus-file://vault/assets/pic.png"');
    expect(html).toContain('callout');
    expect(workers).toHaveLength(1);
  });

  it('sends image URLs even without a resolver of the page', async () => {
    const { renderer } = track(client());
    const options = { imageUrl: (path: string) => `/img/${path}` };
    expect(await renderer.render('![[a b.png]]', options)).toBe(await renderMarkdown('![[a b.png]]', options));
  });

  it('ends a worker that runs past the budget, and renders the next note in a new one', async () => {
    const { renderer, workers } = track(client([never]));
    const stuck = renderer.render('pathological');
    await expect(stuck).rejects.toBeInstanceOf(RenderTimeout);
    await expect(stuck).rejects.toMatchObject({ budgetMs: 100, limit: '100 ms' });
    expect(workers[0]?.terminated).toBe(true);
    expect(await renderer.render('# Next')).toContain('Next');
    expect(workers).toHaveLength(2);
  });

  it('does not count the time the page takes to answer against the budget', async () => {
    const { renderer } = track(client([], 60));
    const resolve = (targets: string[]) =>
      new Promise<string[]>((done) => setTimeout(() => done(targets.map((t) => `${t}.md`)), 150));
    expect(await renderer.render('[[slow]]', { resolve })).toContain('data-href="slow"');
  });

  it('renders one note at a time: a render waits for the one before', async () => {
    const { renderer, workers } = track(client());
    const [a, b] = await Promise.all([renderer.render('# A'), renderer.render('# B')]);
    expect([a, b]).toEqual(['<h1 data-heading="A">A</h1>', '<h1 data-heading="B">B</h1>']);
    expect(workers[0]?.received.filter((m) => m.type === 'render')).toHaveLength(2);
  });

  it('drops an aborted render: a waiting one is never sent, a running one ends its worker', async () => {
    const { renderer, workers } = track(client([never]));
    const running = new AbortController();
    const waiting = new AbortController();
    const first = renderer.render('stuck', {}, running.signal);
    const second = renderer.render('# never sent', {}, waiting.signal);
    waiting.abort();
    await expect(second).rejects.toMatchObject({ name: 'AbortError' });
    running.abort();
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers[0]?.terminated).toBe(true);
    expect(workers[0]?.received.filter((m) => m.type === 'render')).toHaveLength(1);
    expect(await renderer.render('# After')).toContain('After');
  });

  it('rejects with the error of a render that failed, and keeps the worker', async () => {
    const failing: Render = () => Promise.reject(new RangeError('Maximum call stack size exceeded'));
    const { renderer, workers } = track(client([failing]));
    await expect(renderer.render('> > >')).rejects.toThrow('Maximum call stack size exceeded');
    expect(workers[0]?.terminated).toBe(false);
  });

  it('renders on the page when no worker can start', async () => {
    const fallback = vi.fn((text: string) => Promise.resolve(`<p>${text}</p>`));
    const createWorker = vi.fn(() => new FakeWorker(undefined, { loads: false }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const renderer = new RenderClient({ createWorker, fallback });
    clients.push(renderer);
    expect(await renderer.render('one')).toBe('<p>one</p>');
    expect(await renderer.render('two')).toBe('<p>two</p>');
    expect(createWorker).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(1);
    const throwing = new RenderClient({
      fallback: null,
      createWorker: () => {
        throw new DOMException('Refused by the CSP', 'SecurityError');
      },
    });
    await expect(throwing.render('x')).rejects.toThrow('No render worker could start.');
    warn.mockRestore();
  });
});
