import fc from 'fast-check';
import { existsSync, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FilesEvent } from '../../../../shared/api';
import { PlexusError } from '../../../../shared/errors';
import { parentPath } from '../../../../shared/paths';
import { signatureOf } from '../../../../vault/files/own-changes';
import { Renamer } from '../../../../vault/rename/renamer';
import { Vault } from '../../../../vault/files/vault';
import { VaultIndex } from '../../../../vault/index/vault-index';

/*
 * Model-based race test of the engine's "nothing lost" promise. An editor (the app: open, type,
 * autosave with the version it was edited from, reload after a conflict), another program
 * (writes and deletes files behind the app's back), watcher events delivered late and in any
 * order across files, renames through the Renamer and trashing through the Vault are
 * interleaved by fast-check's scheduler; the real file operations run concurrently.
 *
 * Every operation is an interval [start, end] of a logical clock taken before it is called and
 * after it settles, so its effect on disk happened inside it. Checked:
 *  - an acknowledged save is on disk unless an operation that could have come after it (one not
 *    over before the save began) replaced it; more generally a file always holds the content of
 *    one of its "last" operations (none of which is a refused save: their text is never on disk);
 *  - a save succeeds only if the editor had seen the file's content: a change by another program
 *    that ended before the save began and began after the editor last read or saved is never
 *    overwritten (the save must be refused as STALE_VERSION);
 *  - at the end, with every watcher event delivered, the link index equals a fresh build.
 * Renames and deletes wait for operations on the paths they touch (as the app does: it saves
 * before renaming); everything else overlaps freely.
 */

/*
 * Two engine races this test found, now fixed where they lived:
 *  1. OwnChanges remembered the state our own change left a path in for 10 s; a later external
 *     change to that path and back made the real deletion look like our echo, so the index kept a
 *     deleted note. Now a record is forgotten once the watcher sees the path in another state.
 *  2. A rename onto a path the index still knew (another program deleted it; the watcher had not
 *     said so yet) left the old entry in place of the moved note. Now a renamed event first drops
 *     whatever the index holds at (or under) the destination.
 */
const RUNS = Number(process.env.RACE_RUNS ?? 100);
const COMMANDS = 100;
const HUB = 'hub.md';
/** Notes that come and go; nothing links to them, so a rename rewrites no other note's text. */
const LEAVES = ['n0.md', 'n1.md', 'n2.md', 'n3.md', 'sub/n4.md', 'sub/n0.md', 'deep/x/n5.md'];
/** `[[ghost]]` resolves while another program has created ghost.md. */
const EXTERNAL_ONLY = ['ghost.md'];

type Op = { content: string | null; start: number; end: number; what: string };
type Editor = {
  path: string;
  text: string;
  version: string;
  /** When and what the editor last learned of the file (a read, or its own save). */
  knownEnd: number;
  knownContent: string;
  busy: boolean;
  stale: boolean;
};

const totals = { steps: 0, saves: 0, acknowledged: 0, refused: 0, external: 0, renames: 0, deletes: 0, lost: 0 };

function textFor(id: number, path: string): string {
  const n = id % 4;
  return `# ${path} v${id}\n\nSee [[hub]]${n === 0 ? ' and [[ghost]]' : ''}${n === 1 ? ' and [[hub#Top]]' : ''}.\n\n#t${id % 3}\n`;
}

class World {
  clock = 0;
  /** Makes every text written unique (above the initial notes' numbers). */
  next = 100;
  readonly ops = new Map<string, Op[]>();
  readonly editors = new Map<string, Editor>();
  readonly inflight = new Map<string, Set<Promise<unknown>>>();
  readonly events: FilesEvent[] = [];
  /** Changes made by another program, per file: what a save must have seen before it succeeds. */
  readonly foreign = new Map<string, Op[]>();
  /** Files another program is writing now. */
  readonly writing = new Set<string>();
  readonly violations: string[] = [];
  /** What happened, for the failure message. */
  readonly log: string[] = [];
  private constructor(
    readonly root: string,
    readonly vault: Vault,
    readonly index: VaultIndex,
    readonly renamer: Renamer,
    readonly s: fc.Scheduler,
  ) {}

