import type { FieldName } from './doc';
import { contains } from './postings';
import type { QueryNode } from './matching/query';
import { queryTerms } from './text';
import type { SearchStore } from './store';
import { topK } from './top-k';

/** A word found in the file name, title or aliases outranks one in a heading, a tag, the body. */
const WEIGHT: Record<FieldName, number> = { names: 16, headings: 6, tags: 3, body: 1 };
const PHRASE_BONUS = 4;
/** Fields by weight, lowest first. */
const ALL_FIELDS = ['body', 'tags', 'headings', 'names'] as const;
const SMALL_FIELDS = ['tags', 'headings', 'names'] as const;

/**
 * Each matched note's score, by id: for every word, the best field it is in; phrases add a
 * bonus. `matched`: what each leaf matched (Evaluation.matched).
 */
export function score(
  store: SearchStore,
  node: QueryNode,
  ids: ArrayLike<number>,
  matched: ReadonlyMap<QueryNode, ArrayLike<number>>,
): Uint32Array {
  // By id: a typed array, where a map of 37k matches on a 100k-note vault cost milliseconds.
  const scores = new Uint32Array(store.docs.length);
  const weights = new Uint8Array(store.docs.length);
  const required = requiredLeaves(node);
  for (const leaf of positiveLeaves(node)) {
    if (leaf.kind === 'word' || leaf.kind === 'phrase') {
      const terms = queryTerms(leaf.text);
      terms.forEach((term, i) => {
        const prefix = leaf.kind === 'word' && leaf.prefix && i === terms.length - 1;
        scoreTerm(store, term, prefix, ids, weights, scores, required.has(leaf));
      });
      if (leaf.kind === 'phrase' || terms.length > 1) bonus(matched.get(leaf), ids, scores, PHRASE_BONUS);
    } else {
      bonus(matched.get(leaf), ids, scores, leaf.kind === 'tag' ? WEIGHT.tags : 1);
    }
  }
  return scores;
}

/**
 * Adds to each id's score the weight of the best field holding `term`. `required`: every id holds
 * the term in its body or name (the query needs the word: Evaluation found the ids in those lists),
 * so a note's weight is at least the body's and the body's list, the longest by far (every
 * expansion's, for a prefix), need not be read.
 */
function scoreTerm(
  store: SearchStore,
  term: string,
  prefix: boolean,
  ids: ArrayLike<number>,
  weights: Uint8Array,
  scores: Uint32Array,
  required: boolean,
): void {
  const terms = prefix ? store.vocabulary.withPrefix(term) : [term];
  const touched: number[] = [];
  const least = required ? WEIGHT.body : 0;
  // Lowest weight first, so the best field a note has the term in is the one left.
  for (const field of required ? SMALL_FIELDS : ALL_FIELDS) {
    for (const t of terms) {
      const list = store.fields[field].get(t);
      if (!list) continue;
      for (let i = 0; i < list.length; i++) {
        const id = list[i] as number;
        if (weights[id] === 0) touched.push(id);
        if (WEIGHT[field] > (weights[id] as number)) weights[id] = WEIGHT[field];
      }
    }
  }
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    scores[id] = (scores[id] as number) + Math.max(least, weights[id] as number);
  }
  for (const id of touched) weights[id] = 0;
}

/** Adds `points` to the result notes that `matched` holds. */
function bonus(
  matched: ArrayLike<number> | undefined,
  ids: ArrayLike<number>,
  scores: Uint32Array,
  points: number,
): void {
  if (!matched) return;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    if (contains(matched, id)) scores[id] = (scores[id] as number) + points;
  }
}

/**
 * The `limit` best ids: highest score, then path order (then id, for a hole's empty path). Only
 * the page is ordered (top-k.ts): a word in half of a 10k-note vault ties thousands of notes at
 * one score, and sorting those by path was a tenth of the query; path-order.ts compares their
 * paths as numbers.
 */
export function best(store: SearchStore, ids: ArrayLike<number>, scores: Uint32Array, limit: number): number[] {
  if (limit === 0 || ids.length === 0) return [];
  const docs = store.docs;
  const order = store.pathOrder();
  return topK(ids, limit, (a, b) => {
    const sa = scores[a] as number;
    const sb = scores[b] as number;
    return sa !== sb ? sa > sb : order.before(docs, a, b);
  });
}

/** The positive leaves every matching note matches (those not under an OR). */
function requiredLeaves(node: QueryNode, into = new Set<QueryNode>()): Set<QueryNode> {
  switch (node.kind) {
    case 'and':
      for (const child of node.children) requiredLeaves(child, into);
      break;
    case 'or':
    case 'not':
      break;
    case 'line':
      requiredLeaves(node.child, into);
      break;
    case 'scope':
      if (node.child) requiredLeaves(node.child, into);
      else into.add(node);
      break;
    default:
      into.add(node);
  }
  return into;
}

/** The leaves that make a note match (not those under a "-"). */
export function positiveLeaves(node: QueryNode): QueryNode[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return node.children.flatMap(positiveLeaves);
    case 'not':
      return [];
    case 'line':
      return positiveLeaves(node.child);
    case 'scope':
      // "task-todo:" alone is a leaf: the tasks it found are what matched.
      return node.child ? positiveLeaves(node.child) : [node];
    default:
      return [node];
  }
}
