import { createClient, type PlexusClient } from '../../shared/client';
import type { Transport } from '../../shared/rpc';
import { connectWebSocket } from './ws-transport';

declare global {
  interface Window {
    /** Set by the desktop host's preload; absent in the browser host. */
    plexus?: Transport;
  }
}

/** Reaches the engine: through the desktop preload when present, else the browser host's socket. */
export async function connect(onStatus: (connected: boolean) => void): Promise<PlexusClient> {
  if (window.plexus) return createClient(window.plexus);
  const params = new URLSearchParams(location.search);
  const token = params.get('token') ?? sessionStorage.getItem('plexus-token');
  if (!token) throw new Error('This page needs the address printed by "npm run serve" (it carries an access token).');
  sessionStorage.setItem('plexus-token', token);
  // Keep the token out of the address bar and history once it is stored for this tab.
  history.replaceState(null, '', location.pathname);
  return createClient(await connectWebSocket(token, onStatus));
}