  static async create(s: fc.Scheduler): Promise<World> {
    const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
    const root = await fs.mkdtemp(join(base, 'plexus-race-'));
    const initial: Record<string, string> = {
      [HUB]: '# Top\n\nThe hub. [[ghost]] [[n-missing]]\n',
      'n0.md': textFor(0, 'n0.md'),
      'n1.md': textFor(1, 'n1.md'),
      'sub/n4.md': textFor(2, 'sub/n4.md'),
    };
    for (const [path, text] of Object.entries(initial)) {
      await fs.mkdir(dirname(join(root, path)), { recursive: true });
      await fs.writeFile(join(root, path), text);
    }
    const vault = await Vault.open(root);
    const index = await VaultIndex.build(vault, { cacheFile: null, worker: null });
    vault.onDidChange((event) => void index.apply(event));
    const world = new World(root, vault, index, new Renamer(vault, Promise.resolve(index)), s);
    for (const [path, text] of Object.entries(initial))
      world.ops.set(path, [{ content: text, start: 0, end: 0, what: 'initial' }]);
    return world;
  }

  exists(path: string): boolean {
    const ops = this.ops.get(path);
    return ops !== undefined && ops.at(-1)?.content !== null;
  }

  existing(): string[] {
    return [...this.ops.keys()].filter((p) => this.exists(p)).sort();
  }

  /** Runs `work` as an operation on `paths`: renames and deletes wait for it. */
  track<T>(paths: string[], work: () => Promise<T>): { real: Promise<T>; start: number; end: () => number } {
    const start = ++this.clock;
    let end = Infinity;
    const real = work().finally(() => (end = ++this.clock));
    const settled = real.catch(() => undefined);
    for (const path of paths) {
      const set = this.inflight.get(path) ?? new Set();
      set.add(settled);
      this.inflight.set(path, set);
      void settled.then(() => set.delete(settled));
    }
    return { real, start, end: () => end };
  }

  async quiet(paths: string[]): Promise<void> {
    for (;;) {
      const pending = paths.flatMap((p) => [...(this.inflight.get(p) ?? [])]);
      if (pending.length === 0) return;
      await Promise.all(pending);
    }
  }

  record(path: string, op: Op): void {
    const ops = this.ops.get(path) ?? [];
    ops.push(op);
    this.ops.set(path, ops);
  }

  /** The contents `path` may hold now: those of operations no other operation surely followed. */
  candidates(path: string): Set<string | null> {
    const ops = this.ops.get(path) ?? [];
    const last = ops.filter((x) => !ops.some((y) => y !== x && x.end < y.start));
    return new Set(last.length ? last.map((o) => o.content) : [null]);
  }

  async actual(path: string): Promise<string | null> {
    return fs.readFile(join(this.root, path), 'utf8').catch(() => null);
  }

  /** The file holds one of its possible contents; an acknowledged save nothing followed is there. */
  async check(path: string): Promise<string | null> {
    const actual = await this.actual(path);
    const candidates = this.candidates(path);
    if (!candidates.has(actual)) {
      const ops = this.ops.get(path) ?? [];
      const sole = ops.filter((x) => !ops.some((y) => y !== x && x.end < y.start));
      if (sole.length === 1 && sole[0]?.what === 'save') totals.lost++;
      this.violations.push(
        `${path} holds ${JSON.stringify(actual)}; expected one of ${JSON.stringify([...candidates])}`,
      );
    }
    return actual;
  }

  /** The file is settled: its history starts again from what it holds. */
  reset(path: string, content: string | null, start: number, end: number, what: string): void {
    this.ops.set(path, [{ content, start, end, what }]);
  }

  pushEvent(event: FilesEvent): void {
    this.events.push(event);
  }

  /**
   * Hands a watcher event to the index as VaultWatcher does: looking at the file as it is now,
   * and dropping what is an echo of the app's own change.
   */
  async deliver(event: FilesEvent): Promise<void> {
    const path = eventPath(event);
    await this.vault.own.settled();
    const current = signatureOf(await fs.stat(join(this.root, path)).catch(() => null));
    const change = event.type === 'changed' ? 'change' : event.type === 'added' ? 'add' : 'remove';
    const echo = this.vault.own.isEcho(path, current, change);
    this.log.push(`deliver ${JSON.stringify(event)}${echo ? ' (echo, dropped)' : ''}`);
    if (!echo) void this.index.apply(event);
  }
}

type Cmd = fc.AsyncCommand<object, World>;

