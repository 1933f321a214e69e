/**
 * The pure core of a rename: given every file of the vault, the files that move, and the text of
 * the notes whose links might be affected, every link edit that keeps each link leading where it
 * led before. Nothing here touches the disk; vault/rename/renamer.ts reads, writes and undoes.
 *
 * What is rewritten (each link keeps its alias, heading, block, embed flag and style):
 * - links to a moved file, to name it at its new path (unless their text still spells and
 *   resolves to it, e.g. `[[Note]]` when only its folder changed);
 * - links written in a moved note that would resolve elsewhere from its new folder (relative
 *   paths, names resolved by "nearest to the linking note");
 * - links anywhere that the new name would capture: `[[Note]]` meaning `b/Note.md` is qualified
 *   to `[[b/Note]]` when the renamed file becomes a shorter `Note.md`.
 * Unresolved links are left as written (a rename may make them resolve, as in Obsidian).
 */
import type { LinkEdit } from '../../shared/api';
import { PlexusError } from '../../shared/errors';
import type { LinkRef, NoteMeta } from '../../shared/note-meta';
import { baseName, parentPath } from '../../shared/paths';
import { describeStyle, encodeTarget, locateTarget, readsBackAs, spellsPath, targetCandidates } from './link-rewrite';
import { NameTable, nameKey, resolveWith, type CandidateLookup } from '../links';
import { scanNote } from '../scan';

/** One file's move. */
export type Move = { from: string; to: string };

/** A note whose links may need edits: its path before the rename, its text, and its links. */
export type PlanSource = { path: string; text: string; links: readonly LinkRef[] };

/** One replacement in a note's text (offsets into the text before the rename). */
export type TextEdit = { start: number; end: number; text: string };

/** The edits of one note. `path` is where it is before the rename, `newPath` after. */
export type NotePlan = {
  path: string;
  newPath: string;
  text: string;
  newText: string;
  /** Replacements of file-name parts of links, in order, not overlapping. */
  textEdits: TextEdit[];
  /** Each rewritten link as it was and as it becomes, for the report. */
  edits: LinkEdit[];
};

export type RenamePlan = { moves: Move[]; notes: NotePlan[] };

/**
 * Every edit the rename `moves` needs in `sources`. `files` are all files of the vault before the
 * rename (notes and attachments). Throws a PlexusError when a link cannot be rewritten to keep
 * its target (a name a wiki link cannot spell, or a link whose text is not where it was read).
 */
export function planRename(
  files: Iterable<string>,
  moves: readonly Move[],
  sources: readonly PlanSource[],
): RenamePlan {
  const moved = new Map(moves.map((m) => [m.from, m.to]));
  const mapPath = (path: string) => moved.get(path) ?? path;
  const before = new NameTable();
  const after = new NameTable();
  for (const path of files) {
    before.add(path);
    after.add(mapPath(path));
  }
  for (const move of moves) {
    before.add(move.from);
    after.add(move.to);
  }
  const pre: CandidateLookup = (name) => before.byName(name);
  const post: CandidateLookup = (name) => after.byName(name);
  const notes: NotePlan[] = [];
  for (const source of sources) {
    const plan = planNote(source, mapPath, pre, post, after);
    if (plan) notes.push(plan);
  }
  return { moves: [...moves], notes };
}

function planNote(
  source: PlanSource,
  mapPath: (path: string) => string,
  pre: CandidateLookup,
  post: CandidateLookup,
  after: NameTable,
): NotePlan | null {
  const { path, text } = source;
  const newPath = mapPath(path);
  const folder = parentPath(newPath);
  const expected: (string | null)[] = [];
  const textEdits: TextEdit[] = [];
  const rewritten: LinkRef[] = [];
  for (const link of source.links) {
    const old = link.target === '' ? null : resolveWith(link.target, path, link.style, pre);
    const want = old === null ? null : mapPath(old);
    expected.push(want);
    if (old === null || want === null) continue;
    const now = resolveWith(link.target, newPath, link.style, post);
    if (now === want && (want === old || spellsPath(link.target, want, folder, link.style))) continue;
    if (text.slice(link.start, link.end) !== link.raw) {
      throw new PlexusError('CONFLICT', `"${path}" changed while the rename was planned; try again.`);
    }
    const span = locateTarget(link);
    if (!span) throw unreadable(link, path);
    const style = describeStyle(link, path, old);
    const unique = after.byName(baseName(want)).length === 1;
    let written: string | null = null;
    for (const candidate of targetCandidates(style, want, newPath, unique)) {
      const encoded = encodeTarget(candidate, {
        style: link.style,
        angle: span.angle,
        encodeNonAscii: style.encodeNonAscii,
      });
      if (encoded === null || !readsBackAs(encoded, candidate, link.style)) continue;
      if (resolveWith(candidate, newPath, link.style, post) !== want) continue;
      written = encoded;
      break;
    }
    if (written === null) throw unwritable(link, path, want);
    if (written === link.raw.slice(span.start, span.end)) continue;
    textEdits.push({ start: link.start + span.start, end: link.start + span.end, text: written });
    rewritten.push(link);
  }
  if (textEdits.length === 0) return null;
  textEdits.sort((a, b) => a.start - b.start);
  const newText = applyEdits(text, textEdits);
  const edits = rewritten
    .slice()
    .sort((a, b) => a.start - b.start)
    .map((link) => ({ line: link.line, before: link.raw, after: editedSpan(link, textEdits) }));
  verify(source, newPath, newText, expected, post);
  return { path, newPath, text, newText, textEdits, edits };
}

