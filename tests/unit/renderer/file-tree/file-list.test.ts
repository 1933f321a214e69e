import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FileEntry, FilesEvent } from '../../../../shared/api';
import { applyFilesEvent, compareListed, replayOnto } from '../../../../renderer/src/file-tree/file-list';

/**
 * A model file system that announces each change as the engine does (parent folders first, a
 * folder's removal or rename taking its contents along), and lists itself as `Vault.list` does: a
 * walk of folders, names sorted by code unit, a folder before its contents. Applying the events to
 * the first listing must give exactly the last listing.
 */
type Node = { kind: 'file' | 'folder'; size: number; mtimeMs: number };

class ModelFs {
  readonly nodes = new Map<string, Node>();
  private clock = 1;

  list(): FileEntry[] {
    const out: FileEntry[] = [];
    const walk = (folder: string): void => {
      const names = [...this.nodes.keys()]
        .filter((p) => parentOf(p) === folder)
        .map((p) => (folder ? p.slice(folder.length + 1) : p))
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      for (const name of names) {
        const path = folder ? `${folder}/${name}` : name;
        const node = this.nodes.get(path) as Node;
        out.push({ path, kind: node.kind, size: node.size, mtimeMs: node.mtimeMs });
        if (node.kind === 'folder') walk(path);
      }
    };
    walk('');
    return out;
  }

  /** Creates missing parent folders of `path`, announcing each; false if a parent is a file. */
  private parents(path: string, events: FilesEvent[]): boolean {
    const parts = path.split('/').slice(0, -1);
    for (let i = 1; i <= parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      const node = this.nodes.get(folder);
      if (node?.kind === 'file') return false;
      if (!node) {
        const mtimeMs = this.clock++;
        this.nodes.set(folder, { kind: 'folder', size: 0, mtimeMs });
        events.push({ type: 'added', path: folder, kind: 'folder', origin: 'app', size: 0, mtimeMs });
      }
    }
    return true;
  }

  add(path: string, kind: 'file' | 'folder', size: number): FilesEvent[] {
    const events: FilesEvent[] = [];
    if (this.nodes.has(path) || !this.parents(path, events)) return events;
    const node = { kind, size: kind === 'file' ? size : 0, mtimeMs: this.clock++ };
    this.nodes.set(path, node);
    events.push({ type: 'added', path, kind, origin: 'external', size: node.size, mtimeMs: node.mtimeMs });
    return events;
  }

  change(path: string, size: number): FilesEvent[] {
    const node = this.nodes.get(path);
    if (node?.kind !== 'file') return [];
    node.size = size;
    node.mtimeMs = this.clock++;
    return [{ type: 'changed', path, origin: 'app', version: 'v', size, mtimeMs: node.mtimeMs }];
  }

  remove(path: string): FilesEvent[] {
    const node = this.nodes.get(path);
    if (!node) return [];
    for (const p of [...this.nodes.keys()]) if (p === path || p.startsWith(path + '/')) this.nodes.delete(p);
    return [{ type: 'removed', path, kind: node.kind, origin: 'external' }];
  }

