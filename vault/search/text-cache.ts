import type { StoredDoc } from './doc';
import type { NoteUnits } from './matching/note-units';
import { unmarked } from './literal';
import { fold } from './text';

/**
 * Note texts kept between queries, least recently used first, up to a byte budget. The index does
 * not keep texts: phrases, line: and regexes are checked, and snippets cut, on the few notes it
 * narrows to, read through `readText`; typing a query re-reads the same notes, so they stay here.
 */
export class TextCache {
  /** Note texts by path, least recently used first (each folded on first need, then kept). */
  private readonly texts = new Map<string, NoteText>();
  private bytes = 0;
  /** How far `prefetch` has read, by id. */
  private prefetched = 0;

  constructor(
    private readonly readText: (path: string) => string | null,
    private readonly maxBytes: number,
  ) {}

  /** A note's text, from the cache or read now; null when it cannot be read. */
  get(path: string): NoteText | null {
    const cached = this.texts.get(path);
    if (cached !== undefined) {
      // Most recently used last.
      this.texts.delete(path);
      this.texts.set(path, cached);
      return cached;
    }
    return this.load(path);
  }

  /** Drops a note's text (it changed, or is gone). */
  forget(path: string): void {
    const cached = this.texts.get(path);
    if (cached) {
      this.texts.delete(path);
      this.bytes -= textCost(cached.text);
    }
  }

  clear(): void {
    this.texts.clear();
    this.bytes = 0;
    this.prefetched = 0;
  }

  /** The ids changed (the lists were compacted): prefetch starts over. */
  renumbered(): void {
    this.prefetched = 0;
  }

  /**
   * Reads notes into the cache for about `ms` milliseconds, while it has room: a query then finds
   * the texts it checks and cuts snippets from in memory. True while more remain.
   */
  prefetch(docs: readonly (StoredDoc | null)[], ms: number): boolean {
    const until = performance.now() + ms;
    for (; this.prefetched < docs.length; this.prefetched++) {
      if (this.bytes >= this.maxBytes * 0.9) return false;
      if (performance.now() > until) return true;
      const doc = docs[this.prefetched];
      // Folded too (and checked for marks): a query's first snippets of a note spent most of
      // their time folding it. The cache's budget counts the folded copy already.
      if (doc && !this.texts.has(doc.path)) void this.load(doc.path)?.unmarked;
    }
    return false;
  }

  /** Reads a note's text into the cache (making room), or null when it cannot be read. */
  private load(path: string): NoteText | null {
    let text: string | null;
    try {
      text = this.readText(path);
    } catch {
      text = null;
    }
    if (text === null) return null;
    const note = new NoteText(text);
    const bytes = textCost(text);
    if (bytes <= this.maxBytes / 4) {
      this.texts.set(path, note);
      this.bytes += bytes;
      for (const [old, oldNote] of this.texts) {
        if (this.bytes <= this.maxBytes) break;
        this.texts.delete(old);
        this.bytes -= textCost(oldNote.text);
      }
    }
    return note;
  }
}

/** What a cached text may cost: two bytes a character, for it and its folded copy. */
function textCost(text: string): number {
  return text.length * 4;
}

/** A note's text, folded on first need (phrases and snippets want it, regexes do not). */
export class NoteText {
  #folded: string | null = null;
  #units: NoteUnits | null = null;
  #unmarked: boolean | null = null;

  constructor(readonly text: string) {}

  get folded(): string {
    return (this.#folded ??= fold(this.text));
  }

  /** True when the folded text has no combining mark (snippets then find words with indexOf). */
  get unmarked(): boolean {
    return (this.#unmarked ??= unmarked(this.folded));
  }

  /** Its blocks, sections and tasks (note-units.ts), read on first need and kept with the text. */
  units(read: () => NoteUnits): NoteUnits {
    return (this.#units ??= read());
  }
}
