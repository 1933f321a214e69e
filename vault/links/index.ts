/**
 * vault/links: the link graph — resolving a link to a file, the LinkIndex (links, backlinks,
 * unresolved links, tags), its saved form, and what panes ask of it (contexts, unlinked mentions,
 * note suggestions).
 */
export { backlinkPage, type SourcePage } from './backlink-page';
export { packLinks, unpackLinks, type PackedLinks, type SavedLinks } from './index-links';
export { linkContext } from './link-context';
export { LinkIndex, type KnownResolutions } from './link-index';
export { suggestNotes } from './note-suggest';
export { joinRelative, nameKey, NameTable, normKey, resolveWith, type CandidateLookup } from './resolve-link';
export { findUnlinkedMentions } from './unlinked-mentions';
