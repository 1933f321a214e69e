import type { FromWorker, ToWorker } from '../reading/render-protocol';
import { serveRenders } from '../reading/render-service';

/**
 * The render worker (started by render-client.ts): renderMarkdown off the UI thread, so that a
 * note which takes remark minutes to parse never freezes the window; the page ends the worker
 * when a render runs past its budget.
 */
type WorkerScope = {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};

const scope = self as unknown as WorkerScope;
const handle = serveRenders((message) => scope.postMessage(message));
scope.onmessage = (event) => handle(event.data);
scope.postMessage({ type: 'ready' });
