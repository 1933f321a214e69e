import type { Mention } from '../../../shared/api';
import type { PlexusClient } from '../../../shared/rpc/client';
import { baseName } from '../../../shared/paths';
import { wikiLinkText } from '../../../shared/wiki-link-text';
import { errorMessage, notify } from '../chrome/notices';

/**
 * What a link to `target` is written as: its file name when that leads there from the mention's
 * note (`resolved`), else its path (without `.md` either way).
 */
export function mentionLinkTarget(target: string, resolved: string | null | undefined): string {
  const name = baseName(target).replace(/\.md$/i, '');
  return resolved === target ? name : target.replace(/\.md$/i, '');
}

/** The note's text with the mention made a link to `linkTarget` (the visible text stays). */
export function withMentionLinked(text: string, mention: Mention, linkTarget: string): string {
  const link = wikiLinkText(linkTarget, mention.matched, mention.tableRow);
  return text.slice(0, mention.start) + link + text.slice(mention.end);
}

/**
 * Turns a plain-text mention into `[[file-name|mention]]` (`\|` in a table row; the visible
 * text stays), written against the version just read so a note changed meanwhile is never
 * overwritten. `flush` saves the open note first (it may be the mention's).
 */
export async function linkMention(
  api: PlexusClient,
  flush: () => Promise<void>,
  mention: Mention,
  target: string,
): Promise<void> {
  try {
    await flush();
    const note = await api.readNote({ path: mention.source });
    if (note.readOnly) {
      notify(`"${baseName(mention.source)}" is read-only: ${note.readOnly.reason}`, 'error');
      return;
    }
    if (note.text.slice(mention.start, mention.end) !== mention.matched) {
      notify(`"${baseName(mention.source)}" changed since the mention was found; look again.`, 'error');
      return;
    }
    const name = baseName(target).replace(/\.md$/i, '');
    const [resolved] = await api.resolveLinks({ from: mention.source, targets: [name] });
    const text = withMentionLinked(note.text, mention, mentionLinkTarget(target, resolved));
    await api.writeNote({ path: mention.source, text, baseVersion: note.version });
  } catch (error) {
    notify(errorMessage(error), 'error');
  }
}
