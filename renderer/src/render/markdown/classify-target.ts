import { splitLinkDestination } from '../../../../shared/markdown/link-destination';

const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'svg', 'avif', 'bmp']);
/** A URL scheme (after the whitespace and controls browsers ignore), or a protocol-relative `//host`. */
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/** Obsidian's audio and video extensions (`webm` plays as video). */
const AUDIO_EXTENSIONS = new Set(['mp3', 'wav', 'm4a', 'ogg', 'oga', 'opus', 'flac', '3gp']);
const VIDEO_EXTENSIONS = new Set(['mp4', 'webm', 'ogv', 'mov', 'm4v', 'mkv']);

export function extensionOf(target: string): string {
  const name = target.slice(target.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** True when a link target names an image by its extension. */
export function isImageTarget(target: string): boolean {
  return IMAGE_EXTENSIONS.has(extensionOf(target));
}

/** `audio` or `video` when a link target names one by its extension (an embed plays it), else null. */
export function mediaKind(target: string): 'audio' | 'video' | null {
  const extension = extensionOf(target);
  return AUDIO_EXTENSIONS.has(extension) ? 'audio' : VIDEO_EXTENSIONS.has(extension) ? 'video' : null;
}

/** True when the page must hand the worker a URL for this vault file: an image, audio or video. */
export function isShownFromUrl(target: string): boolean {
  return isImageTarget(target) || mediaKind(target) !== null;
}

/** Where a markdown link or image points, once classified. */
export type Destination =
  | { kind: 'external'; href: string }
  | { kind: 'internal'; target: string; headings: string[]; block: string | null }
  | { kind: 'blocked' };

/**
 * Sorts a URL: http(s) and mailto leave the app; any other scheme (javascript:, data:, file:…)
 * or a protocol-relative `//host` is refused; the rest names a vault file (URL-decoded).
 * Schemes are read the way a browser reads them, ignoring whitespace and control characters.
 */
export function classifyUrl(url: string): Destination {
  // eslint-disable-next-line no-control-regex -- exactly the characters a browser skips in a URL
  const bare = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const scheme = SCHEME.exec(bare)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    return SAFE_SCHEMES.has(scheme)
      ? { kind: 'external', href: scheme + bare.slice(scheme.length) }
      : { kind: 'blocked' };
  }
  if (bare.startsWith('//') || bare.startsWith('\\\\') || bare.startsWith('/\\')) return { kind: 'blocked' };
  return { kind: 'internal', ...splitLinkDestination(url.trim(), decodeUrlPart) };
}

/** URL-decodes, keeping the text as written when it is not valid percent-encoding. */
function decodeUrlPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
