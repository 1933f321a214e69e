/**
 * vault/scan: the fast markdown scanner — a note's bytes to its NoteMeta (links, headings, block
 * ids, tags, title, aliases, problems), without building a syntax tree.
 */
export { markdownTarget, parseWikiContent } from './link-syntax';
export { MAX_LINKS, MAX_SCANNED_BYTES, scanBytes, scanNote, tableRowLines } from './scan';