/** Picks the n-th of `list` (wrapping), or undefined when it is empty. */
function pick<T>(list: T[], n: number): T | undefined {
  return list.length ? list[n % list.length] : undefined;
}

class Open implements Cmd {
  constructor(readonly n: number) {}
  check = () => true;
  run(_m: object, w: World): Promise<void> {
    this.start(w);
    return Promise.resolve();
  }

  private start(w: World): void {
    totals.steps++;
    const path = pick(
      w.existing().filter((p) => !w.editors.has(p)),
      this.n,
    );
    if (!path) return;
    const editor: Editor = { path, text: '', version: '', knownEnd: 0, knownContent: '', busy: true, stale: false };
    w.editors.set(path, editor);
    const op = w.track([path], () => w.vault.read(path));
    w.log.push(`open ${path} at ${op.start}`);
    void w.s.schedule(op.real.catch(() => null)).then((note) => {
      editor.busy = false;
      if (!note) {
        w.editors.delete(editor.path);
        return;
      }
      Object.assign(editor, { text: note.text, version: note.version, knownEnd: op.end(), knownContent: note.text });
      w.log.push(`opened ${editor.path} ${note.version} (read ${op.start}–${op.end()})`);
    });
  }
  toString = () => `Open(${this.n})`;
}

class Type implements Cmd {
  constructor(readonly n: number) {}
  check = () => true;
  run(_m: object, w: World): Promise<void> {
    this.start(w);
    return Promise.resolve();
  }

  private start(w: World): void {
    totals.steps++;
    const editor = pick([...w.editors.values()], this.n);
    if (editor && !editor.busy) editor.text = textFor(w.next++, editor.path);
  }
  toString = () => `Type(${this.n})`;
}

/** The autosave: writes the editor's text with the version it was edited from. */
class Save implements Cmd {
  constructor(readonly n: number) {}
  check = () => true;
  run(_m: object, w: World): Promise<void> {
    this.start(w);
    return Promise.resolve();
  }

  private start(w: World): void {
    totals.steps++;
    const editor = pick(
      [...w.editors.values()].filter((e) => !e.busy && !e.stale && e.text !== e.knownContent),
      this.n,
    );
    if (!editor) return;
    totals.saves++;
    editor.busy = true;
    const { path, text, version, knownEnd } = editor;
    const op = w.track([path], () => w.vault.write(path, text, version));
    w.log.push(`save ${path} at ${op.start} on version ${version} known at ${knownEnd}`);
    // Decided as soon as the disk answers; the editor hears of it when the scheduler says.
    const decided = op.real.then(
      (written) => {
        const end = op.end();
        // A change by another program, entirely between what the editor last saw and this save.
        const unseen = (w.foreign.get(path) ?? []).find((x) => x.start > knownEnd && x.end < op.start);
        if (unseen)
          w.violations.push(
            `save to ${path} [${op.start}–${end}] based on what the editor knew at ${knownEnd} overwrote an unseen change (${unseen.start}–${unseen.end})\n${w.log.join('\n')}`,
          );
        w.record(path, { content: text, start: op.start, end, what: 'save' });
        totals.acknowledged++;
        return { ok: true as const, end, version: written.version };
      },
      (error: unknown) => {
        if (!(error instanceof PlexusError && error.code === 'STALE_VERSION')) throw error;
        totals.refused++;
        return { ok: false as const };
      },
    );
    void w.s.schedule(decided).then((result) => {
      editor.busy = false;
      if (!result.ok) editor.stale = true;
      else Object.assign(editor, { version: result.version, knownEnd: result.end, knownContent: text });
    });
  }
  toString = () => `Save(${this.n})`;
}

/** After a refused save the editor loads what is on disk (the conflict resolved as "load disk"). */
class Reload implements Cmd {
  constructor(readonly n: number) {}
  check = () => true;
  run(_m: object, w: World): Promise<void> {
    this.start(w);
    return Promise.resolve();
  }

  private start(w: World): void {
    totals.steps++;
    const editor = pick(
      [...w.editors.values()].filter((e) => !e.busy && e.stale),
      this.n,
    );
    if (!editor) return;
    editor.busy = true;
    const op = w.track([editor.path], () => w.vault.read(editor.path));
    void w.s.schedule(op.real.catch(() => null)).then((note) => {
      editor.busy = false;
      if (!note) return;
      Object.assign(editor, {
        text: note.text,
        version: note.version,
        knownEnd: op.end(),
        knownContent: note.text,
        stale: false,
      });
    });
  }
  toString = () => `Reload(${this.n})`;
}

