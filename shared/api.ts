import type { LinkRef, NoteMeta, NoteProblem } from './note-meta';

/**
 * The contract between the renderer and the engine. Every request takes one argument object,
 * validated (shared/rpc/schemas.ts) before the engine sees it; transports carry requests by name
 * without knowing any of them.
 */

/** Largest note the engine reads or writes; past this a note would freeze the editor anyway. */
export const MAX_NOTE_BYTES = 64 * 1024 * 1024;

/** No arguments. */
export type NoArgs = Record<string, never>;

/** What each request takes. A write names the version it was edited from. */
export type RequestArgs = {
  vaultInfo: NoArgs;
  listFiles: NoArgs;
  readNote: { path: string };
  writeNote: { path: string; text: string; baseVersion: string };
  createNote: { path: string; text?: string };
  createFolder: { path: string };
  move: { from: string; to: string };
  trash: { path: string };
  noteMeta: { path: string };
  outgoingLinks: { path: string };
  backlinks: { path: string };
  backlinkPage: { path: string; offset?: number; limit?: number };
  unlinkedMentions: { path: string };
  unresolvedLinks: NoArgs;
  tags: NoArgs;
  indexStatus: NoArgs;
  resolveLinks: { from: string; targets: string[] };
  suggestNotes: { query: string; limit?: number; recent?: string[] };
  search: { query: string; limit?: number };
  rename: { from: string; to: string; dryRun?: boolean };
  undoRename: { id: string };
  loadWorkspace: NoArgs;
  saveWorkspace: { state: WorkspaceState };
  getSettings: NoArgs;
  setSettings: { settings: VaultSettings };
  listSnapshots: { path: string };
  readSnapshot: { id: string };
};

export type Method = keyof RequestArgs;

// A record, not a list, so the compiler rejects a method missing here.
const METHOD_SET: Record<Method, true> = {
  vaultInfo: true,
  listFiles: true,
  readNote: true,
  writeNote: true,
  createNote: true,
  createFolder: true,
  move: true,
  trash: true,
  noteMeta: true,
  outgoingLinks: true,
  backlinks: true,
  backlinkPage: true,
  unlinkedMentions: true,
  unresolvedLinks: true,
  tags: true,
  indexStatus: true,
  resolveLinks: true,
  suggestNotes: true,
  search: true,
  rename: true,
  undoRename: true,
  loadWorkspace: true,
  saveWorkspace: true,
  getSettings: true,
  setSettings: true,
  listSnapshots: true,
  readSnapshot: true,
};

/** Every request's name. */
export const methods = Object.keys(METHOD_SET) as Method[];

/** True when `name` is one of the API's requests (own keys only, so "constructor" is not). */
export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(METHOD_SET, name);
}

/** The open vault. */
export type VaultInfo = {
  name: string;
  root: string;
  host: 'electron' | 'browser';
  /** What Plexus takes from the vault's `.obsidian/app.json` (read only, never written). */
  obsidian?: ObsidianAppSettings;
};

/**
 * Obsidian's own settings that Plexus follows: `strictLineBreaks` (absent: Obsidian's default,
 * single newlines are breaks). `problem`: why app.json could not be used, in plain words.
 */
export type ObsidianAppSettings = { strictLineBreaks?: boolean; problem?: string };

/** One file or folder of the vault, as listed (dot-folders and dot-files are never listed). */
export type FileEntry = {
  path: string;
  kind: 'file' | 'folder';
  size: number;
  mtimeMs: number;
};

/** A note's text as the editor sees it: BOM removed, line endings as "\n". */
/**
 * A note's text. `readOnly` is set when the text can be shown but must not be saved: a file that
 * is not valid UTF-8 is decoded with U+FFFD replacement characters, and the reason says so.
 */
export type NoteContent = { path: string; text: string; version: string; readOnly?: { reason: string } };

/** A link as the index sees it: where it is written, and the file it resolves to (null: unresolved). */
export type LinkInfo = { source: string; link: LinkRef; resolved: string | null };

/** A link to a note, with the text around it in its source (the link at `start`–`end`). */
export type Backlink = LinkInfo & { context: { text: string; start: number; end: number } };

