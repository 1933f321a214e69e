import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { MAX_NOTE_BYTES, type RenameReport, type RequestArgs } from '../../shared/api';
import { PlexusError, type ErrorCode } from '../../shared/errors';
import { assertPortablePath, isWithin, normalizeVaultPath, parentPath } from '../../shared/paths';
import { readVaultFile, type Vault, versionOf } from '../files';
import { editBytes, scannerText } from './byte-edits';
import { affectedSources, planRename, type Move, type PlanSource, type RenamePlan } from './plan';
import { scanNote } from '../scan';
import type { VaultIndex } from '../index';

/** Test seams: `beforeWrite` runs before each note is written (n counts from 1) and may throw. */
export type RenamerOptions = {
  beforeWrite?: (path: string, n: number) => void | Promise<void>;
};

/** A note as read for planning: its bytes are what a write must still find on disk. */
type ReadNote = { path: string; bytes: Uint8Array; version: string; utf8: boolean };

/** One note a rename rewrote: where it is now, its bytes before, the version it was left at. */
type Written = { path: string; before: Uint8Array; afterVersion: string };

/** A write to make: `after` over a file whose content is still `base` (the version of `before`). */
type WriteJob = { path: string; before: Uint8Array; after: Uint8Array; base: string };

/** A rename that can be undone: what it did, and the folders its move created (deepest first). */
type UndoRecord = { report: RenameReport; writes: Written[]; createdFolders: string[] };

/** Notes written at once by a rename. */
const WRITE_CONCURRENCY = 16;

/** How many renames can be undone (the most recent ones; each keeps its notes' old bytes). */
const MAX_UNDO = 10;

/**
 * Rename/move of a note, attachment or folder that rewrites every link to the moved files (and the
 * links the move would otherwise break or capture; see plan.ts), all or nothing:
 * plan every edit first, move, then write each changed note atomically, checking it is unchanged
 * since it was read; on any failure the notes written so far are restored and the move undone.
 *
 * The index must follow the Vault's events (VaultService wires vault.onDidChange → index.apply);
 * a rename returns once the index has applied them.
 */
