import type { LinkRef, NoteMeta, NoteProblem } from './note-meta';

/**
 * The contract between the renderer and the engine. Every request takes one argument object,
 * validated (shared/schemas.ts) before the engine sees it; transports carry requests by name
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
  unlinkedMentions: { path: string };
  unresolvedLinks: NoArgs;
  tags: NoArgs;
  indexStatus: NoArgs;
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
  unlinkedMentions: true,
  unresolvedLinks: true,
  tags: true,
  indexStatus: true,
};

/** Every request's name. */
export const methods = Object.keys(METHOD_SET) as Method[];

/** True when `name` is one of the API's requests (own keys only, so "constructor" is not). */
export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(METHOD_SET, name);
}

/** The open vault. */
export type VaultInfo = { name: string; root: string; host: 'electron' | 'browser' };

/** One file or folder of the vault, as listed (dot-folders and dot-files are never listed). */
export type FileEntry = {
  path: string;
  kind: 'file' | 'folder';
  size: number;
  mtimeMs: number;
};

/** A note's text as the editor sees it: BOM removed, line endings as "\n". */
export type NoteContent = { path: string; text: string; version: string };

/** A link as the index sees it: where it is written, and the file it resolves to (null: unresolved). */
export type LinkInfo = { source: string; link: LinkRef; resolved: string | null };

/** A link to a note, with the text around it in its source (the link at `start`–`end`). */
export type Backlink = LinkInfo & { context: { text: string; start: number; end: number } };

/** A plain-text mention of a note's names (file name, title, aliases) in another note. */
export type Mention = {
  source: string;
  line: number;
  start: number;
  end: number;
  matched: string;
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
  unlinkedMentions: Mention[];
  unresolvedLinks: UnresolvedGroup[];
  tags: { tag: string; notes: string[] }[];
  indexStatus: IndexReport;
};

/** Who caused a change: this app (through the API) or something else on disk. */
export type ChangeOrigin = 'app' | 'external';

/** A change to the vault's files. */
export type FilesEvent =
  | { type: 'added' | 'removed'; path: string; kind: 'file' | 'folder'; origin: ChangeOrigin }
  | { type: 'changed'; path: string; origin: ChangeOrigin; version?: string }
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
