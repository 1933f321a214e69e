import type { PlexusClient } from '../../../shared/rpc/client';
import type { LinkRef } from '../../../shared/note-meta';
import { errorMessage, notify } from '../chrome/notices';
import type { EditorLink } from '../editor/editor-link';
import type { FollowOptions } from '../reading/reading-view';
import type { NewNotes } from '../pickers/new-notes';
import { headingsOf, linkReveal, type OpenOptions } from './open-options';
import type { VaultFileList } from '../file-tree/vault-file-list';

/** What following links needs of the window. */
export type LinkFollowingHost = {
  api: PlexusClient;
  files: VaultFileList;
  newNotes: NewNotes;
  open(path: string, options: OpenOptions): Promise<void>;
};

/** A link as followed: the note it names (resolved from where it is written) and where in it. */
export type FollowedLink = Pick<LinkRef, 'target' | 'headings' | 'block'>;

/** An editor's link as followed. */
export function editorLinkRef(link: Pick<EditorLink, 'target' | 'heading' | 'block'>): FollowedLink {
  return { target: link.target, headings: headingsOf(link.heading), block: link.block };
}

/** A link clicked in rendered markdown, as written (`note`, `note#h`, `#^block`), as followed. */
export function writtenLinkRef(target: string, follow: Pick<FollowOptions, 'heading' | 'block'>): FollowedLink {
  return { target, headings: headingsOf(follow.heading), block: follow.block };
}

/** Follows links: opens the note one leads to (at its heading or block), or creates it. */
export class LinkFollower {
  constructor(private readonly host: LinkFollowingHost) {}

  /** Follows a link written in `from`: opens its note (at its heading or block), or creates it. */
  async follow(link: FollowedLink, from: string, newTab = false): Promise<void> {
    const { api } = this.host;
    const reveal = linkReveal(link);
    if (link.target === '') return this.host.open(from, { reveal });
    try {
      const [resolved] = await api.resolveLinks({ from, targets: [link.target] });
      if (resolved) return await this.host.open(resolved, { newTab, reveal });
      const path = this.host.newNotes.pathFor(link.target, from);
      const created = await api.createNote({ path, text: '' });
      notify(`Created "${created.path}".`);
      await this.host.files.refresh();
      await this.host.open(created.path, { newTab });
    } catch (error) {
      notify(errorMessage(error), 'error');
    }
  }
}
