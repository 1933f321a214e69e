import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';

/**
 * What the inside of a link says, once the scanner has found where the link is: the target note,
 * the heading path, the block id and the alias. Pure string functions, off the hot path (they run
 * once per link found).
 */

/** The parts of a link target: `a#h1#h2` → a, [h1, h2]; `a#^id` → a, block id. */
export type TargetParts = { target: string; headings: string[]; block: string | null };

export type WikiParts = TargetParts & { alias: string | null };

/**
 * Reads the text between `[[` and `]]`. Only the first `|` splits (`a|b|c` → alias `b|c`); an
 * escaped `\|`, as GFM table cells need, splits too. Null when there is nothing to link to
 * (`[[]]`, `[[ ]]`, `[[|x]]`, `[[#]]`).
 */
export function parseWikiContent(content: string): WikiParts | null {
  const pipe = content.indexOf('|');
  let targetText = pipe < 0 ? content : content.slice(0, pipe);
  if (pipe > 0 && content.charCodeAt(pipe - 1) === 0x5c /* \ */) targetText = targetText.slice(0, -1);
  const { target, headings, block } = splitTarget(targetText, false);
  if (target === '' && headings.length === 0 && block === null) return null;
  const alias = pipe < 0 ? '' : content.slice(pipe + 1).trim();
  return { target, headings, block, alias: alias === '' ? null : alias };
}

/**
 * Reads a markdown link's destination as written between `(` and `)` (without `<>`). Null when it
 * is not a link to a file of the vault: a URL with a scheme (`https:`, `mailto:`, `obsidian:`,
 * also a Windows drive `C:`), a protocol-relative `//host`, a pure `#anchor`, or empty.
 */
export function markdownTarget(destination: string): TargetParts | null {
  let dest = destination.includes('\\') ? unescapeMarkdown(destination) : destination;
  // `jav&#x61;script:` is `javascript:` to every markdown reader, so it is a URL, not a note.
  if (dest.includes('&')) dest = decodeCharacterReferences(dest);
  if (dest === '' || SCHEME.test(dest) || dest.startsWith('//')) return null;
  const parts = splitTarget(dest, true);
  return parts.target === '' ? null : parts;
}

/** A URL scheme such as `https:` or `obsidian:` at the start of a destination. */
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** CommonMark backslash escapes (a backslash before ASCII punctuation) taken out. */
const ESCAPED_PUNCTUATION = /\\([!-/:-@[-`{-~])/g;

/** CommonMark character references: `&amp;`, `&#97;`, `&#x61;` (unknown names stay as written). */
const CHARACTER_REFERENCE = /&(?:#([xX][0-9A-Fa-f]{1,6}|[0-9]{1,7})|([A-Za-z][A-Za-z0-9]{0,31}));/g;

function decodeCharacterReferences(text: string): string {
  return text.replace(CHARACTER_REFERENCE, (whole, numeric: string | undefined, name: string | undefined) => {
    if (numeric !== undefined) {
      const hex = numeric[0] === 'x' || numeric[0] === 'X';
      return decodeNumericCharacterReference(hex ? numeric.slice(1) : numeric, hex ? 16 : 10);
    }
    const decoded = decodeNamedCharacterReference(name ?? '');
    return decoded === false ? whole : decoded;
  });
}

function unescapeMarkdown(text: string): string {
  return text.replace(ESCAPED_PUNCTUATION, '$1');
}

/**
 * Splits `target#h1#h2` or `target#^block`. Segments are trimmed and empty ones dropped; a last
 * segment starting with `^` is the block id. `decode` URL-decodes each part (markdown links), splitting
 * first so an encoded `%23` stays part of the name.
 */
export function splitTarget(text: string, decode: boolean): TargetParts {
  const hash = text.indexOf('#');
  const rawTarget = hash < 0 ? text : text.slice(0, hash);
  const target = (decode ? decodeUri(rawTarget) : rawTarget).trim();
  const headings: string[] = [];
  let block: string | null = null;
  if (hash >= 0) {
    const segments = text.slice(hash + 1).split('#');
    segments.forEach((segment, index) => {
      const value = (decode ? decodeUri(segment) : segment).trim();
      // As Obsidian writes it, a block id is the last part (`a#h#^id`); a `^` elsewhere is heading text.
      if (index === segments.length - 1 && value.startsWith('^')) {
        const id = value.slice(1).trim();
        block = id === '' ? null : id;
      } else if (value !== '') {
        headings.push(value);
      }
    });
  }
  return { target, headings, block };
}

/** URL-decodes, keeping the text as written when its `%` escapes are malformed. */
function decodeUri(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
