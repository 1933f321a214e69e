/**
 * vault/host: the browser host — the engine served to a web page over HTTP and a WebSocket on
 * localhost, with its static files, its per-port token and the vault-file route.
 */
export { startBrowserHost, type BrowserHost, type BrowserHostOptions } from './server';
export { portToken } from './token';
export { readVaultMedia, vaultFileHeaders } from './vault-file-route';
