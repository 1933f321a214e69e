import { promises as fs } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { normalizeVaultPath } from '../../shared/paths';
import { vaultFilePath } from '../../shared/vault-file-url';
import { readVaultFile } from '../files';

/** The files served, by extension: images only, each with the type it is sent as. */
const IMAGE_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  avif: 'image/avif',
  bmp: 'image/bmp',
};

/** Audio and video a rendered note embeds (`![[clip.mp3]]`), played by the page's own player. */
const MEDIA_TYPES: Record<string, string> = {
  ...IMAGE_TYPES,
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
  flac: 'audio/flac',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  webm: 'video/webm',
  ogv: 'video/ogg',
  mov: 'video/quicktime',
};

/** Larger images are not served (a note's picture is far smaller). */
export const MAX_VAULT_FILE_BYTES = 64 * 1024 * 1024;

/**
 * Reads the image, audio or video a vault-file URL names (shared/vault-file-url.ts: the browser host's
 * `/vault-file/<url-encoded vault path>` or the desktop app's scheme), or null when it is not an
 * image or media file of the vault: a path that is unsafe (`..`, absolute, NUL), inside a
 * dot-folder, not one by its extension, missing, too large, or really (after symlinks) outside the vault or in
 * a dot-folder of it. `root` is the vault's real (symlink-free) root.
 */
export async function readVaultMedia(
  root: string,
  urlPath: string,
): Promise<{ body: Buffer; contentType: string } | null> {
  const named = vaultFilePath(urlPath);
  if (named === null) return null; // not a vault-file URL, or malformed percent-encoding
  let rel: string;
  try {
    rel = normalizeVaultPath(named);
  } catch {
    return null; // an unsafe path
  }
  const contentType = mediaType(rel);
  if (rel === '' || hidden(rel) || !contentType) return null;
  const real = await fs.realpath(join(root, ...rel.split('/'))).catch(() => null);
  if (!real || !real.startsWith(root + sep)) return null;
  const realRel = relative(root, real).split(sep).join('/');
  if (hidden(realRel) || !mediaType(realRel)) return null;
  // Through the vault's one checked reader: a pipe or device is never opened, the size is checked first.
  const read = await readVaultFile(root, realRel, { maxBytes: MAX_VAULT_FILE_BYTES }).catch(() => null);
  return read ? { body: read.bytes, contentType } : null;
}

/** Dot-files and dot-folders (`.plexus`, `.git`, `.trash`) are not part of the vault. */
function hidden(rel: string): boolean {
  return rel.split('/').some((segment) => segment.startsWith('.'));
}

function mediaType(rel: string): string | undefined {
  const dot = rel.lastIndexOf('.');
  const extension = dot === -1 ? '' : rel.slice(dot + 1).toLowerCase();
  return Object.hasOwn(MEDIA_TYPES, extension) ? MEDIA_TYPES[extension] : undefined;
}

/**
 * The part of a file of `size` bytes a `Range: bytes=…` header asks for (one range, as media
 * players ask), null for the whole file, or 'unsatisfiable' (416).
 */
export function byteRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | null | 'unsatisfiable' {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  const [, from = '', to = ''] = match;
  if (from === '') {
    const suffix = Math.min(Number(to), size); // the last N bytes
    return suffix === 0 ? 'unsatisfiable' : { start: size - suffix, end: size - 1 };
  }
  const start = Number(from);
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  return start >= size || end < start ? 'unsatisfiable' : { start, end };
}

/**
 * Headers of a served vault image. The CSP matters for SVG opened on its own: no script, no
 * loads; in an <img> an SVG never runs script anyway.
 */
export function vaultFileHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    'Content-Disposition': 'inline',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    // Media players seek by asking for parts of the file.
    'Accept-Ranges': 'bytes',
  };
}
