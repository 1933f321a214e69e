/** The CSP of the desktop window: our own scripts only, nothing remote. */
export const DESKTOP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: plexus-file:",
  // Audio and video embedded in notes come through the vault-file protocol too.
  "media-src 'self' plexus-file:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** True for URLs we hand to the OS (browser or mail client); everything else is dropped. */
export function isExternalUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' || protocol === 'mailto:';
  } catch {
    return false;
  }
}
