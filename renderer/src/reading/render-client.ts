import { isShownFromUrl, renderMarkdown, type LoadedNote, type RenderOptions } from '../render/render-markdown';
import {
  callbacksOf,
  renderData,
  type FromWorker,
  type Question,
  type Resolution,
  type ToWorker,
} from './render-protocol';

/**
 * Renders a note's markdown to sanitized HTML (renderMarkdown's contract). `signal` aborts a
 * render that a newer one superseded.
 */
export type Renderer = (text: string, options: RenderOptions, signal?: AbortSignal) => Promise<string>;

/** What RenderClient needs of a Worker (tests give it a fake one). */
export type RenderWorker = {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
};

export type RenderClientOptions = {
  /** How long a render may keep the worker busy before it is ended (ms, default 3000). */
  budgetMs?: number;
  /** Starts a render worker (default: render-worker.ts as a module worker). */
  createWorker?: () => RenderWorker;
  /** Renders on the page when no worker can start (default renderMarkdown; null: fail instead). */
  fallback?: Renderer | null;
};

/** A render that ran past its budget: its worker was ended. */
export class RenderTimeout extends Error {
  /** The budget, for people: "3 s". */
  readonly limit: string;

  constructor(readonly budgetMs: number) {
    const limit = budgetMs % 1000 === 0 ? `${budgetMs / 1000} s` : `${budgetMs} ms`;
    super(`Rendering took more than ${limit}.`);
    this.name = 'RenderTimeout';
    this.limit = limit;
  }
}

type Job = {
  id: number;
  text: string;
  options: RenderOptions;
  resolve: (html: string) => void;
  reject: (error: Error) => void;
  /** Budget left (ms). The clock stops while the page answers the worker's questions. */
  left: number;
  since: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Questions of the worker the page has not answered yet. */
  asking: number;
  signal: AbortSignal | undefined;
  onAbort: () => void;
};

const DEFAULT_BUDGET_MS = 3000;

/**
 * renderMarkdown in a dedicated worker, with a time budget: a note whose markdown takes
 * remark too long (pathological nesting) fails with RenderTimeout instead of freezing the window,
 * and its worker is ended (a new one starts for the next render). Renders run one at a time; the
 * callbacks of the options (`resolve`, `loadNote`, `imageUrl`) run on the page, asked for by the
 * worker (render-protocol.ts). If no worker can start, renders fall back to the page.
 */
export class RenderClient {
  readonly budgetMs: number;
  private readonly createWorker: () => RenderWorker;
  private readonly fallback: Renderer | null;
  private worker: RenderWorker | null = null;
  /** The current worker has loaded. */
  private ready = false;
  /** Some worker has loaded: an error before that means workers cannot start here. */
  private loaded = false;
  private broken = false;
  private readonly queue: Job[] = [];
  private running: Job | null = null;
  private jobs = 0;

  constructor(options: RenderClientOptions = {}) {
    this.budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
    this.createWorker =
      options.createWorker ??
      (() =>
        new Worker(new URL('../render/render-worker.ts', import.meta.url), { type: 'module', name: 'plexus-render' }));
    this.fallback = options.fallback === undefined ? renderMarkdown : options.fallback;
  }

  /** Renders `text` in the worker; rejects with RenderTimeout past the budget, AbortError when aborted. */
  render(text: string, options: RenderOptions = {}, signal?: AbortSignal): Promise<string> {
    if (signal?.aborted) return Promise.reject(superseded());
    return new Promise<string>((resolve, reject) => {
      const job: Job = {
        id: ++this.jobs,
        text,
        options,
        resolve,
        reject,
        left: this.budgetMs,
        since: 0,
        timer: undefined,
        asking: 0,
        signal,
        onAbort: () => this.abort(job),
      };
      signal?.addEventListener('abort', job.onAbort, { once: true });
      this.queue.push(job);
      this.next();
    });
  }

  /** Ends the worker; renders still waiting fail. */
  dispose(): void {
    this.kill();
    for (const job of [...(this.running ? [this.running] : []), ...this.queue.splice(0)]) {
      this.settle(job, new Error('The renderer was closed.'));
    }
    this.running = null;
  }

  private next(): void {
    while (!this.running) {
      const job = this.queue.shift();
      if (!job) return;
      if (this.broken) {
        this.renderOnPage(job);
        continue;
      }
      const worker = this.start();
      if (!worker) {
        this.renderOnPage(job);
        continue;
      }
      this.running = job;
      const { text, options } = job;
      worker.postMessage({
        type: 'render',
        job: job.id,
        text,
        options: renderData(options),
        callbacks: callbacksOf(options),
      });
      this.startClock(job);
    }
  }

  /** The worker, started if need be; null when none can start (the waiting renders go to the page). */
  private start(): RenderWorker | null {
    if (this.worker) return this.worker;
    let worker: RenderWorker;
    try {
      worker = this.createWorker();
    } catch {
      this.breakDown();
      return null;
    }
    worker.onmessage = (event) => {
      if (worker === this.worker) this.receive(event.data);
    };
    worker.onerror = () => {
      if (worker === this.worker) this.crashed();
    };
    this.worker = worker;
    this.ready = false;
    return worker;
  }

