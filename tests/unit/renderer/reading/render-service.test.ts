import { describe, expect, it } from 'vitest';
import type { FromWorker, RenderRequest, ToWorker } from '../../../../renderer/src/reading/render-protocol';
import { serveRenders } from '../../../../renderer/src/reading/render-service';

const NO_CALLBACKS = { resolve: false, loadNote: false, imageUrl: false };

/** The worker's side with a page that answers through `answer`; returns what the worker posted. */
function serve(answer: (question: Extract<FromWorker, { type: 'ask' }>) => ToWorker | null) {
  const posted: FromWorker[] = [];
  let settle: (message: FromWorker) => void = () => undefined;
  const settled = new Promise<FromWorker>((resolve) => (settle = resolve));
  const handle = serveRenders((message) => {
    posted.push(message);
    if (message.type === 'ask') {
      const reply = answer(message);
      if (reply) queueMicrotask(() => handle(reply));
    } else if (message.type === 'rendered' || message.type === 'failed') settle(message);
  });
  return { posted, settled, handle };
}

const request = (text: string, overrides: Partial<RenderRequest> = {}): RenderRequest => ({
  type: 'render',
  job: 1,
  text,
  options: { path: 'here.md' },
  callbacks: NO_CALLBACKS,
  ...overrides,
});

describe('serveRenders', () => {
  it('renders without asking anything when the page has no callbacks', async () => {
    const worker = serve(() => null);
    worker.handle(request('# Hi'));
    expect(await worker.settled).toEqual({ type: 'rendered', job: 1, html: '<h1 data-heading="Hi">Hi</h1>' });
    expect(worker.posted.filter((m) => m.type === 'ask')).toEqual([]);
  });

  it('asks the page to resolve and load embeds, and takes image URLs from the resolution', async () => {
    const worker = serve((question) => {
      const base = { type: 'answer', job: question.job, call: question.call, ok: true } as const;
      if (question.method === 'loadNote') return { ...base, value: { path: 'Other.md', text: 'Embedded text.' } };
      const [targets] = question.args;
      const paths = targets.map((t) => (t === 'pic.png' ? 'assets/pic.png' : t === 'gone' ? null : `${t}.md`));
      return { ...base, value: { paths, imageUrls: [['assets/pic.png', 'plexus-file://vault/assets/pic.png']] } };
    });
    worker.handle(
      request('[[gone]] ![[pic.png]]\n\n![[Other]]', {
        options: { path: 'here.md', imageProtocols: ['plexus-file'] },
        callbacks: { resolve: true, loadNote: true, imageUrl: true },
      }),
    );
    const done = await worker.settled;
    const asks = worker.posted.filter((m) => m.type === 'ask');
    expect(asks.map((m) => [m.method, m.args])).toContainEqual(['loadNote', ['Other', 'here.md']]);
    expect(asks.map((m) => [m.method, m.args])).toContainEqual(['resolve', [['gone', 'pic.png', 'Other'], 'here.md']]);
    expect(done.type).toBe('rendered');
    const html = done.type === 'rendered' ? done.html : '';
    expect(html).toContain('src="plexus-file://vault/assets/pic.png"');
    expect(html).toContain('class="internal-link is-unresolved"');
    expect(html).toContain('Embedded text.');
  });

  it('takes the targets as paths when the page says resolving failed', async () => {
    const worker = serve((question) => ({
      type: 'answer',
      job: question.job,
      call: question.call,
      ok: true,
      value: { paths: null, imageUrls: [['pic.png', '/img/pic.png']] },
    }));
    worker.handle(request('[[a]] ![[pic.png]]', { callbacks: { resolve: true, loadNote: false, imageUrl: true } }));
    const done = await worker.settled;
    const html = done.type === 'rendered' ? done.html : '';
    expect(html).toContain('src="/img/pic.png"');
    expect(html).not.toContain('is-unresolved');
  });

  it('shows a placeholder for an embed the page could not load', async () => {
    const worker = serve((question) => ({
      type: 'answer',
      job: question.job,
      call: question.call,
      ok: false,
      error: 'x',
    }));
    worker.handle(request('![[Other]]', { callbacks: { resolve: false, loadNote: true, imageUrl: false } }));
    const done = await worker.settled;
    expect(done.type === 'rendered' ? done.html : '').toContain('data-embed-state="error"');
  });

  it('posts a failure when rendering throws', async () => {
    const posted: FromWorker[] = [];
    const handle = serveRenders(
      (message) => posted.push(message),
      () => Promise.reject(new RangeError('Maximum call stack size exceeded')),
    );
    handle(request('> > >'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(posted).toEqual([{ type: 'failed', job: 1, error: 'Maximum call stack size exceeded' }]);
  });
});
