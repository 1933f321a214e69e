/**
 * The URL a file of the vault (an image in a rendered note) is shown from, in one place: the
 * browser host serves `/vault-file/<encoded path>?key=…`, the desktop app its own scheme
 * `plexus-file://vault/<encoded path>`. The page builds these; the hosts parse them back.
 */

/** The browser host's URL prefix for files of the vault. */
export const VAULT_FILE_PREFIX = '/vault-file/';

/** The desktop app's scheme for files of the vault (a standard scheme: it parses like http). */
export const VAULT_FILE_SCHEME = 'plexus-file';

/** The desktop app's URLs of vault files start with this (the host part is always `vault`). */
const SCHEME_PREFIX = `${VAULT_FILE_SCHEME}://vault/`;

/** The query parameter that carries the images-only key on `/vault-file/…` URLs. */
export const VAULT_FILE_KEY_PARAM = 'key';

/** What the images-only key is derived from (an HMAC keyed by the launch token). */
export const VAULT_FILE_KEY_LABEL = 'plexus vault-file';

export type VaultFileUrlOptions = {
  /** Which host serves the page (default the browser host). */
  host?: 'browser' | 'electron';
  /** The browser host's images-only key (none: no query). */
  key?: string;
};

/**
 * The URL of the vault file at `path` (a vault path, `/`-separated). Each segment is
 * percent-encoded, so spaces, `#`, `?`, `%` and non-ASCII names survive; the `/`s stay.
 */
export function vaultFileUrl(path: string, options: VaultFileUrlOptions = {}): string {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  if (options.host === 'electron') return SCHEME_PREFIX + encoded;
  const query = options.key ? `?${VAULT_FILE_KEY_PARAM}=${encodeURIComponent(options.key)}` : '';
  return VAULT_FILE_PREFIX + encoded + query;
}

/**
 * The vault path a vault-file URL names (either form; a query or fragment is ignored), or null
 * when it names none or its percent-encoding is malformed. The path is decoded, not checked:
 * the host still normalizes it and refuses `..`, dot-folders and the like.
 */
export function vaultFilePath(url: string): string | null {
  const start = url.startsWith(VAULT_FILE_PREFIX)
    ? VAULT_FILE_PREFIX.length
    : url.toLowerCase().startsWith(SCHEME_PREFIX)
      ? SCHEME_PREFIX.length
      : -1;
  if (start === -1) return null;
  const end = url.search(/[?#]/);
  try {
    return decodeURIComponent(url.slice(start, end === -1 ? undefined : end));
  } catch {
    return null;
  }
}
