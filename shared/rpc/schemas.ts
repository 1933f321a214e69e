import { z } from 'zod';
import { MAX_BACKLINK_PAGE, MAX_NOTE_BYTES, type Method, type RequestArgs } from '../api';
import { PlexusError, type ErrorCode } from '../errors';
import { MAX_PATH_LENGTH, normalizeVaultPath } from '../paths';

/** Marks an issue that is a PlexusError of the engine's path rules, so dispatch keeps its code. */
export type CodedIssueParams = { plexusCode: ErrorCode; plexusMessage: string };

// Every path in every request meets the vault's path rules here, at the boundary (".." and hidden
// segments like ".git" are refused), whether or not the method it reaches checks again.
const vaultPath = z
  .string({ error: 'a path must be a string' })
  .min(1, 'a path is required')
  .max(MAX_PATH_LENGTH, `a path can be at most ${MAX_PATH_LENGTH} characters`)
  .superRefine((path, ctx) => {
    if (path.length > MAX_PATH_LENGTH) return; // said above
    try {
      normalizeVaultPath(path);
    } catch (error) {
      if (!(error instanceof PlexusError)) throw error;
      const params: CodedIssueParams = { plexusCode: error.code, plexusMessage: error.message };
      // Listed among other problems, the sentence's own full stop would double the separator's.
      ctx.addIssue({ code: 'custom', message: error.message.replace(/\.$/, ''), params });
    }
  });
const noteText = z.string({ error: 'note text must be a string' }).max(MAX_NOTE_BYTES, 'the note is too large to save');
const version = z.string({ error: 'a version is required' }).regex(/^[0-9a-f]{16}$/, 'a version is 16 hex digits');
const none = z.object({}).strict();
const linkTarget = z.string().max(MAX_PATH_LENGTH * 2);
// The folder's path rules (no "..", portable names) are checked by the engine, as for every path.
const defaultEditing = z.enum(['live', 'source']).optional();
const strictLineBreaks = z.boolean({ error: 'strictLineBreaks must be true or false' }).optional();
const vaultSettings = z.discriminatedUnion('newNotes', [
  z.object({ newNotes: z.enum(['beside-current', 'vault-root']), defaultEditing, strictLineBreaks }).strict(),
  z.object({ newNotes: z.literal('folder'), newNotesFolder: vaultPath, defaultEditing, strictLineBreaks }).strict(),
]);
const tabViews = z
  .record(vaultPath, z.object({ source: z.boolean().optional(), reading: z.boolean().optional() }).strict())
  .refine((views) => Object.keys(views).length <= 200, 'at most 200 tabs');

const paneSide = z.object({ width: z.number().int().min(0).max(10_000), collapsed: z.boolean() }).strict();
const panes = z.object({ left: paneSide, right: paneSide }).strict();

/** How each request's arguments are checked at the boundary, before the engine sees them. */
export const requestSchemas: { [M in Method]: z.ZodType<RequestArgs[M]> } = {
  vaultInfo: none,
  listFiles: none,
  readNote: z.object({ path: vaultPath }).strict(),
  writeNote: z.object({ path: vaultPath, text: noteText, baseVersion: version }).strict(),
  createNote: z.object({ path: vaultPath, text: noteText.optional() }).strict(),
  createFolder: z.object({ path: vaultPath }).strict(),
  move: z.object({ from: vaultPath, to: vaultPath }).strict(),
  trash: z.object({ path: vaultPath }).strict(),
  noteMeta: z.object({ path: vaultPath }).strict(),
  outgoingLinks: z.object({ path: vaultPath }).strict(),
  backlinks: z.object({ path: vaultPath }).strict(),
  backlinkPage: z
    .object({
      path: vaultPath,
      offset: z.number().int().min(0).max(10_000_000).optional(),
      limit: z.number().int().min(1).max(MAX_BACKLINK_PAGE).optional(),
    })
    .strict(),
  unlinkedMentions: z.object({ path: vaultPath }).strict(),
  unresolvedLinks: none,
  tags: none,
  indexStatus: none,
  resolveLinks: z.object({ from: vaultPath, targets: z.array(linkTarget).max(10_000) }).strict(),
  suggestNotes: z
    .object({
      query: z.string().max(1000),
      limit: z.number().int().min(1).max(500).optional(),
      recent: z.array(vaultPath).max(100).optional(),
    })
    .strict(),
  search: z
    .object({
      query: z.string().max(2000, 'a search can be at most 2000 characters'),
      limit: z.number().int().min(1).max(1000).optional(),
    })
    .strict(),
  rename: z.object({ from: vaultPath, to: vaultPath, dryRun: z.boolean().optional() }).strict(),
  undoRename: z.object({ id: z.string().min(1).max(100) }).strict(),
  loadWorkspace: none,
  getSettings: none,
  setSettings: z.object({ settings: vaultSettings }).strict(),
  listSnapshots: z.object({ path: vaultPath }).strict(),
  // An id names a file in the app's data folder: a plain token, never anything path-like.
  readSnapshot: z
    .object({
      id: z
        .string({ error: 'a snapshot id must be a string' })
        .regex(/^[0-9a-z-]{1,64}$/, 'a snapshot id is letters, digits and dashes'),
    })
    .strict(),
  saveWorkspace: z
    .object({
      state: z
        .object({
          tabs: z.array(vaultPath).max(200),
          active: vaultPath.nullable(),
          views: tabViews.optional(),
          panes: panes.optional(),
        })
        .strict(),
    })
    .strict(),
};