/** Most source notes one backlinks page may ask for. */
export const MAX_BACKLINK_PAGE = 200;

/**
 * A page of a note's backlinks from other notes, a few source notes at a time (a hub note has
 * thousands): `total` links in `notes` notes in all; `next` is the offset of the next page (null:
 * the last).
 */
export type BacklinkPage = { total: number; notes: number; links: Backlink[]; next: number | null };

/** A plain-text mention of a note's names (file name, title, aliases) in another note. */
export type Mention = {
  source: string;
  line: number;
  start: number;
  end: number;
  matched: string;
  /** The mention's line is a GFM table row, where a link's alias must follow `\|`. */
  tableRow: boolean;
  context: { text: string; start: number; end: number };
};

/** Links to a target no file answers to, grouped by target. */
export type UnresolvedGroup = { target: string; sources: LinkInfo[] };

/** Progress of the link index: `done` of `total` notes scanned. */
export type IndexStatus = { state: 'indexing' | 'ready'; done: number; total: number };

/** Counts over the whole index. */
export type IndexStats = {
  notes: number;
  files: number;
  links: number;
  resolved: number;
  unresolved: number;
  tags: number;
};

/** The index's progress, counts, and the notes it had trouble with. */
export type IndexReport = IndexStatus & { stats: IndexStats; problems: { path: string; problems: NoteProblem[] }[] };

/** A note offered by `[[` completion or the quick switcher. */
export type NoteSuggestion = {
  path: string;
  /** What the note is called: its frontmatter title, else its file name without `.md`. */
  title: string;
  /** The folder it is in ("" at the vault's root). */
  folder: string;
  /** Which of its names matched, and that name as written. */
  matched: { kind: 'name' | 'title' | 'alias' | 'path'; text: string };
  /** Matched characters of `matched.text`, as [start, end) offsets, for highlighting. */
  ranges: [number, number][];
  score: number;
};

/** One place a search matched inside a note: a line, with the matched spans to highlight. */
export type SearchMatch = {
  /** Where it matched: the note's name, title or aliases, a heading, a tag, or the body. */
  field: 'name' | 'title' | 'alias' | 'heading' | 'tag' | 'body';
  /** 1-based line of the note (0 for the file name, which is on no line). */
  line: number;
  /** The line's text, possibly shortened around the match. */
  text: string;
  /** Offset in the note (as the editor sees it, "\n" line ends) where `text` starts. */
  offset: number;
  /** Matched spans of `text`, [start, end). */
  ranges: [number, number][];
  /** Set when `text` starts after the line's start (or ends before its end): the pane shows "…". */
  cutStart?: true;
  cutEnd?: true;
};

/** A note that matched a search, with its best snippets. */
export type SearchHit = { path: string; title: string; folder: string; score: number; matches: SearchMatch[] };

/** A search's answer: the best hits (up to the limit) and how many notes matched in all. */
export type SearchResult = {
  query: string;
  total: number;
  hits: SearchHit[];
  ms: number;
  /** Set when phrase, line or regex checks ran out of their time budget: more notes may match. */
  truncated?: boolean;
};

/** What the search pane and the CLI say about a `truncated` result. */
export const SEARCH_TRUNCATED_MESSAGE =
  'Search stopped early: the phrase/regex check ran out of time; results may be incomplete.';

/** One edit a rename makes (or, dry run, would make) to a link. */
export type LinkEdit = { line: number; before: string; after: string };

/**
 * What a rename did: the files moved, and every link rewritten, by note. `id` undoes it (null for
 * a dry run, or once undoing is no longer possible).
 */
export type RenameReport = {
  id: string | null;
  from: string;
  to: string;
  dryRun: boolean;
  moved: { from: string; to: string }[];
  changes: { path: string; edits: LinkEdit[] }[];
  linksUpdated: number;
  notesUpdated: number;
};

/** How a tab shows its note: the editing mode (Live Preview or Source) and whether it is read rendered. */
export type TabView = { source?: boolean; reading?: boolean };

/**
 * Which notes are open in tabs, the one in front, and how each tab shows its note where that is
 * not the default (`views`); kept in `<vault>/.plexus/workspace.json`.
 */
