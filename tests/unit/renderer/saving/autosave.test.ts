import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlexusApi } from '../../../../shared/api';
import { PlexusError } from '../../../../shared/errors';
import {
  Autosave,
  AUTOSAVE_DELAY_MS,
  RETRY_DELAY_MS,
  saveNotice,
  type SaveState,
  type TextSource,
} from '../../../../renderer/src/saving/autosave';

type Write = PlexusApi['writeNote'];

/** An Autosave of "a.md" over `write`, with what it reported: states and failure notices. */
function setup(write: Write) {
  let text = 'hello';
  const states: SaveState['kind'][] = [];
  const reasons: (string | null)[] = [];
  const api = { writeNote: vi.fn<Write>(write) };
  const autosave = new Autosave(
    api,
    'a.md',
    'v0',
    'hello',
    () => text,
    (s) => states.push(s.kind),
    () => undefined,
    (reason) => reasons.push(reason),
  );
  return {
    api,
    autosave,
    states,
    reasons,
    type(more: string) {
      text += more;
      autosave.edited();
    },
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Autosave', () => {
  it('saves once, about a second after typing stops, with the version it was edited from', async () => {
    const s = setup(({ text }) => Promise.resolve({ version: `v-${text.length}` }));
    s.type(' w');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 100);
    s.type('orld');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 100);
    expect(s.api.writeNote).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(s.api.writeNote).toHaveBeenCalledTimes(1);
    expect(s.api.writeNote).toHaveBeenCalledWith({ path: 'a.md', text: 'hello world', baseVersion: 'v0' });
    expect(s.autosave.version).toBe('v-11');
    expect(s.autosave.dirty).toBe(false);
    expect(s.states).toEqual(['unsaved', 'unsaved', 'saving', 'saved']);
  });

  it('flush saves at once and the next write is based on the new version', async () => {
    const s = setup(({ text }) => Promise.resolve({ version: `v-${text.length}` }));
    s.type('!');
    await s.autosave.flush();
    s.type('?');
    await s.autosave.flush();
    expect(s.api.writeNote).toHaveBeenNthCalledWith(2, { path: 'a.md', text: 'hello!?', baseVersion: 'v-6' });
  });

  it('does not write when the text is back to what is saved', async () => {
    const s = setup(() => Promise.resolve({ version: 'v1' }));
    await s.autosave.flush();
    await vi.advanceTimersByTimeAsync(5000);
    expect(s.api.writeNote).not.toHaveBeenCalled();
  });

  it('keeps typing made during a save and saves it next', async () => {
    let release: (v: { version: string }) => void = () => undefined;
    const s = setup(() => new Promise((r) => (release = r)));
    s.type('1');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    s.type('2');
    release({ version: 'v1' });
    await vi.advanceTimersByTimeAsync(0);
    expect(s.autosave.dirty).toBe(true);
    expect(s.autosave.status.kind).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(s.api.writeNote).toHaveBeenLastCalledWith({ path: 'a.md', text: 'hello12', baseVersion: 'v1' });
  });

  it('a stale version becomes a conflict: edits kept, autosave stops until rebased', async () => {
    const s = setup(() => Promise.reject(new PlexusError('STALE_VERSION', 'changed on disk')));
    s.type('!');
    await s.autosave.flush();
    expect(s.autosave.status).toEqual({ kind: 'conflict', message: 'changed on disk' });
    expect(s.autosave.dirty).toBe(true);
    s.type('more');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 3);
    expect(s.api.writeNote).toHaveBeenCalledTimes(1);

    s.api.writeNote.mockImplementation(() => Promise.resolve({ version: 'v9' }));
    s.autosave.rebase('disk-version', 'theirs');
    await s.autosave.flush();
    expect(s.api.writeNote).toHaveBeenLastCalledWith({ path: 'a.md', text: 'hello!more', baseVersion: 'disk-version' });
    expect(s.autosave.status.kind).toBe('saved');
  });

  it('an I/O error is shown, the edits stay unsaved, and saving is retried', async () => {
    const s = setup(() => Promise.reject(new PlexusError('IO', 'Could not change "a.md": the disk is full.')));
    s.type('!');
    await s.autosave.flush();
    expect(s.autosave.status).toEqual({ kind: 'error', message: 'Could not change "a.md": the disk is full.' });
    expect(s.autosave.dirty).toBe(true);
    s.api.writeNote.mockImplementation(() => Promise.resolve({ version: 'v2' }));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(s.autosave.status.kind).toBe('saved');
  });
});

