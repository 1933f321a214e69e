import { vaultFileUrl } from '../../../shared/vault-file-url';
import { renderMarkdown, type RenderOptions } from '../render/render-markdown';
import type { FromWorker, Questions, RenderRequest, ToWorker } from './render-protocol';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/**
 * The render worker's side of render-protocol.ts: renders each request with renderMarkdown,
 * asking the page (through `post`) whenever it needs one of the page's callbacks, and posts the
 * HTML or the error. Returns the handler for the page's messages. Jobs may overlap.
 */
export function serveRenders(
  post: (message: FromWorker) => void,
  render: (text: string, options: RenderOptions) => Promise<string> = renderMarkdown,
): (message: ToWorker) => void {
  const pending = new Map<string, Pending>();
  let calls = 0;

  const ask = <M extends keyof Questions>(
    job: number,
    method: M,
    args: Questions[M]['args'],
  ): Promise<Questions[M]['answer']> =>
    new Promise((resolve, reject) => {
      const call = ++calls;
      pending.set(`${job}:${call}`, { resolve: resolve as (value: unknown) => void, reject });
      post({ type: 'ask', job, call, method, args } as FromWorker);
    });

  const run = async (request: RenderRequest) => {
    const { job, callbacks } = request;
    const imageUrls = new Map<string, string>();
    const options: RenderOptions = { ...request.options };
    // Without a resolver of its own, the page still answers (targets as paths) to send image URLs.
    if (callbacks.resolve || callbacks.imageUrl) {
      options.resolve = async (targets, from) => {
        const { paths, imageUrls: urls } = await ask(job, 'resolve', [targets, from]);
        for (const [path, url] of urls) imageUrls.set(path, url);
        if (paths === null) throw new Error('resolve failed');
        return paths;
      };
    }
    if (callbacks.loadNote) options.loadNote = (target, from) => ask(job, 'loadNote', [target, from]);
    // Every image path renderMarkdown asks about came from a resolution, which carried its URL.
    if (callbacks.imageUrl) options.imageUrl = (path) => imageUrls.get(path) ?? vaultFileUrl(path);
    try {
      post({ type: 'rendered', job, html: await render(request.text, options) });
    } catch (error) {
      // A stack overflow on deeply nested markdown lands here too.
      post({ type: 'failed', job, error: error instanceof Error ? error.message : String(error) });
    }
  };

  return (message) => {
    if (message.type === 'render') {
      void run(message);
      return;
    }
    const key = `${message.job}:${message.call}`;
    const waiting = pending.get(key);
    if (!waiting) return;
    pending.delete(key);
    if (message.ok) waiting.resolve(message.value);
    else waiting.reject(new Error(message.error));
  };
}