export type WorkspaceState = {
  tabs: string[];
  active: string | null;
  views?: Record<string, TabView>;
  /** The side panes' widths and whether each is collapsed (absent: the defaults). */
  panes?: PanesState;
};

/** One side pane as the person left it: its width in CSS px, and whether it is collapsed. */
export type PaneSide = { width: number; collapsed: boolean };

/** The file pane (left) and the links pane (right). */
export type PanesState = { left: PaneSide; right: PaneSide };

/**
 * Where a note created from a link or by name goes (Obsidian's "Default location for new notes"):
 * the linking or current note's folder, the vault's root, or one vault-relative folder.
 */
export type NewNotesSetting =
  { newNotes: 'beside-current' | 'vault-root' } | { newNotes: 'folder'; newNotesFolder: string };

/** How notes are edited: Obsidian's Live Preview (markup hidden off the cursor) or the plain source. */
export type EditingMode = 'live' | 'source';

/**
 * A vault's settings, kept in `<vault>/.plexus/settings.json`. `defaultEditing`: new tabs' mode
 * (Live Preview). `strictLineBreaks`: single newlines join as CommonMark has it (absent: as the
 * vault's `.obsidian/app.json` says, else breaks, Obsidian's default).
 */
export type VaultSettings = NewNotesSetting & { defaultEditing?: EditingMode; strictLineBreaks?: boolean };

/** An earlier version of a note kept for file recovery (outside the vault), newest first in lists. */
export type SnapshotInfo = { id: string; time: number; size: number };

/** An earlier version's text: the note it was of, and when it was taken (ms since 1970). */
export type SnapshotContent = { path: string; text: string; time: number };

/** What each request resolves to. */
export type RequestResults = {
  vaultInfo: VaultInfo;
  listFiles: FileEntry[];
  readNote: NoteContent;
  writeNote: { version: string };
  createNote: { path: string; version: string };
  createFolder: { path: string };
  move: { from: string; to: string };
  trash: { path: string };
  noteMeta: NoteMeta | null;
  outgoingLinks: LinkInfo[];
  backlinks: Backlink[];
  backlinkPage: BacklinkPage;
  unlinkedMentions: Mention[];
  unresolvedLinks: UnresolvedGroup[];
  tags: { tag: string; notes: string[] }[];
  indexStatus: IndexReport;
  resolveLinks: (string | null)[];
  suggestNotes: NoteSuggestion[];
  search: SearchResult;
  rename: RenameReport;
  undoRename: RenameReport;
  loadWorkspace: WorkspaceState | null;
  saveWorkspace: { saved: true };
  getSettings: VaultSettings;
  setSettings: VaultSettings;
  listSnapshots: SnapshotInfo[];
  readSnapshot: SnapshotContent;
};

/** Who caused a change: this app (through the API) or something else on disk. */
export type ChangeOrigin = 'app' | 'external';

/**
 * What the listing shows of a file after a change (`size` 0 for a folder), so that a client keeps
 * its own list of files from events instead of listing the vault again. Optional: an event whose
 * file could not be looked at carries none, and a client lists again.
 */
export type FileMeta = { size?: number; mtimeMs?: number };

/** A change to the vault's files. A removed or renamed folder takes everything in it along. */
export type FilesEvent =
  | ({ type: 'added'; path: string; kind: 'file' | 'folder'; origin: ChangeOrigin } & FileMeta)
  | { type: 'removed'; path: string; kind: 'file' | 'folder'; origin: ChangeOrigin }
  | ({ type: 'changed'; path: string; origin: ChangeOrigin; version?: string } & FileMeta)
  | { type: 'renamed'; from: string; to: string; kind: 'file' | 'folder'; origin: ChangeOrigin };

/** Commands the host asks the page to run (menu items of the desktop app). */
export type AppCommand = 'new-note' | 'new-folder' | 'save';

/** Everything the engine or host pushes to the page. */
export type PlexusEvent =
  | { topic: 'files'; event: FilesEvent }
  | { topic: 'index'; status: IndexStatus }
  | { topic: 'command'; command: AppCommand };

/** The engine's API as a client calls it (and as the engine implements it). */
export type PlexusApi = {
  [M in Method]: (args: RequestArgs[M]) => Promise<RequestResults[M]>;
};
