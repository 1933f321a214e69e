/**
 * A batch of notes' search terms, grouped by term: what a scan worker hands the index. Filing a
 * note term by term on the thread that answers requests cost ~4M map lookups for 10k notes; a
 * batch holds each distinct term once with the notes that have it, so the index does one lookup
 * per term per batch. The ids travel in typed arrays (moved between threads, not copied).
 */
import { FIELDS, fieldTerms, smallFieldTerms, storedDoc, type FieldName, type SearchDoc, type StoredDoc } from './doc';
import { eachTerm } from './text';

/**
 * One field of a batch: its distinct terms joined by spaces (terms never hold one), how many notes
 * have each term, and those notes (positions in the batch, ascending), term after term.
 */
export type FieldBatch = { terms: string; counts: Uint32Array; ids: Uint32Array };

export type SearchBatch = { docs: StoredDoc[]; fields: Record<FieldName, FieldBatch> };

/** Groups the terms of `docs` (in order: the batch's ids are their positions). */
export function searchBatch(docs: SearchDoc[]): SearchBatch {
  return groupTerms(docs, (doc, add) => {
    for (const term of fieldTerms(doc).body) add(term);
  });
}

/**
 * The same batch, with each note's body terms cut from its text (`texts[i]`, null for none) and
 * filed as they come: no set, string or split of terms per note on the way (half the worker's
 * time for 10k notes). `docs[i].terms` is not read.
 */
export function searchBatchOfTexts(docs: SearchDoc[], texts: readonly (string | null)[]): SearchBatch {
  return groupTerms(docs, (_doc, add, id) => {
    const text = texts[id];
    if (text) eachTerm(text, add);
  });
}

/** Groups the small fields' terms of `docs`, and the body terms `body` gives (repeats dropped). */
function groupTerms(
  docs: SearchDoc[],
  body: (doc: SearchDoc, add: (term: string) => void, id: number) => void,
): SearchBatch {
  const groups = {} as Record<FieldName, Map<string, number[]>>;
  for (const field of FIELDS) groups[field] = new Map();
  const bodyGroup = groups.body;
  docs.forEach((doc, id) => {
    const terms = smallFieldTerms(doc);
    for (const field of ['tags', 'headings', 'names'] as const) {
      const group = groups[field];
      for (const term of terms[field]) {
        const ids = group.get(term);
        if (ids) ids.push(id);
        else group.set(term, [id]);
      }
    }
    body(
      doc,
      (term) => {
        const ids = bodyGroup.get(term);
        if (!ids) bodyGroup.set(term, [id]);
        // Ids come in order: a repeat of the term in this note ends with this id.
        else if (ids[ids.length - 1] !== id) ids.push(id);
      },
      id,
    );
  });
  const fields = {} as Record<FieldName, FieldBatch>;
  for (const field of FIELDS) fields[field] = packField(groups[field]);
  return { docs: docs.map(storedDoc), fields };
}

function packField(group: Map<string, number[]>): FieldBatch {
  const counts = new Uint32Array(group.size);
  let total = 0;
  for (const ids of group.values()) total += ids.length;
  const ids = new Uint32Array(total);
  let t = 0;
  let at = 0;
  for (const list of group.values()) {
    counts[t++] = list.length;
    ids.set(list, at);
    at += list.length;
  }
  return { terms: [...group.keys()].join(' '), counts, ids };
}

/** The buffers to move (not copy) when posting a batch to another thread. */
export function batchBuffers(batch: SearchBatch): ArrayBuffer[] {
  return FIELDS.flatMap((field) => [batch.fields[field].counts.buffer, batch.fields[field].ids.buffer]).filter(
    (buffer): buffer is ArrayBuffer => buffer instanceof ArrayBuffer,
  );
}

/** The terms of one field of a batch, in the order of its counts. */
export function batchTerms(field: FieldBatch): string[] {
  return field.counts.length === 0 ? [] : field.terms.split(' ');
}
