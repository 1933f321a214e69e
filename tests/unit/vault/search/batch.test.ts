import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateVault } from '../../../helpers/synthetic-vault';
import { scanBytes } from '../../../../vault/scan/scan';
import { noteText } from '../../../../vault/index/scan-job';
import { searchBatch, searchBatchOfTexts } from '../../../../vault/search/batch';
import { searchDoc, type SearchDoc } from '../../../../vault/search/doc';
import { SearchIndex } from '../../../../vault/search/full-text-index';
import { PostingMap } from '../../../../vault/search/postings';
import { indexTerms } from '../../../../vault/search/text';

function docs(count: number): SearchDoc[] {
  return generateVault({ notes: count, seed: 3 }).map((note) => {
    const bytes = new TextEncoder().encode(note.text);
    return searchDoc(structuredClone(scanBytes(note.path, bytes)), indexTerms(noteText(bytes) ?? ''));
  });
}

const extra: SearchDoc[] = [
  { path: 'Café.md', title: 'Café', aliases: ['Crème'], headings: [], tags: ['#Cafe/Noir'], terms: 'cafe creme' },
  { path: '日本/東京.md', title: '東京', aliases: [], headings: [{ text: '東京都', line: 1 }], tags: [], terms: '' },
];

/**
 * Every field's terms with the paths of the live notes filed under them, sorted, and the live
 * notes in id order (a snapshot may keep replaced notes until the lists are compacted).
 */
function lists(index: SearchIndex): unknown {
  const snapshot = index.export();
  const pathOf = (id: number) => snapshot.docs[id]?.path;
  const fields = Object.entries(snapshot.fields).map(([field, packed]) => {
    const map = PostingMap.unpack(packed).map;
    const terms = [...map.keys()].sort().map((term) => {
      const paths = [...(map.get(term) ?? [])].map(pathOf).filter((p): p is string => p !== undefined);
      return [term, paths.sort()] as const;
    });
    return [field, terms.filter(([, paths]) => paths.length > 0)];
  });
  return { docs: snapshot.docs.filter((doc) => doc !== null), fields };
}

describe('search batches', () => {
  it('file notes exactly as set() does one by one', () => {
    const all = [...docs(120), ...extra];
    const one = new SearchIndex();
    for (const doc of all) one.set(doc);
    const batched = new SearchIndex();
    for (let i = 0; i < all.length; i += 50) batched.addBatch(structuredClone(searchBatch(all.slice(i, i + 50))));
    expect(batched.export()).toEqual(one.export());
    for (const query of ['the', 'cafe', 'crem', '京都', 'tag:cafe', 'file:caf']) {
      // Everything but the time taken.
      expect({ ...batched.query(query), ms: 0 }).toEqual({ ...one.query(query), ms: 0 });
    }
  });

  it("cut from the notes' texts, a batch is the one their terms make", () => {
    const notes = [
      ...generateVault({ notes: 80, seed: 5 }),
      { path: 'Café.md', text: 'Crème brûlée, café CAFÉ café — 東京都 https://x.example/a_b' },
    ];
    const texts = notes.map((note) => noteText(new TextEncoder().encode(note.text)));
    const metas = notes.map((note) => structuredClone(scanBytes(note.path, new TextEncoder().encode(note.text))));
    const byTerms = searchBatch(metas.map((meta, i) => searchDoc(meta, indexTerms(texts[i] ?? ''))));
    const byTexts = searchBatchOfTexts(
      metas.map((meta) => searchDoc(meta, '')),
      texts,
    );
    expect(byTexts).toEqual(byTerms);
  });

  it('replaces a note filed again, by a later batch or by set()', () => {
    const all = docs(30);
    const index = new SearchIndex();
    index.addBatch(searchBatch(all));
    index.addBatch(searchBatch(all.slice(0, 10)));
    index.set(all[20] as SearchDoc);
    const fresh = new SearchIndex();
    for (const doc of [...all.slice(10, 20), ...all.slice(21), ...all.slice(0, 10), all[20] as SearchDoc])
      fresh.set(doc);
    expect(index.size).toBe(30);
    // The same notes under the same ids and terms (the order terms were first met differs).
    expect(lists(index)).toEqual(lists(fresh));
  });

  it('keeps an empty batch and empty fields harmless', () => {
    const index = new SearchIndex();
    index.addBatch(searchBatch([]));
    index.addBatch(searchBatch([{ path: 'Empty.md', title: '', aliases: [], headings: [], tags: [], terms: '' }]));
    expect(index.size).toBe(1);
    expect(index.query('empty').hits.map((h) => h.path)).toEqual(['Empty.md']);
  });
});

describe('packed postings', () => {
  it('round-trips, and refuses an inconsistent pack', () => {
    const map = new PostingMap();
    map.add('alpha', 1);
    map.add('alpha', 4);
    map.add('beta', 2);
    map.freeze();
    const packed = map.pack();
    const back = PostingMap.unpack(structuredClone(packed));
    expect([...back.map].map(([t, l]) => [t, [...l]])).toEqual([
      ['alpha', [1, 4]],
      ['beta', [2]],
    ]);
    expect(() => PostingMap.unpack({ ...packed, counts: new Uint32Array([1]) })).toThrow();
    expect(() => PostingMap.unpack({ ...packed, ids: new Int32Array(1) })).toThrow();
    expect([...PostingMap.unpack(new PostingMap().pack()).map]).toEqual([]);
  });

  it('survives the cache: a fixture note is found after a round trip', () => {
    const text = readFileSync(join(__dirname, '../../../fixtures/search/Memory.md'), 'utf8');
    const index = new SearchIndex();
    index.set(searchDoc(structuredClone(scanBytes('Memory.md', new TextEncoder().encode(text))), indexTerms(text)));
    const copy = new SearchIndex();
    copy.import(structuredClone(index.export()));
    expect(copy.query('memory').hits.map((h) => h.path)).toEqual(['Memory.md']);
  });
});