/** Another program writes a file (not atomically), creating it if needed; the watcher sees it later. */
class ExternalWrite implements Cmd {
  constructor(readonly n: number) {}
  check = () => true;
  run(_m: object, w: World): Promise<void> {
    this.start(w);
    return Promise.resolve();
  }

  private start(w: World): void {
    totals.steps++;
    const path = pick([HUB, ...LEAVES, ...EXTERNAL_ONLY], this.n) as string;
    const text = path === HUB ? `# Top\n\nHub v${w.next++} [[ghost]]\n` : textFor(w.next++, path);
    // One program writes a file once at a time (two unsynchronised writers tear it, whoever they are).
    if (w.writing.has(path)) return;
    const existed = w.exists(path);
    totals.external++;
    w.writing.add(path);
    w.log.push(`external write ${path} (${existed ? 'existing' : 'new'}) v${w.next - 1} at ${w.clock + 1}`);
    const op = w.track([path], async () => {
      const made = await fs.mkdir(dirname(join(w.root, path)), { recursive: true });
      await fs.writeFile(join(w.root, path), text);
      return made;
    });
    void op.real.then((made) => {
      w.writing.delete(path);
      const done: Op = { content: text, start: op.start, end: op.end(), what: 'external write' };
      w.record(path, done);
      w.foreign.set(path, [...(w.foreign.get(path) ?? []), done]);
      if (made) {
        // Each folder made (mkdir names the outermost), outermost first, then the file.
        const first = relative(w.root, made).split(sep).join('/');
        const parts = parentPath(path).split('/');
        for (let i = 1; i <= parts.length; i++) {
          const folder = parts.slice(0, i).join('/');
          if (folder.length >= first.length)
            w.pushEvent({ type: 'added', path: folder, kind: 'folder', origin: 'external' });
        }
      }
      w.pushEvent(
        existed
          ? { type: 'changed', path, origin: 'external' }
          : { type: 'added', path, kind: 'file', origin: 'external' },
      );
    });
  }
  toString = () => `ExternalWrite(${this.n})`;
}

/** Delivers the oldest pending watcher event of one file (per file in order, across files in any). */
class Deliver implements Cmd {
  constructor(readonly n: number) {}
  check = () => true;
  async run(_m: object, w: World): Promise<void> {
    totals.steps++;
    const keys = [...new Set(w.events.map(eventPath))];
    const key = pick(keys, this.n);
    if (key === undefined) return;
    const at = w.events.findIndex((e) => eventPath(e) === key);
    const [event] = w.events.splice(at, 1);
    if (event) await w.deliver(event);
  }
  toString = () => `Deliver(${this.n})`;
}

function eventPath(event: FilesEvent): string {
  return event.type === 'renamed' ? event.from : event.path;
}

/** Deletes a leaf: another program (fs.rm) or the app (Vault.trash). The editor on it closes. */
class Delete implements Cmd {
  constructor(
    readonly n: number,
    readonly external: boolean,
  ) {}
  check = () => true;
  async run(_m: object, w: World): Promise<void> {
    totals.steps++;
    const path = pick(
      w.existing().filter((p) => p !== HUB),
      this.n,
    );
    if (!path) return;
    await w.quiet([path]);
    await w.check(path);
    totals.deletes++;
    w.editors.delete(path);
    const start = ++w.clock;
    w.log.push(`delete ${path} ${this.external ? 'external' : 'app'}`);
    if (this.external) {
      await fs.rm(join(w.root, path));
      w.pushEvent({ type: 'removed', path, kind: 'file', origin: 'external' });
    } else {
      await w.vault.trash(path);
    }
    w.reset(path, null, start, ++w.clock, 'delete');
    w.foreign.delete(path);
  }
  toString = () => `Delete(${this.n}, ${this.external ? 'external' : 'app'})`;
}

