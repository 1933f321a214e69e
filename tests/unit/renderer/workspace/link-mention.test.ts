import { describe, expect, it } from 'vitest';
import type { Mention } from '../../../../shared/api';
import { mentionLinkTarget, withMentionLinked } from '../../../../renderer/src/workspace/link-mention';

const mention = (text: string, matched: string, tableRow = false): Mention => {
  const start = text.indexOf(matched);
  return {
    source: 's.md',
    line: 0,
    start,
    end: start + matched.length,
    matched,
    tableRow,
    context: { text, start, end: start + matched.length },
  };
};

describe('linking a mention', () => {
  it('writes the file name when it leads to the target, else the path', () => {
    expect(mentionLinkTarget('projects/Alpha.md', 'projects/Alpha.md')).toBe('Alpha');
    expect(mentionLinkTarget('projects/Alpha.md', 'other/Alpha.md')).toBe('projects/Alpha');
    expect(mentionLinkTarget('projects/Alpha.md', null)).toBe('projects/Alpha');
  });

  it('keeps the visible text and the rest of the note', () => {
    const text = 'We met alpha today.';
    expect(withMentionLinked(text, mention(text, 'alpha'), 'Alpha')).toBe('We met [[Alpha|alpha]] today.');
    const row = '| alpha | 1 |';
    expect(withMentionLinked(row, mention(row, 'alpha', true), 'Alpha')).toBe('| [[Alpha\\|alpha]] | 1 |');
  });
});
