import { baseName } from '../../../shared/paths';
import { anyLine, anyUnit, lineTerms } from './line-match';
import { noteUnits } from './note-units';
import { tagKey, type StoredDoc } from '../doc';
import { difference, intersect, union, type Postings } from '../postings';
import type { QueryNode } from './query';
import { searchRegex, type RegexAnswer } from './regex';
import { requiredLiterals } from './regex-literals';
import { fold, MAX_TERM_LENGTH, phrasePattern, queryTerms } from '../text';
import type { SearchStore } from '../store';
import type { NoteText, TextCache } from '../text-cache';

/**
 * One query being evaluated: which notes match each node, cheap index lookups first, then the
 * checks that read note texts, within a deadline. A check cut short marks it `truncated`.
 */
export class Evaluation {
  truncated = false;
  /** What each leaf matched, for ranking (a phrase or tag in an OR only scores where it matched). */
  readonly matched = new Map<QueryNode, ArrayLike<number>>();

  constructor(
    private readonly store: SearchStore,
    private readonly texts: TextCache,
    readonly deadline: number,
  ) {}

  /** The notes matching `node`, ascending; only among `within` when given. */
  evaluate(node: QueryNode, within: ArrayLike<number> | null = null): ArrayLike<number> {
    const ids = this.evaluateNode(node, within);
    if (node.kind !== 'and' && node.kind !== 'or' && node.kind !== 'not') this.matched.set(node, ids);
    return ids;
  }

  private evaluateNode(node: QueryNode, within: ArrayLike<number> | null): ArrayLike<number> {
    const store = this.store;
    switch (node.kind) {
      case 'and': {
        // Cheap index lookups first; checks that read texts then run on what is left.
        const order = [...node.children].sort((a, b) => cost(a) - cost(b));
        let acc: ArrayLike<number> | null = within;
        for (const child of order) {
          if (child.kind === 'not') acc = difference(acc ?? store.all(), this.evaluate(child.child, acc));
          else acc = this.evaluate(child, acc);
          if (acc.length === 0) break;
        }
        return acc ?? store.all();
      }
      case 'or': {
        let acc: ArrayLike<number> = [];
        for (const child of node.children) acc = union(acc, this.evaluate(child, within));
        return acc;
      }
      case 'not':
        return difference(within ?? store.all(), this.evaluate(node.child, within));
      case 'word': {
        const terms = queryTerms(node.text);
        if (terms.length === 0) return within ?? store.all();
        // "can't", "e-mail", "東京都": several terms from one word must stand together.
        if (terms.length > 1) return this.phrase(node.text, node.prefix, within);
        const notes = store.termNotes(terms[0] as string, node.prefix);
        return within ? intersect(within, notes) : notes;
      }
      case 'phrase':
        return this.phrase(node.text, false, within);
      case 'tag': {
        const key = tagKey(node.tag);
        const nested = key + '/';
        const lists: ArrayLike<number>[] = [];
        for (const [tag, ids] of store.tagNotes) if (tag === key || tag.startsWith(nested)) lists.push(ids);
        // One pass over marks, where merging list after list was quadratic in a tag's children.
        const acc = lists.length === 1 ? (lists[0] as ArrayLike<number>) : store.marked(lists);
        return within ? intersect(within, acc) : acc;
      }
      case 'path': {
        const needle = fold(node.text);
        return store.filter(within, (doc) => fold(doc.path).includes(needle));
      }
      case 'file': {
        const needle = fold(node.text);
        return store.filter(within, (doc) => fold(baseName(doc.path)).includes(needle));
      }
      case 'line': {
        const candidates = this.evaluate(lineTerms(node.child), within);
        return this.check(candidates, (note) => anyLine(node.child, note.text, note.folded, this.deadline));
      }
      case 'scope': {
        const candidates = node.child ? this.evaluate(lineTerms(node.child), within) : (within ?? store.all());
        return this.check(candidates, (note, doc) =>
          anyUnit(
            node,
            note.text,
            note.folded,
            () => note.units(() => noteUnits(note.text, new Set(doc.headingLines))),
            this.deadline,
          ),
        );
      }
      case 'regex': {
        const regex = searchRegex(node.source);
        const narrowed = this.regexCandidates(node.source);
        const pool = narrowed ? (within ? intersect(within, narrowed) : narrowed) : (within ?? store.all());
        // RE2: linear in the text, and cut into slices that the deadline is checked between.
        return this.check(pool, (note) => regex.test(note.text, this.deadline, note.folded));
      }
    }
  }