  private receive(message: FromWorker): void {
    if (message.type === 'ready') {
      this.ready = this.loaded = true;
      return;
    }
    const job = this.running;
    if (!job || message.job !== job.id) return;
    switch (message.type) {
      case 'ask':
        this.answer(job, message);
        break;
      case 'rendered':
        this.finish(job, message.html);
        break;
      case 'failed':
        this.finish(job, new Error(message.error));
        break;
    }
  }

  /** Calls the page's callback the worker asked for; the budget clock stops meanwhile. */
  private answer(job: Job, question: Question): void {
    if (job.asking++ === 0) this.stopClock(job);
    void callback(job.options, question).then((reply) => {
      if (this.running !== job) return;
      this.worker?.postMessage({ type: 'answer', job: job.id, call: question.call, ...reply });
      if (--job.asking === 0) this.startClock(job);
    });
  }

  private startClock(job: Job): void {
    job.since = performance.now();
    job.timer = setTimeout(() => this.overBudget(job), Math.max(0, job.left));
  }

  private stopClock(job: Job): void {
    if (job.timer === undefined) return;
    clearTimeout(job.timer);
    job.timer = undefined;
    job.left -= performance.now() - job.since;
  }

  private overBudget(job: Job): void {
    if (this.running !== job) return;
    this.kill();
    this.finish(job, new RenderTimeout(this.budgetMs));
  }

  private abort(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.settle(job, superseded());
    } else if (this.running === job) {
      // It may be stuck on a pathological note: the next render should not wait for it.
      this.kill();
      this.finish(job, superseded());
    }
  }

  /** An error from the worker: before any worker loaded, workers cannot start here; after, it died. */
  private crashed(): void {
    if (!this.loaded) {
      this.breakDown();
      return;
    }
    this.kill();
    if (this.running) this.finish(this.running, new Error('The render worker stopped.'));
  }

  /** From now on renders run on the page (or fail, without a fallback). */
  private breakDown(): void {
    this.broken = true;
    this.kill();
    console.warn('Plexus: the render worker could not start; notes are rendered on the page, without a time budget.');
    const jobs = [...(this.running ? [this.running] : []), ...this.queue.splice(0)];
    this.running = null;
    for (const job of jobs) this.renderOnPage(job);
  }

  private renderOnPage(job: Job): void {
    if (!this.fallback) {
      this.settle(job, new Error('No render worker could start.'));
      return;
    }
    this.fallback(job.text, job.options).then(
      (html) => this.settle(job, html),
      (error: unknown) => this.settle(job, error instanceof Error ? error : new Error(String(error))),
    );
  }

  private kill(): void {
    this.worker?.terminate();
    this.worker = null;
    this.ready = false;
  }

  private finish(job: Job, result: string | Error): void {
    if (this.running === job) this.running = null;
    this.settle(job, result);
    this.next();
  }

  private settle(job: Job, result: string | Error): void {
    this.stopClock(job);
    job.signal?.removeEventListener('abort', job.onAbort);
    if (typeof result === 'string') job.resolve(result);
    else job.reject(result);
  }
}

function superseded(): Error {
  return new DOMException('A newer render superseded this one.', 'AbortError');
}

type Reply = { ok: true; value: Resolution | LoadedNote | null } | { ok: false; error: string };

/** Runs the callback a question names, as a reply (a failure is an answer too). */
async function callback(options: RenderOptions, question: Question): Promise<Reply> {
  try {
    if (question.method === 'resolve') return { ok: true, value: await resolution(options, ...question.args) };
    const note = await options.loadNote?.(...question.args);
    // Only the fields the worker needs: whatever else the object holds may not be cloneable.
    return { ok: true, value: note ? { path: note.path, text: note.text } : null };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * `resolve`'s answer, and the URL (`imageUrl`) of each image path in it: without a resolver,
 * the targets are the paths (as renderMarkdown takes them); when it fails, renderMarkdown falls
 * back to the targets, so those get URLs.
 */
async function resolution(options: RenderOptions, targets: string[], from: string): Promise<Resolution> {
  let paths: (string | null)[] | null;
  try {
    paths = options.resolve ? Array.from(await options.resolve(targets, from), (path) => path ?? null) : targets;
  } catch {
    paths = null;
  }
  const imageUrls: [string, string][] = [];
  const { imageUrl } = options;
  if (imageUrl) {
    (paths ?? targets).forEach((path, index) => {
      const target = targets[index] ?? '';
      if (path === null || !(isShownFromUrl(path) || isShownFromUrl(target))) return;
      try {
        imageUrls.push([path, imageUrl(path)]);
      } catch {
        // no URL: the worker falls back to the browser host's
      }
    });
  }
  return { paths, imageUrls };
}
