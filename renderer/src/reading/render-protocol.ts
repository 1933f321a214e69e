import type { LoadedNote, RenderOptions } from '../render/render-markdown';

/** The options of renderMarkdown that are functions: the worker asks the page to call them. */
export type Callback = {
  [K in keyof RenderOptions]-?: NonNullable<RenderOptions[K]> extends (...args: never[]) => unknown ? K : never;
}[keyof RenderOptions];

/** The options of renderMarkdown that are plain data: they travel with the request. */
export type RenderData = Omit<RenderOptions, Callback>;

/** Every data option, so that one added to RenderOptions without being carried fails to compile. */
const DATA_KEYS: { [K in keyof RenderData]-?: true } = {
  path: true,
  imageProtocols: true,
  properties: true,
  section: true,
  maxEmbedDepth: true,
  maxEmbeds: true,
  strictLineBreaks: true,
  tickableTasks: true,
};

/**
 * A resolution answered to the worker: the vault paths (null when `resolve` failed, so that
 * renderMarkdown falls back as it does on the page), and the URL of every image among them and
 * among the targets. `imageUrl` is synchronous, so the worker cannot ask for it when it needs it.
 */
export type Resolution = { paths: (string | null)[] | null; imageUrls: [path: string, url: string][] };

/** What the worker asks the page, per callback: the arguments, and the answer. */
export type Questions = {
  resolve: { args: [targets: string[], from: string]; answer: Resolution };
  loadNote: { args: [target: string, from: string]; answer: LoadedNote | null };
};

/** Render `text` as job `job`; `callbacks` says which of the page's callbacks exist. */
export type RenderRequest = {
  type: 'render';
  job: number;
  text: string;
  options: RenderData;
  callbacks: Record<Callback, boolean>;
};

/** The page's answer to question `call` of job `job`. */
export type Answer = { type: 'answer'; job: number; call: number } & (
  { ok: true; value: Questions[keyof Questions]['answer'] } | { ok: false; error: string }
);

/** The worker asks the page to call one of its callbacks. */
export type Question = {
  [M in keyof Questions]: { type: 'ask'; job: number; call: number; method: M; args: Questions[M]['args'] };
}[keyof Questions];

/** Messages the page sends the render worker. */
export type ToWorker = RenderRequest | Answer;

/** Messages the render worker sends the page; `ready` once it has loaded. */
export type FromWorker =
  | { type: 'ready' }
  | Question
  | { type: 'rendered'; job: number; html: string }
  | { type: 'failed'; job: number; error: string };

/** The data options of `options`, to send with a request (callbacks and unknown fields left out). */
export function renderData(options: RenderOptions): RenderData {
  const data: Record<string, unknown> = {};
  for (const key of Object.keys(DATA_KEYS) as (keyof RenderData)[]) {
    if (options[key] !== undefined) data[key] = options[key];
  }
  return data;
}

/** Which callbacks `options` has. */
export function callbacksOf(options: RenderOptions): Record<Callback, boolean> {
  return { resolve: !!options.resolve, loadNote: !!options.loadNote, imageUrl: !!options.imageUrl };
}