  /**
   * The notes whose body holds every literal word the regex requires (regex-literals.ts); null
   * when it requires none, and every note must be read.
   */
  private regexCandidates(source: string): ArrayLike<number> | null {
    const literals = requiredLiterals(source).filter((literal) => literal.length <= MAX_TERM_LENGTH);
    if (literals.length === 0) return null;
    let acc: ArrayLike<number> | null = null;
    // The longest literal narrows most; a second one rarely pays for its scan of the vocabulary.
    for (const literal of literals.slice(0, 2)) {
      // A term of the longest length may be cut from a longer word that holds the literal.
      const lists: Postings[] = [];
      for (const term of this.store.vocabulary.containing(literal, MAX_TERM_LENGTH)) {
        const list = this.store.fields.body.get(term);
        if (list) lists.push(list);
      }
      const ids = this.store.marked(lists);
      acc = acc ? intersect(acc, ids) : ids;
    }
    return acc;
  }

  private phrase(text: string, prefix: boolean, within: ArrayLike<number> | null): ArrayLike<number> {
    const terms = queryTerms(text);
    const pattern = phrasePattern(text, prefix);
    if (terms.length === 0 || !pattern) return within ?? this.store.all();
    let acc: ArrayLike<number> | null = within;
    terms.forEach((term, i) => {
      const notes = this.store.termNotes(term, prefix && i === terms.length - 1);
      acc = acc ? intersect(acc, notes) : notes;
    });
    const candidates = acc ?? [];
    if (terms.length === 1 && !/[^\p{L}\p{N}\s]/u.test(text.trim())) return candidates;
    return this.check(candidates, ({ folded }) => {
      pattern.lastIndex = 0;
      return pattern.test(folded);
    });
  }

  /**
   * The candidates whose text passes `test`, as far as the time budget goes. A test that could
   * not finish (null: the deadline passed inside the note, or it would cost too much) leaves the
   * note out and marks the answer truncated: an unfinished check is never a "no".
   */
  private check(candidates: ArrayLike<number>, test: (note: NoteText, doc: StoredDoc) => RegexAnswer): number[] {
    const out: number[] = [];
    for (let i = 0; i < candidates.length; i++) {
      if (performance.now() > this.deadline) {
        this.truncated = true;
        break;
      }
      const id = candidates[i] as number;
      const doc = this.store.docs[id];
      const text = doc ? this.texts.get(doc.path) : null;
      if (!text) continue;
      const passed = test(text, doc as StoredDoc);
      if (passed === null) this.truncated = true;
      else if (passed) out.push(id);
    }
    return out;
  }
}

/** How costly a node is to evaluate: index lookups, then filters, then checks that read texts. */
function cost(node: QueryNode): number {
  switch (node.kind) {
    case 'word':
      return queryTerms(node.text).length > 1 ? 2 : node.prefix ? 1 : 0;
    case 'tag':
      return 0;
    case 'path':
    case 'file':
      return 1;
    case 'phrase':
    case 'line':
      return 3;
    case 'scope':
      // With nothing to find, every note's text is read (for a task's checkbox).
      return node.child ? 4 : 6;
    case 'regex':
      return 5;
    case 'not':
      return 4 + cost(node.child);
    case 'and':
    case 'or':
      return Math.max(...node.children.map(cost));
  }
}
