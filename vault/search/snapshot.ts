import { FIELDS, type FieldName, type StoredDoc } from './doc';
import { PostingMap, type PackedPostings } from './postings';
import type { SearchStore } from './store';

/** The index in a form the cache file can hold. */
export type SearchSnapshot = {
  version: number;
  /** By id; null for a note replaced or removed since the lists were last compacted. */
  docs: (StoredDoc | null)[];
  fields: Record<FieldName, PackedPostings>;
};

const SNAPSHOT_VERSION = 3;

/** The store as plain data (each field's lists packed into one typed array). */
export function toSnapshot(store: SearchStore): SearchSnapshot {
  return {
    version: SNAPSHOT_VERSION,
    docs: store.docs,
    fields: {
      names: store.fields.names.pack(),
      headings: store.fields.headings.pack(),
      tags: store.fields.tags.pack(),
      body: store.fields.body.pack(),
    },
  };
}

/**
 * Loads a snapshot into the store; throws, leaving the store as it was, when the snapshot is not
 * one this version wrote.
 */
export function loadSnapshot(store: SearchStore, snapshot: SearchSnapshot): void {
  if (snapshot?.version !== SNAPSHOT_VERSION || !Array.isArray(snapshot.docs) || !snapshot.fields)
    throw new Error('not a search snapshot of this version');
  const fields = {} as Record<FieldName, PostingMap>;
  for (const field of FIELDS) fields[field] = PostingMap.unpack(snapshot.fields[field]);
  store.load(snapshot.docs, fields);
}
