import { describe, it, expect } from 'vitest';
import { decodeNote, decodeNoteLossy, DEFAULT_FORMAT, encodeNote } from '../../../../vault/files/text-format';

const enc = (text: string) => new TextEncoder().encode(text);
const bytes = (...values: number[]) => Uint8Array.from(values);
const BOM_BYTES = [0xef, 0xbb, 0xbf];

/** decode → encode with the detected format, as a save of an unedited note does. */
function roundTrip(input: Uint8Array): Uint8Array {
  const decoded = decodeNote(input);
  if (!decoded) throw new Error('expected the bytes to decode');
  return encodeNote(decoded.text, decoded.format);
}

describe('decodeNote', () => {
  it('keeps an LF note as is', () => {
    expect(decodeNote(enc('# Title\n\nBody\n'))).toEqual({
      text: '# Title\n\nBody\n',
      format: { bom: false, eol: '\n' },
    });
  });

  it('turns CRLF into LF and remembers CRLF', () => {
    expect(decodeNote(enc('# Title\r\n\r\nBody\r\n'))).toEqual({
      text: '# Title\n\nBody\n',
      format: { bom: false, eol: '\r\n' },
    });
  });

  it('strips a UTF-8 BOM and remembers it', () => {
    const decoded = decodeNote(bytes(...BOM_BYTES, ...enc('# BOM\n')));
    expect(decoded).toEqual({ text: '# BOM\n', format: { bom: true, eol: '\n' } });
    expect(decoded?.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('strips only one BOM (a second U+FEFF is content)', () => {
    const decoded = decodeNote(bytes(...BOM_BYTES, ...BOM_BYTES, ...enc('x')));
    expect(decoded?.text).toBe('\uFEFFx');
    expect(decoded?.format.bom).toBe(true);
  });

  it('handles BOM and CRLF together', () => {
    expect(decodeNote(bytes(...BOM_BYTES, ...enc('a\r\nb\r\n')))).toEqual({
      text: 'a\nb\n',
      format: { bom: true, eol: '\r\n' },
    });
  });

  it('decodes multi-byte UTF-8', () => {
    expect(decodeNote(enc('café – 日本語 – 🙂\n'))?.text).toBe('café – 日本語 – 🙂\n');
  });

  it('decodes an empty file as empty text in the default format', () => {
    expect(decodeNote(new Uint8Array(0))).toEqual({ text: '', format: DEFAULT_FORMAT });
  });

  it('decodes a file holding only a BOM as empty text with a BOM', () => {
    expect(decodeNote(bytes(...BOM_BYTES))).toEqual({ text: '', format: { bom: true, eol: '\n' } });
  });

  it('treats text without any line break as LF', () => {
    expect(decodeNote(enc('one line'))?.format.eol).toBe('\n');
  });

  describe('mixed line endings: the majority wins', () => {
    it('mostly CRLF → CRLF, every line break becomes LF in the text', () => {
      const decoded = decodeNote(enc('a\r\nb\r\nc\nd\r\n'));
      expect(decoded).toEqual({ text: 'a\nb\nc\nd\n', format: { bom: false, eol: '\r\n' } });
    });

    it('mostly LF → LF', () => {
      const decoded = decodeNote(enc('a\nb\nc\r\nd\n'));
      expect(decoded).toEqual({ text: 'a\nb\nc\nd\n', format: { bom: false, eol: '\n' } });
    });

    it('a save writes the majority ending everywhere (CRLF majority)', () => {
      expect(roundTrip(enc('a\r\nb\r\nc\n'))).toEqual(enc('a\r\nb\r\nc\r\n'));
    });

    it('a save writes the majority ending everywhere (LF majority)', () => {
      expect(roundTrip(enc('a\nb\nc\r\n'))).toEqual(enc('a\nb\nc\n'));
    });
  });

  describe('refuses bytes that are not UTF-8 (null, never lossy)', () => {
    it.each([
      ['a lone 0xFF', [0x61, 0xff, 0x62]],
      ['a truncated 3-byte sequence', [0x61, 0xe2, 0x82]],
      ['an overlong encoding of "/"', [0xc0, 0xaf]],
      ['a UTF-16 surrogate encoded as UTF-8', [0xed, 0xa0, 0x80]],
      ['Latin-1 "café"', [0x63, 0x61, 0x66, 0xe9]],
      ['a UTF-16LE BOM', [0xff, 0xfe, 0x61, 0x00]],
    ])('%s', (_name, values) => {
      expect(decodeNote(bytes(...values))).toBeNull();
    });

    it('still decodes valid bytes after refusing invalid ones (no decoder state left behind)', () => {
      expect(decodeNote(bytes(0x61, 0xe2, 0x82))).toBeNull();
      expect(decodeNote(enc('€'))?.text).toBe('€');
    });
  });
});

describe('encodeNote', () => {
  it('writes LF text unchanged in the default format', () => {
    expect(encodeNote('a\nb\n', DEFAULT_FORMAT)).toEqual(enc('a\nb\n'));
  });

  it('DEFAULT_FORMAT is LF without BOM', () => {
    expect(DEFAULT_FORMAT).toEqual({ bom: false, eol: '\n' });
  });

  it('writes CRLF for a CRLF note', () => {
    expect(encodeNote('a\nb\n', { bom: false, eol: '\r\n' })).toEqual(enc('a\r\nb\r\n'));
  });

  it('does not double CRs when the text already has CRLF', () => {
    expect(encodeNote('a\r\nb\n', { bom: false, eol: '\r\n' })).toEqual(enc('a\r\nb\r\n'));
  });

  it('prepends a BOM for a BOM note', () => {
    expect(encodeNote('x\n', { bom: true, eol: '\n' })).toEqual(bytes(...BOM_BYTES, ...enc('x\n')));
  });

  it('encodes empty text as zero bytes (no BOM)', () => {
    expect(encodeNote('', DEFAULT_FORMAT)).toHaveLength(0);
  });
});

describe('round trips are byte-identical', () => {
  it.each([
    ['LF', enc('# Title\n\nBody text.\n')],
    ['CRLF', enc('# CRLF\r\n\r\nWindows line endings.\r\n')],
    ['CRLF without a final newline', enc('a\r\nb')],
    ['BOM + LF', bytes(...BOM_BYTES, ...enc('# BOM\n\nbody\n'))],
    ['BOM + CRLF', bytes(...BOM_BYTES, ...enc('# BOM\r\nbody\r\n'))],
    ['empty', new Uint8Array(0)],
    ['only a BOM', bytes(...BOM_BYTES)],
    ['multi-byte characters', enc('日本語\r\n🙂\r\n')],
    ['a lone CR inside an LF note', enc('a\rb\nc\n')],
    ['a lone CR inside a CRLF note', enc('a\rb\r\nc\r\n')],
  ])('%s', (_name, input) => {
    expect(roundTrip(input)).toEqual(input);
  });
});

describe('decodeNoteLossy (read-only view of bytes that are not UTF-8)', () => {
  it('replaces each bad sequence with U+FFFD and keeps the rest', () => {
    expect(decodeNoteLossy(bytes(0x63, 0x61, 0x66, 0xe9, 0x0a)).text).toBe('caf\uFFFD\n');
    expect(decodeNoteLossy(bytes(0x61, 0xe2, 0x82)).text).toBe('a\uFFFD');
  });

  it('strips a BOM and turns CRLF into LF, as decodeNote does', () => {
    expect(decodeNoteLossy(bytes(...BOM_BYTES, 0xe9, 0x0d, 0x0a, 0x62, 0x0d, 0x0a))).toEqual({
      text: '\uFFFD\nb\n',
      format: { bom: true, eol: '\r\n' },
    });
  });

  it('gives the same result as decodeNote for valid UTF-8', () => {
    const input = bytes(...BOM_BYTES, ...enc('café\r\n日本語\r\n'));
    expect(decodeNoteLossy(input)).toEqual(decodeNote(input));
  });

  it('leaves the strict decoder strict afterwards', () => {
    decodeNoteLossy(bytes(0xff));
    expect(decodeNote(bytes(0xff))).toBeNull();
  });
});
