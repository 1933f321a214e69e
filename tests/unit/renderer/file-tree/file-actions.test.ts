import { describe, expect, it } from 'vitest';
import {
  newNoteIn,
  renamedPath,
  renameReportMessage,
  trashQuestion,
} from '../../../../renderer/src/file-tree/file-actions';

describe('file actions', () => {
  it('a note renamed without .md keeps it; a folder or a name with .md is taken as typed', () => {
    expect(renamedPath('a/b/old.md', 'new')).toBe('a/b/new.md');
    expect(renamedPath('a/b/old.md', 'new.md')).toBe('a/b/new.md');
    expect(renamedPath('old.md', 'new')).toBe('new.md');
    expect(renamedPath('a/folder', 'renamed')).toBe('a/renamed');
    expect(renamedPath('pic.png', 'photo')).toBe('photo');
  });

  it('a new note in a folder gets .md when left off', () => {
    expect(newNoteIn('', 'idea')).toBe('idea.md');
    expect(newNoteIn('a/b', 'idea')).toBe('a/b/idea.md');
    expect(newNoteIn('a', 'idea.MD')).toBe('a/idea.MD');
  });

  it('reports how many links a rename rewrote, in plain words', () => {
    expect(renameReportMessage({ from: 'a/old.md', to: 'a/new.md', linksUpdated: 0, notesUpdated: 0 })).toBe(
      'Renamed "old.md"; no links needed updating.',
    );
    // A drag into another folder is a move, and says so.
    expect(renameReportMessage({ from: 'a/old.md', to: 'b/old.md', linksUpdated: 0, notesUpdated: 0 })).toBe(
      'Moved "old.md"; no links needed updating.',
    );
    expect(renameReportMessage({ from: 'old.md', to: 'new.md', linksUpdated: 1, notesUpdated: 1 })).toBe(
      'Updated 1 link in 1 note.',
    );
    expect(renameReportMessage({ from: 'old.md', to: 'new.md', linksUpdated: 37, notesUpdated: 12 })).toBe(
      'Updated 37 links in 12 notes.',
    );
  });

  it('asks about a folder with everything in it, and a note by its name', () => {
    expect(trashQuestion('a/projects', 'folder')).toBe('Move the folder "projects" and everything in it to the trash?');
    expect(trashQuestion('a/idea.md', 'file')).toBe('Move "idea" to the trash?');
    expect(trashQuestion('a/pic.png', undefined)).toBe('Move "pic.png" to the trash?');
  });
});
