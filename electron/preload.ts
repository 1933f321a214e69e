import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isMethod, type Method, type PlexusEvent } from '../shared/api';
import type { RpcResponse, Transport } from '../shared/rpc/rpc';
import { EVENT_CHANNEL, REQUEST_CHANNEL } from './channels';

/**
 * The only thing the page gets from the desktop host: a typed transport with two channels.
 * Method names are checked here and again in the main process.
 */
const transport: Transport = {
  request(method: Method, args: unknown): Promise<RpcResponse> {
    if (!isMethod(method)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'INVALID_ARGUMENT', message: `Unknown request "${String(method)}".` },
      });
    }
    return ipcRenderer.invoke(REQUEST_CHANNEL, method, args) as Promise<RpcResponse>;
  },
  onEvent(listener: (event: PlexusEvent) => void): () => void {
    const handler = (_: IpcRendererEvent, event: PlexusEvent) => listener(event);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, handler);
  },
};

contextBridge.exposeInMainWorld('plexus', transport);
