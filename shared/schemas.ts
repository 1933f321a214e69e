import { z } from 'zod';
import { MAX_NOTE_BYTES, type Method, type RequestArgs } from './api';
import { MAX_PATH_LENGTH } from './paths';

const vaultPath = z
  .string({ error: 'a path must be a string' })
  .min(1, 'a path is required')
  .max(MAX_PATH_LENGTH, `a path can be at most ${MAX_PATH_LENGTH} characters`);
const noteText = z.string({ error: 'note text must be a string' }).max(MAX_NOTE_BYTES, 'the note is too large to save');
const version = z.string({ error: 'a version is required' }).regex(/^[0-9a-f]{16}$/, 'a version is 16 hex digits');
const none = z.object({}).strict();

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
  unlinkedMentions: z.object({ path: vaultPath }).strict(),
  unresolvedLinks: none,
  tags: none,
  indexStatus: none,
};
