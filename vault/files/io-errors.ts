import { PlexusError } from '../../shared/errors';

/** Why a file operation failed, by errno, in words a person can act on. */
const IO_REASONS: Record<string, string> = {
  ENOSPC: 'The disk is full; free some space and try again.',
  EDQUOT: 'Your disk quota is used up; free some space and try again.',
  EACCES: 'Plexus has no permission to write there; check the permissions of the file and its folder.',
  EPERM: 'Plexus has no permission to write there (or the file is locked); check the file and its folder.',
  EROFS: 'The disk is read-only.',
  EBUSY: 'The file is busy (another program has it open); close that program or try again in a moment.',
  ENOENT: 'It, or its folder, no longer exists.',
  ENAMETOOLONG: 'The name is too long for this file system.',
  EISDIR: 'It is a folder.',
  ENOTDIR: 'A part of the path is a file, not a folder.',
  EMFILE: 'Too many files are open; try again in a moment.',
  EIO: 'The disk reported a read or write error.',
};

/** A PlexusError for a failed file operation: `verb` says what was attempted ("save", "move"). */
export function ioError(rel: string, e: NodeJS.ErrnoException, verb = 'change'): PlexusError {
  if (e.code === 'EEXIST') return new PlexusError('ALREADY_EXISTS', `"${rel}" already exists.`);
  const reason = (e.code && IO_REASONS[e.code]) ?? `${e.message}.`;
  return new PlexusError('IO', `Could not ${verb} "${rel}". ${reason}`);
}

export function readOnlyError(rel: string): PlexusError {
  return new PlexusError(
    'IO',
    `Could not save "${rel}". The note is read-only on disk (its permissions do not allow writing), so Plexus leaves it as it is; make it writable, or copy your text into another note.`,
  );
}

export function outsideError(rel: string): PlexusError {
  return new PlexusError('UNSAFE_PATH', `"${rel}" leads outside the vault (through a symbolic link) and is refused.`);
}