export class Renamer {
  private readonly undos = new Map<string, UndoRecord>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly vault: Vault,
    private readonly index: Promise<VaultIndex>,
    private readonly options: RenamerOptions = {},
  ) {}

  rename(args: RequestArgs['rename']): Promise<RenameReport> {
    return this.serial(() => this.renameNow(args));
  }

  undo(id: string): Promise<RenameReport> {
    return this.serial(() => this.undoNow(id));
  }

  private async renameNow(args: RequestArgs['rename']): Promise<RenameReport> {
    const from = normalizeVaultPath(args.from);
    const to = normalizeVaultPath(args.to);
    if (from === '') throw new PlexusError('INVALID_ARGUMENT', 'The vault itself cannot be renamed.');
    assertPortablePath(to);
    if (to === from) throw new PlexusError('INVALID_ARGUMENT', `"${from}" already has that name.`);
    if (to.startsWith(from + '/')) throw new PlexusError('INVALID_ARGUMENT', `Cannot move "${from}" into itself.`);
    const index = await this.index;
    await settle(index);
    const kind = await this.kindOf(from);
    await this.assertFree(to, from);

    const notes = index.links.notes();
    const files = [...notes.map((n) => n.path), ...index.links.files()];
    const moves: Move[] =
      kind === 'file'
        ? [{ from, to }]
        : files.filter((p) => isWithin(p, from)).map((p) => ({ from: p, to: to + p.slice(from.length) }));
    const reads = await Promise.all(affectedSources(notes, moves).map((path) => this.readNote(path)));
    const sources: PlanSource[] = reads.map((note) => {
      const { text } = scannerText(note.bytes);
      return { path: note.path, text, links: scanNote(note.path, text).links };
    });
    const plan = planRename(files, moves, sources);
    const byPath = new Map(reads.map((r) => [r.path, r]));
    for (const note of plan.notes) {
      if (!byPath.get(note.path)?.utf8) {
        throw new PlexusError(
          'NOT_TEXT',
          `"${note.path}" links to what is being renamed but is not UTF-8 text, so its links cannot be rewritten safely; nothing was changed.`,
        );
      }
    }
    const moved = kind === 'folder' ? [{ from, to }, ...moves] : moves;
    const report = reportOf(plan, { from, to, moved, dryRun: args.dryRun === true });
    if (args.dryRun) return report;

    const createdFolders = await this.missingParents(to);
    const writes = await this.execute(from, to, plan, byPath).catch(async (error: unknown) => {
      await this.removeEmpty(createdFolders);
      throw error;
    });
    await settle(index);
    const id = randomUUID();
    this.remember(id, { report, writes, createdFolders });
    return { ...report, id };
  }

  /** Moves, then writes each note; on failure restores what was done and throws. */
  private async execute(from: string, to: string, plan: RenamePlan, reads: Map<string, ReadNote>): Promise<Written[]> {
    let moved = false;
    let writes: Written[] = [];
    try {
      await this.vault.move(from, to);
      moved = true;
      const jobs = plan.notes.map((note) => {
        const read = reads.get(note.path) as ReadNote;
        return {
          path: note.newPath,
          before: read.bytes,
          after: editBytes(read.bytes, note.textEdits),
          base: read.version,
        };
      });
      const result = await this.writeAll(jobs, this.options.beforeWrite);
      writes = result.done;
      if (result.failed) throw result.failed.error;
      return writes;
    } catch (error) {
      const problems = await this.restore(writes, moved ? { from: to, to: from } : null);
      throw failure(`Renaming "${from}" to "${to}"`, error, problems);
    }
  }

  /**
   * Writes each job's `after` bytes over a file still at `base`, a few at a time (each write waits
   * on its fsyncs, which the disk can overlap). Stops starting new writes at the first failure;
   * returns the writes that were done and the failure.
   */
  private async writeAll(
    jobs: readonly WriteJob[],
    beforeWrite?: RenamerOptions['beforeWrite'],
  ): Promise<{ done: Written[]; failed: { error: unknown } | null }> {
    const queue = [...jobs];
    const done: Written[] = [];
    let started = 0;
    let failed: { error: unknown } | null = null;
    const writer = async () => {
      for (let job = queue.shift(); job && !failed; job = queue.shift()) {
        try {
          await beforeWrite?.(job.path, ++started);
          const { version } = await this.vault.writeBytes(job.path, job.after, job.base);
          done.push({ path: job.path, before: job.before, afterVersion: version });
        } catch (error) {
          failed ??= { error };
        }
      }
    };
    await Promise.all(Array.from({ length: WRITE_CONCURRENCY }, writer));
    return { done, failed };
  }

  /** Puts back the bytes of `writes`, then undoes `move`; returns what failed. */
  private async restore(writes: readonly Written[], move: Move | null): Promise<string[]> {
    const problems: string[] = [];
    const queue = [...writes];
    // Every file is tried, whatever happens to the others.
    await Promise.all(
      Array.from({ length: WRITE_CONCURRENCY }, async () => {
        for (let job = queue.shift(); job; job = queue.shift()) {
          await this.vault
            .writeBytes(job.path, job.before, job.afterVersion)
            .catch((e: unknown) => problems.push(`"${job.path}": ${message(e)}`));
        }
      }),
    );
    if (move) await this.vault.move(move.from, move.to).catch((e: unknown) => problems.push(message(e)));
    return problems;
  }

  private async undoNow(id: string): Promise<RenameReport> {
    const record = this.undos.get(id);
    if (!record)
      throw new PlexusError('NOT_FOUND', 'That rename cannot be undone (it was already undone, or is too old).');
    const { report, writes } = record;
    const index = await this.index;
    await settle(index);
    const jobs: WriteJob[] = [];
    for (const write of writes) {
      const current = await readVaultFile(this.vault.root, write.path, { maxBytes: MAX_NOTE_BYTES }).then(
        (read) => read.bytes,
        () => null,
      );
      if (!current || versionOf(current) !== write.afterVersion) {
        throw new PlexusError(
          'CONFLICT',
          `"${write.path}" was changed after the rename, so undoing it would lose those changes; nothing was undone.`,
        );
      }
      jobs.push({ path: write.path, before: current, after: write.before, base: write.afterVersion });
    }
    if (!(await exists(join(this.vault.root, report.to)))) {
      throw new PlexusError('CONFLICT', `"${report.to}" is no longer there; nothing was undone.`);
    }
    await this.assertFree(report.from, report.to).catch(() => {
      throw new PlexusError(
        'CONFLICT',
        `"${report.from}" exists again, so the rename cannot be undone; nothing was undone.`,
      );
    });

    let restored: Written[] = [];
    try {
      const result = await this.writeAll(jobs);
      restored = result.done;
      if (result.failed) throw result.failed.error;
      await this.vault.move(report.to, report.from);
    } catch (error) {
      const problems = await this.restore(restored, null);
      throw failure(`Undoing the rename of "${report.from}"`, error, problems);
    }
    await this.removeEmpty(record.createdFolders);
    this.undos.delete(id);
    await settle(index);
    return reverse(report);
  }

  private async kindOf(path: string): Promise<'file' | 'folder'> {
    const stats = await fs.stat(join(this.vault.root, path)).catch(() => null);
    if (!stats) throw new PlexusError('NOT_FOUND', `"${path}" does not exist.`);
    return stats.isDirectory() ? 'folder' : 'file';
  }

  /** Refuses a destination that exists, unless it is `self` under another case (a case-only rename). */
  private async assertFree(path: string, self: string): Promise<void> {
    const there = await fs.lstat(join(this.vault.root, path)).catch(() => null);
    if (!there) return;
    const me = await fs.lstat(join(this.vault.root, self)).catch(() => null);
    if (me && me.ino === there.ino && me.dev === there.dev) return;
    throw new PlexusError('ALREADY_EXISTS', `"${path}" already exists.`);
  }

  /** The folders above `path` that do not exist yet (the move will create them), deepest first. */
  private async missingParents(path: string): Promise<string[]> {
    const missing: string[] = [];
    for (let folder = parentPath(path); folder !== ''; folder = parentPath(folder)) {
      if (await exists(join(this.vault.root, folder))) break;
      missing.push(folder);
    }
    return missing;
  }

  /** Removes these folders, deepest first, where they are empty (a folder with anything in it stays). */
  private async removeEmpty(folders: readonly string[]): Promise<void> {
    for (const folder of folders) {
      if (
        !(await fs.rmdir(join(this.vault.root, folder)).then(
          () => true,
          () => false,
        ))
      )
        return;
    }
  }

  private async readNote(path: string): Promise<ReadNote> {
    const { bytes } = await readVaultFile(this.vault.root, path, { maxBytes: MAX_NOTE_BYTES }).catch((e: Error) => {
      throw new PlexusError('IO', `${e.message.replace(/\.$/, '')}; nothing was changed.`);
    });
    return { path, bytes, version: versionOf(bytes), utf8: scannerText(bytes).utf8 };
  }

  private remember(id: string, record: UndoRecord): void {
    this.undos.set(id, record);
    for (const key of this.undos.keys()) {
      if (this.undos.size <= MAX_UNDO) break;
      this.undos.delete(key);
    }
  }

  /** One rename or undo at a time: each plans against the state the previous one left. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/** The report of a plan (id set once it is done). */