describe('Autosave conflicts raised while a save runs', () => {
  it('a save that then fails leaves the conflict showing, and is not retried', async () => {
    let fail: (error: Error) => void = () => undefined;
    const s = setup(() => new Promise((_, reject) => (fail = reject)));
    s.type('!');
    const saving = s.autosave.flush();
    s.autosave.conflict('"a.md" was replaced by a folder on disk');
    fail(new PlexusError('INVALID_ARGUMENT', '"a.md" is a folder, not a note.'));
    await saving;
    expect(s.autosave.status).toEqual({ kind: 'conflict', message: '"a.md" was replaced by a folder on disk' });
    await vi.advanceTimersByTimeAsync(RETRY_DELAY_MS * 2);
    expect(s.api.writeNote).toHaveBeenCalledTimes(1);
    expect(s.autosave.dirty).toBe(true);
  });
});

describe('Autosave failure notices', () => {
  const diskFull = new PlexusError('IO', 'Could not save "a.md". The disk is full; free some space and try again.');

  const failing = () => setup(() => Promise.reject(diskFull));

  it('tells once when saving starts failing, not on each retry, and once when it works again', async () => {
    const s = failing();
    s.type('!');
    await s.autosave.flush();
    expect(s.reasons).toEqual([diskFull.message]);
    s.type('?'); // typing while failing saves (and fails) again
    await vi.advanceTimersByTimeAsync(RETRY_DELAY_MS * 3);
    expect(s.api.writeNote.mock.calls.length).toBeGreaterThanOrEqual(4);
    expect(s.autosave.status.kind).toBe('error');
    expect(s.reasons).toEqual([diskFull.message]);
    s.api.writeNote.mockImplementation(() => Promise.resolve({ version: 'v1' }));
    await vi.advanceTimersByTimeAsync(RETRY_DELAY_MS);
    expect(s.autosave.status.kind).toBe('saved');
    expect(s.reasons).toEqual([diskFull.message, null]);
    // A later failure is a new run, told again.
    s.api.writeNote.mockImplementation(() => Promise.reject(diskFull));
    s.type('#');
    await s.autosave.flush();
    expect(s.reasons).toEqual([diskFull.message, null, diskFull.message]);
  });

  it('says nothing for a save refused because the note changed on disk, nor for saves that work', async () => {
    const s = failing();
    s.api.writeNote.mockImplementation(() => Promise.reject(new PlexusError('STALE_VERSION', 'changed on disk')));
    s.type('!');
    await s.autosave.flush();
    expect(s.autosave.status.kind).toBe('conflict');
    s.api.writeNote.mockImplementation(() => Promise.resolve({ version: 'v1' }));
    s.autosave.rebase('v1', 'hello');
    await s.autosave.flush();
    expect(s.reasons).toEqual([]);
  });
});

describe('saveNotice', () => {
  it('keeps a reason that names the note, and says the text is kept and saving retried', () => {
    expect(saveNotice('a.md', 'Could not save "a.md". The disk is full; free some space and try again.')).toEqual({
      kind: 'error',
      message:
        'Could not save "a.md". The disk is full; free some space and try again. ' +
        'Your text is kept in the editor; Plexus tries again every 5 seconds.',
    });
  });

  it('names the note when the reason does not, and says when it is saved again', () => {
    expect(saveNotice('n/b.md', 'Disconnected.').message).toMatch(
      /^Could not save "n\/b\.md": Disconnected\. Your text/,
    );
    expect(saveNotice('n/b.md', null)).toEqual({ kind: 'info', message: 'Saved "n/b.md".' });
  });
});

describe('Autosave conflicts resolved by editing', () => {
  it('stays in conflict, saving nothing, until the resolver says the edits settled it', async () => {
    let text = 'hello';
    const api = { writeNote: vi.fn(() => Promise.resolve({ version: 'v2' })) };
    const autosave = new Autosave(
      api,
      'a.md',
      'v1',
      'disk',
      () => text,
      () => undefined,
    );
    text = '<<<<<<< your edits\nmine\n=======\ndisk\n>>>>>>> on disk\n';
    autosave.conflict('changed on disk', () => !text.includes('<<<<<<<'));
    autosave.edited();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 3);
    await autosave.flush();
    expect(api.writeNote).not.toHaveBeenCalled();
    expect(autosave.status.kind).toBe('conflict');

    text = 'mine and disk\n';
    autosave.edited();
    expect(autosave.status.kind).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(api.writeNote).toHaveBeenCalledWith({ path: 'a.md', text: 'mine and disk\n', baseVersion: 'v1' });
    expect(autosave.status.kind).toBe('saved');
  });

  it('pauses again when the conflict comes back (its resolution undone), until settled again', async () => {
    let open = true;
    let text = 'with markers';
    const api = { writeNote: vi.fn(({ text }: { text: string }) => Promise.resolve({ version: `v-${text}` })) };
    const autosave = new Autosave(
      api,
      'a.md',
      'v1',
      'disk',
      () => text,
      () => undefined,
    );
    autosave.conflict('changed on disk', () => !open);
    open = false;
    text = 'settled';
    autosave.edited();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(api.writeNote).toHaveBeenCalledTimes(1);
    // Undo: the blocks are back. Nothing is saved, and the state says why.
    open = true;
    text = 'with markers';
    autosave.edited();
    expect(autosave.status).toEqual({ kind: 'conflict', message: 'changed on disk' });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 3);
    await autosave.flush();
    expect(api.writeNote).toHaveBeenCalledTimes(1);
    // Settled again, by editing.
    open = false;
    text = 'settled again';
    autosave.edited();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(api.writeNote).toHaveBeenLastCalledWith({ path: 'a.md', text: 'settled again', baseVersion: 'v-settled' });
  });

  it('a refused save tells the owner, who can merge the disk version in', async () => {
    const onStale = vi.fn();
    let text = 'hello';
    const api = { writeNote: vi.fn(() => Promise.reject(new PlexusError('STALE_VERSION', 'changed on disk'))) };
    const autosave = new Autosave(
      api,
      'a.md',
      'v1',
      'hello',
      () => text,
      () => undefined,
      onStale,
    );
    text = 'hello!';
    await autosave.flush();
    expect(onStale).toHaveBeenCalledTimes(1);
    expect(autosave.status.kind).toBe('conflict');
  });

  it('settled waits for a running save', async () => {
    let release: (v: { version: string }) => void = () => undefined;
    let text = 'hello';
    const api = { writeNote: vi.fn(() => new Promise<{ version: string }>((r) => (release = r))) };
    const autosave = new Autosave(
      api,
      'a.md',
      'v1',
      'hello',
      () => text,
      () => undefined,
    );
    text = 'hello!';
    void autosave.flush();
    let done = false;
    void autosave.settled().then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(false);
    release({ version: 'v2' });
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
    expect(autosave.version).toBe('v2');
  });
});

