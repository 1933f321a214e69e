import { createClient, type PlexusClient } from '../../../shared/rpc/client';
import type { Transport } from '../../../shared/rpc/rpc';
import { VAULT_FILE_KEY_LABEL } from '../../../shared/vault-file-url';
import { HostLostBanner, type RescuableNote } from './host-lost-banner';
import { connectWebSocket } from './ws-transport';

declare global {
  interface Window {
    /** Set by the desktop host's preload; absent in the browser host. */
    plexus?: Transport;
  }
}

const TOKEN_KEY = 'plexus-token';
let imageKeyValue = '';

/**
 * The images-only key `/vault-file/…` URLs carry in the browser host (empty in the desktop app,
 * which serves images through its own scheme).
 */
export function vaultFileKey(): string {
  return imageKeyValue;
}

/**
 * Reaches the engine: through the desktop preload when present, else the browser host's socket.
 * The browser host's token comes from the address the host printed and stays in this tab's
 * sessionStorage (so a reload works) but nowhere else: no cookie, which every other server on
 * 127.0.0.1 would receive. When the host is gone for good, a banner offers `rescue()`'s text.
 */
export async function connect(
  onStatus: (connected: boolean) => void,
  rescue: () => RescuableNote | null = () => null,
): Promise<PlexusClient> {
  if (window.plexus) return createClient(window.plexus);
  const params = new URLSearchParams(location.search);
  const token = params.get('token') ?? sessionStorage.getItem(TOKEN_KEY);
  if (!token) throw new Error('This page needs the address printed by "npm run serve" (it carries an access token).');
  sessionStorage.setItem(TOKEN_KEY, token);
  // Keep the token out of the address bar and history once it is stored for this tab.
  history.replaceState(null, '', location.pathname);
  imageKeyValue = await imageKey(token);
  const banner = new HostLostBanner(rescue);
  document.body.prepend(banner.element);
  const transport = await connectWebSocket(token, {
    onStatus,
    onLost: (lost) => (lost ? banner.show() : banner.hide()),
  });
  return createClient(transport);
}

/** The host's images-only key: HMAC-SHA-256 of a fixed label keyed by the token (vault/host/server.ts). */
async function imageKey(token: string): Promise<string> {
  const utf8 = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', utf8.encode(token), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, utf8.encode(VAULT_FILE_KEY_LABEL)));
  return Array.from(mac, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