/** Applies non-overlapping edits, sorted by start, to `text`. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const edit of edits) {
    if (edit.start < at) throw new PlexusError('INTERNAL', 'Two link edits overlap; the rename was not made.');
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

/** The link's raw text with every edit inside it applied (an image inside a link's text has its own). */
function editedSpan(link: LinkRef, edits: readonly TextEdit[]): string {
  const inside = edits
    .filter((e) => e.start >= link.start && e.end <= link.end)
    .map((e) => ({ ...e, start: e.start - link.start, end: e.end - link.start }));
  return applyEdits(link.raw, inside);
}

/**
 * Re-reads the edited note with the real scanner: the same links, with the same alias, heading,
 * block, embed flag and style, each resolving (after the rename) where it resolved before. A
 * failure here is a bug in the rewriting, caught before anything is written.
 */
function verify(
  source: PlanSource,
  newPath: string,
  newText: string,
  expected: readonly (string | null)[],
  post: CandidateLookup,
): void {
  const links = scanNote(newPath, newText).links;
  const fail = (what: string) =>
    new PlexusError('INTERNAL', `Rewriting the links of "${source.path}" went wrong (${what}); nothing was changed.`);
  if (links.length !== source.links.length) throw fail('the number of links changed');
  links.forEach((link, i) => {
    const was = source.links[i] as LinkRef;
    const same =
      link.alias === was.alias &&
      link.block === was.block &&
      link.embed === was.embed &&
      link.style === was.style &&
      link.headings.join('#') === was.headings.join('#');
    if (!same) throw fail(`line ${was.line}: ${was.raw} lost its alias, heading or block`);
    const want = expected[i];
    if (want != null && resolveWith(link.target, newPath, link.style, post) !== want) {
      throw fail(`line ${was.line}: ${link.raw} no longer leads to "${want}"`);
    }
  });
}

/**
 * The notes (paths before the rename) whose links a rename of these files can change: the moved
 * notes themselves, and every note with a link naming an old or a new file name (resolution only
 * ever looks at files of the target's own name; see resolveWith).
 */
export function affectedSources(notes: Iterable<NoteMeta>, moves: readonly Move[]): string[] {
  const names = new Set<string>();
  const movedNotes = new Set<string>();
  for (const move of moves) {
    names.add(nameKey(move.from));
    names.add(nameKey(move.to));
    movedNotes.add(move.from);
  }
  const out: string[] = [];
  for (const note of notes) {
    if (movedNotes.has(note.path) || note.links.some((link) => namesAny(link.target, names))) out.push(note.path);
  }
  return out;
}

function namesAny(target: string, names: ReadonlySet<string>): boolean {
  if (target === '') return false;
  const key = quickNameKey(target);
  return names.has(key) || names.has(key + '.md');
}

/** `nameKey`, skipping the Unicode normalisation ASCII never needs (this runs for every link). */
function quickNameKey(target: string): string {
  // eslint-disable-next-line no-control-regex -- ASCII test
  return /^[\x00-\x7f]*$/.test(target) ? baseName(target).toLowerCase() : nameKey(target);
}

function unreadable(link: LinkRef, path: string): PlexusError {
  return new PlexusError(
    'INTERNAL',
    `The link ${link.raw} in "${path}" (line ${link.line}) could not be read back to rewrite it; nothing was changed.`,
  );
}

function unwritable(link: LinkRef, path: string, want: string): PlexusError {
  return new PlexusError(
    'INVALID_NAME',
    `The link ${link.raw} in "${path}" (line ${link.line}) cannot be rewritten to lead to "${want}" ` +
      `(a wiki link cannot name a file whose name has "#", "|", "[[" or "]]"); nothing was changed.`,
  );
}