/** Renames a leaf through the Renamer; an editor on it follows (as the workspace does). */
class Rename implements Cmd {
  constructor(
    readonly n: number,
    readonly m: number,
  ) {}
  check = () => true;
  async run(_m: object, w: World): Promise<void> {
    totals.steps++;
    const from = pick(
      w.existing().filter((p) => LEAVES.includes(p)),
      this.n,
    );
    const to = pick(
      LEAVES.filter((p) => !w.exists(p) && !(w.inflight.get(p)?.size ?? 0)),
      this.m,
    );
    if (!from || !to) return;
    await w.quiet([from, to]);
    if (w.exists(to)) return;
    const content = await w.check(from);
    const editor = w.editors.get(from);
    totals.renames++;
    const start = ++w.clock;
    w.log.push(`rename ${from} -> ${to}`);
    await w.renamer.rename({ from, to });
    const end = ++w.clock;
    w.reset(from, null, start, end, 'rename away');
    w.reset(to, content, start, end, 'rename here');
    w.foreign.set(to, w.foreign.get(from) ?? []);
    w.foreign.delete(from);
    if (editor) {
      w.editors.delete(from);
      editor.path = to;
      w.editors.set(to, editor);
    }
  }
  toString = () => `Rename(${this.n}, ${this.m})`;
}

const command = fc.oneof(
  { arbitrary: fc.nat(50).map((n) => new Open(n)), weight: 2 },
  { arbitrary: fc.nat(50).map((n) => new Type(n)), weight: 4 },
  { arbitrary: fc.nat(50).map((n) => new Save(n)), weight: 4 },
  { arbitrary: fc.nat(50).map((n) => new Reload(n)), weight: 2 },
  { arbitrary: fc.nat(50).map((n) => new ExternalWrite(n)), weight: 3 },
  { arbitrary: fc.nat(50).map((n) => new Deliver(n)), weight: 3 },
  { arbitrary: fc.tuple(fc.nat(50), fc.boolean()).map(([n, e]) => new Delete(n, e)), weight: 1 },
  { arbitrary: fc.tuple(fc.nat(50), fc.nat(50)).map(([n, m]) => new Rename(n, m)), weight: 1 },
);

async function finish(w: World): Promise<void> {
  await w.quiet([...new Set([...w.ops.keys(), ...w.inflight.keys()])]);
  for (const event of w.events.splice(0)) await w.deliver(event);
  await w.index.idle();
  for (const path of [...w.ops.keys()]) await w.check(path);
  const fresh = await VaultIndex.build(await Vault.open(w.root), { cacheFile: null, worker: null });
  const had = w.index.links
    .notes()
    .map((n) => n.path)
    .sort();
  const should = fresh.links
    .notes()
    .map((n) => n.path)
    .sort();
  if (had.join() !== should.join())
    console.log(`index has ${had.join()}, disk has ${should.join()}\n${w.log.join('\n')}`);
  for (const path of should) {
    const mine = w.index.links.note(path);
    const theirs = fresh.links.note(path);
    if (JSON.stringify(mine) !== JSON.stringify(theirs)) {
      const said = (mine?.title ?? '') + ' / ' + (theirs?.title ?? '');
      console.log(`index differs on ${path} (${said}):\n${w.log.filter((l) => l.includes(path)).join('\n')}`);
    }
  }
  expect(w.index.links.snapshot()).toEqual(fresh.links.snapshot());
}

afterAll(() => {
  console.log(`race model: ${JSON.stringify(totals)}`);
});

describe('race model: edits, autosaves, watcher events, external writes, renames, deletes', () => {
  it(`loses no acknowledged edit and ends with the index a rebuild gives (${RUNS} runs × ${COMMANDS} steps)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.array(command, { minLength: COMMANDS, maxLength: COMMANDS }),
        async (s, commands) => {
          let world: World | null = null;
          try {
            await fc.scheduledModelRun(
              s,
              async () => {
                world = await World.create(s);
                return { model: {}, real: world };
              },
              commands,
            );
            const w = world as World | null;
            if (!w) throw new Error('no world');
            await finish(w);
            expect(w.violations).toEqual([]);
          } finally {
            const w = world as World | null;
            if (w) await fs.rm(w.root, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: RUNS, endOnFailure: true },
    );
    expect(totals.steps).toBeGreaterThanOrEqual(RUNS * COMMANDS);
    expect(totals.lost).toBe(0);
    expect(totals.acknowledged).toBeGreaterThan(0);
    expect(totals.refused).toBeGreaterThan(0);
  }, 120_000);
});
