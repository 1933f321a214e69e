/**
 * vault/search: full-text search — the SearchIndex, the note description it files, the batches
 * the scan workers cut, and the terms both sides agree on.
 */
export { batchBuffers, searchBatchOfTexts, type SearchBatch } from './batch';
export { searchDoc, type SearchDoc } from './doc';
export { SearchIndex, type SearchAnswer, type SearchOptions } from './full-text-index';
export type { SearchSnapshot } from './snapshot';
export { indexTerms } from './text';