describe('Autosave with a TextSource (large notes)', () => {
  /** A source that counts whole-text reads and compares versions, as the editor's documents allow. */
  function counted(initial: string) {
    let text = initial;
    let version = 0;
    const reads = { whole: 0 };
    const versions = new Map<string, number>([[initial, 0]]);
    const source: TextSource = {
      text: () => {
        reads.whole++;
        return text;
      },
      mark: (of) => {
        const at = of === undefined ? version : (versions.get(of) ?? -1);
        return () => version === at;
      },
    };
    return {
      source,
      reads,
      set(next: string) {
        text = next;
        version = versions.get(next) ?? ++version;
        versions.set(next, version);
      },
    };
  }

  it('edits never read the whole text; only a save does', async () => {
    const api = { writeNote: vi.fn(() => Promise.resolve({ version: 'v1' })) };
    const src = counted('hello');
    const states: SaveState['kind'][] = [];
    const autosave = new Autosave(api, 'big.md', 'v0', 'hello', src.source, (s) => states.push(s.kind));
    for (const more of ['a', 'b', 'c']) {
      src.set(`hello${more}`);
      autosave.edited();
      expect(autosave.dirty).toBe(true);
    }
    expect(src.reads.whole).toBe(0);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(api.writeNote).toHaveBeenCalledWith({ path: 'big.md', text: 'helloc', baseVersion: 'v0' });
    expect(src.reads.whole).toBe(1);
    expect(autosave.dirty).toBe(false);
    expect(states.at(-1)).toBe('saved');
  });

  it('typing back to the saved text is clean again (no write)', async () => {
    const api = { writeNote: vi.fn(() => Promise.resolve({ version: 'v1' })) };
    const src = counted('hello');
    const autosave = new Autosave(api, 'big.md', 'v0', 'hello', src.source, () => undefined);
    src.set('hello!');
    autosave.edited();
    src.set('hello');
    autosave.edited();
    expect(autosave.dirty).toBe(false);
    await autosave.flush();
    expect(api.writeNote).not.toHaveBeenCalled();
  });
});

describe('read-only notes', () => {
  it('never write, never count as unsaved, and say why', async () => {
    const api = { writeNote: vi.fn(() => Promise.resolve({ version: 'v1' })) };
    let text = 'caf\uFFFD\n';
    const states: SaveState[] = [];
    const autosave = new Autosave(
      api,
      'latin1.md',
      'v0',
      text,
      () => text,
      (s) => states.push(s),
    );
    autosave.makeReadOnly('not valid UTF-8');
    expect(autosave.status).toEqual({ kind: 'read-only', message: 'not valid UTF-8' });
    // Even if the text changed somehow (it cannot in a read-only editor), nothing is written.
    text = 'caf?\n';
    autosave.edited();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 5);
    await autosave.flush();
    expect(api.writeNote).not.toHaveBeenCalled();
    expect(autosave.dirty).toBe(false);
    expect(autosave.readOnly).toBe(true);
    // A change on disk keeps it read-only.
    autosave.rebase('v2', 'other');
    autosave.conflict('changed on disk');
    expect(autosave.status.kind).toBe('read-only');
    expect(states.map((s) => s.kind)).toEqual(['read-only']);
  });
});