function reportOf(plan: RenamePlan, base: { from: string; to: string; moved: Move[]; dryRun: boolean }): RenameReport {
  const changes = plan.notes
    .map((note) => ({ path: note.newPath, edits: note.edits }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    id: null,
    ...base,
    changes,
    linksUpdated: changes.reduce((sum, c) => sum + c.edits.length, 0),
    notesUpdated: changes.length,
  };
}

/** What an undo did: the rename backwards. */
function reverse(report: RenameReport): RenameReport {
  const back = (path: string) => {
    const move = report.moved.find((m) => m.to === path || path.startsWith(m.to + '/'));
    return move ? move.from + path.slice(move.to.length) : path;
  };
  return {
    id: null,
    from: report.to,
    to: report.from,
    dryRun: false,
    moved: report.moved.map((m) => ({ from: m.to, to: m.from })),
    changes: report.changes.map((c) => ({
      path: back(c.path),
      edits: c.edits.map((e) => ({ line: e.line, before: e.after, after: e.before })),
    })),
    linksUpdated: report.linksUpdated,
    notesUpdated: report.notesUpdated,
  };
}

/** Lets the Vault's events reach the index (their listeners hop through a promise), then waits for it. */
async function settle(index: VaultIndex): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  await index.idle();
}

async function exists(path: string): Promise<boolean> {
  return fs.lstat(path).then(
    () => true,
    () => false,
  );
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function failure(what: string, error: unknown, problems: string[]): PlexusError {
  const code: ErrorCode =
    error instanceof PlexusError ? (error.code === 'STALE_VERSION' ? 'CONFLICT' : error.code) : 'IO';
  const restored =
    problems.length === 0
      ? 'every file was put back as it was'
      : `and putting files back failed too: ${problems.join('; ')}`;
  return new PlexusError(code, `${what} failed: ${message(error)} (${restored}).`);
}