  rename(from: string, to: string): FilesEvent[] {
    const node = this.nodes.get(from);
    if (!node || this.nodes.has(to) || to === from || to.startsWith(from + '/')) return [];
    const events: FilesEvent[] = [];
    if (!this.parents(to, events)) return events;
    for (const [p, n] of [...this.nodes]) {
      if (p === from || p.startsWith(from + '/')) {
        this.nodes.delete(p);
        this.nodes.set(to + p.slice(from.length), n);
      }
    }
    events.push({ type: 'renamed', from, to, kind: node.kind, origin: 'app' });
    return events;
  }
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

// Names whose order differs between whole-path and per-segment comparison ("a-b" < "a/…" as
// strings, but the listing puts "a" and its contents first), plus case and spaces.
const name = fc.constantFrom('a', 'a-b', 'a b', 'a.md', 'B.md', 'b', 'a0', 'Z');
const path = fc.array(name, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('/'));
const op = fc.oneof(
  fc.record({ op: fc.constant('add' as const), path, kind: fc.constantFrom('file' as const, 'folder' as const) }),
  fc.record({ op: fc.constant('change' as const), path, size: fc.nat(1000) }),
  fc.record({ op: fc.constant('remove' as const), path }),
  fc.record({ op: fc.constant('rename' as const), path, to: path }),
);

type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

function run(model: ModelFs, step: Op): FilesEvent[] {
  switch (step.op) {
    case 'add':
      return model.add(step.path, step.kind, 7);
    case 'change':
      return model.change(step.path, step.size);
    case 'remove':
      return model.remove(step.path);
    case 'rename':
      return model.rename(step.path, step.to);
  }
}

describe('applyFilesEvent', () => {
  it('applying the events of any series of changes gives what listing again gives', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), fc.array(op, { maxLength: 25 }), (setup, changes) => {
        const model = new ModelFs();
        for (const step of setup) run(model, step);
        let list: FileEntry[] = model.list();
        for (const step of changes) {
          for (const event of run(model, step)) {
            const next = applyFilesEvent(list, event);
            expect(next, JSON.stringify(event)).not.toBeNull();
            list = next as FileEntry[];
          }
        }
        expect(list).toEqual(model.list());
      }),
      { numRuns: 500 },
    );
  });

  it('events replayed onto a listing made part-way through them give the last listing (or a new listing is asked for)', () => {
    fc.assert(
      // Renames in half the series only: a series holding one is always listed again.
      fc.property(
        fc.array(op, { maxLength: 12 }),
        fc.boolean(),
        fc.array(op, { maxLength: 25 }),
        fc.nat(),
        (setup, renames, all, cut) => {
          const changes = renames ? all : all.filter((o) => o.op !== 'rename');
          const model = new ModelFs();
          for (const step of setup) run(model, step);
          const events: FilesEvent[] = [];
          const at = cut % (changes.length + 1);
          let listing: FileEntry[] = model.list();
          changes.forEach((step, i) => {
            events.push(...run(model, step));
            if (i + 1 === at) listing = model.list();
          });
          // Null (a rename among the events, or one that does not apply) makes the window list again.
          const replayed = replayOnto(listing, events);
          if (replayed) expect(replayed).toEqual(model.list());
          // From a listing made before them all, events with no rename always apply.
          else expect(at === 0 && !events.some((e) => e.type === 'renamed')).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('asks for a new listing rather than replay a rename onto a listing that already holds it', () => {
    // Z/a moved into a new folder B.md as B.md/a, then B.md renamed back to Z: a listing made after
    // both holds Z/a/a; replaying the renames onto it would move Z into B.md/a and back, one level deeper.
    const model = new ModelFs();
    model.add('Z/a', 'file', 7);
    const events = [...model.rename('Z', 'B.md/a'), ...model.rename('B.md', 'Z')];
    expect(model.list().map((e) => e.path)).toEqual(['Z', 'Z/a', 'Z/a/a']);
    expect(replayOnto(model.list(), events)).toBeNull();
  });

  it('orders paths by segment, as the listing walks folders', () => {
    expect(['a-b', 'a/x', 'a', 'a b/c', 'B'].sort(compareListed)).toEqual(['B', 'a', 'a/x', 'a b/c', 'a-b']);
  });

  const listed: FileEntry[] = [
    { path: 'notes', kind: 'folder', size: 0, mtimeMs: 1 },
    { path: 'notes/a.md', kind: 'file', size: 3, mtimeMs: 2 },
  ];

  it('asks for a new listing when an event cannot be applied', () => {
    // No size or time: the watcher could not look at the file.
    expect(applyFilesEvent(listed, { type: 'added', path: 'b.md', kind: 'file', origin: 'external' })).toBeNull();
    expect(applyFilesEvent(listed, { type: 'changed', path: 'notes/a.md', origin: 'external' })).toBeNull();
    // A file or folder the list does not hold: the list missed something.
    const meta = { size: 1, mtimeMs: 5 };
    expect(applyFilesEvent(listed, { type: 'changed', path: 'x.md', origin: 'external', ...meta })).toBeNull();
    expect(
      applyFilesEvent(listed, { type: 'added', path: 'gone/b.md', kind: 'file', origin: 'app', ...meta }),
    ).toBeNull();
    expect(
      applyFilesEvent(listed, { type: 'renamed', from: 'x.md', to: 'y.md', kind: 'file', origin: 'app' }),
    ).toBeNull();
    // A file turned folder without its removal announced.
    expect(
      applyFilesEvent(listed, { type: 'added', path: 'notes/a.md', kind: 'folder', origin: 'external', ...meta }),
    ).toBeNull();
  });

  it('leaves the list it was given as it was', () => {
    const copy = structuredClone(listed);
    applyFilesEvent(listed, { type: 'removed', path: 'notes', kind: 'folder', origin: 'external' });
    applyFilesEvent(listed, { type: 'renamed', from: 'notes', to: 'n', kind: 'folder', origin: 'app' });
    applyFilesEvent(listed, { type: 'changed', path: 'notes/a.md', origin: 'app', size: 9, mtimeMs: 9 });
    expect(listed).toEqual(copy);
  });
});
