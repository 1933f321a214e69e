/**
 * What full-text search keeps of one note, and the terms it files the note under, per field. Used
 * by the index (one note at a time) and by the scan workers (a batch at a time, batch.ts),
 * so both file a note under exactly the same terms.
 */
import type { NoteMeta } from '../../shared/note-meta';
import { baseName } from '../../shared/paths';
import { fold, queryTerms } from './text';

/** What the index needs of one note. `terms`: indexTerms() of its text. */
export type SearchDoc = {
  path: string;
  title: string;
  aliases: string[];
  headings: { text: string; line: number }[];
  tags: string[];
  terms: string;
};

/** What the index keeps of a note between queries (its terms live in the posting lists). */
export type StoredDoc = { path: string; title: string; tags: string[]; headingLines: number[] };

export type FieldName = 'names' | 'headings' | 'tags' | 'body';
export const FIELDS: FieldName[] = ['body', 'tags', 'headings', 'names'];

/** Folded tags: "Project/Alpha" → "project/alpha". */
export function tagKey(tag: string): string {
  return fold(tag.replace(/^#/, ''));
}

/** A note's SearchDoc from its scan and its terms. */
export function searchDoc(meta: NoteMeta, terms: string): SearchDoc {
  return {
    path: meta.path,
    title: meta.title,
    aliases: meta.aliases,
    headings: meta.headings.map((h) => ({ text: h.text, line: h.line })),
    tags: meta.tags.map((t) => t.tag),
    terms,
  };
}

export function storedDoc(doc: SearchDoc): StoredDoc {
  return {
    path: doc.path,
    title: doc.title,
    tags: doc.tags.map(tagKey),
    headingLines: doc.headings.map((h) => h.line),
  };
}

/** The distinct terms a note is filed under in each field (no empty terms). */
export function fieldTerms(doc: SearchDoc): Record<FieldName, string[]> {
  // Body terms come distinct from indexTerms.
  return { ...smallFieldTerms(doc), body: doc.terms ? doc.terms.split(' ').filter((t) => t !== '') : [] };
}

/** The distinct terms of every field but the body (which may repeat a word of the note's text). */
export function smallFieldTerms(doc: SearchDoc): Record<Exclude<FieldName, 'body'>, string[]> {
  const names = [baseName(doc.path).replace(/\.md$/i, ''), doc.title, ...doc.aliases];
  const distinct = (text: string) => [...new Set(queryTerms(text))].filter((t) => t !== '');
  return {
    names: distinct(names.join(' ')),
    headings: distinct(doc.headings.map((h) => h.text).join(' ')),
    tags: distinct(doc.tags.join(' ')),
  };
}
