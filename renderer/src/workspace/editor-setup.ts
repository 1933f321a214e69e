import { Prec, type Extension } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import type { PlexusClient } from '../../../shared/rpc/client';
import type { NoteMeta } from '../../../shared/note-meta';
import { VAULT_FILE_SCHEME, vaultFileUrl } from '../../../shared/vault-file-url';
import { openExternal } from '../chrome/open-external';
import type { EditorLink } from '../editor/editor-link';
import { linkPreview, type PreviewOptions } from '../editor/hover-preview';
import { linkCompletion } from '../editor/link-completion';
import { followLinkAtCursor, followLinkAtCursorInNewTab, linkDecorations } from '../editor/link-decorations';
import { isLargeNote } from '../editor/note-editor';
import { isNote } from '../file-tree/file-tree-model';
import { livePreviewInline } from '../live-preview';
import { livePreviewBlocks } from '../live-preview/blocks';
import { renderMarkdown } from '../render/render-markdown';
import type { FollowOptions } from '../reading/reading-view';
import { RenderClient } from '../reading/render-client';
import { conflictMarkers } from '../saving/conflict-markers';
import { vaultFileKey } from '../transport/connect';

/** How much of a large note a hover preview or an embed renders. */
const PREVIEW_CHARS = 200_000;

/** What the editor's and the reading view's links need of the window. */
export type LinkHost = {
  api: PlexusClient;
  /** Which host serves the page (its images come from different URLs). */
  host(): 'electron' | 'browser';
  /** The note in the editor, if any. */
  currentPath(): string | null;
  /** The editor's text (the open note as typed). */
  currentText(): string;
  /** Recently opened notes, most recent first. */
  recent: string[];
  /** Whether single newlines join (CommonMark) in rendered notes: the vault's setting, else app.json. */
  strictLineBreaks(): boolean;
  /** A link in rendered markdown (a preview or the reading view) was clicked. */
  followWritten(target: string, follow: FollowOptions): void;
  /** A link in the editor was followed. */
  followEditorLink(link: EditorLink, newTab: boolean): void;
  /** A tag was clicked, in the editor or rendered markdown (its text without `#`). */
  openTag(tag: string): void;
};

/** How notes render in the app: links followed and opened outside through the window. */
export type AppRenderOptions = PreviewOptions & Required<Pick<PreviewOptions, 'onFollow' | 'onExternal'>>;

/**
 * How notes are rendered for previews, embeds and the reading view: in a worker, with a time
 * budget, so that pathological markdown cannot freeze the window.
 */
export function renderOptions(host: LinkHost): AppRenderOptions {
  const renderer = new RenderClient();
  return {
    // Every rendering (reading view, previews, embeds, Live Preview blocks) asks at render time,
    // so the line-break setting changed from the palette applies to the next one drawn.
    render: (text, options, signal) =>
      renderer.render(
        text,
        { ...options, strictLineBreaks: options.strictLineBreaks ?? host.strictLineBreaks() },
        signal,
      ),
    resolve: (targets, from) => host.api.resolveLinks({ from, targets }),
    loadNote: (target, from) => loadLinked(host, target, from),
    imageUrl: (path) => vaultFileUrl(path, { host: host.host(), key: vaultFileKey() }),
    imageProtocols: [VAULT_FILE_SCHEME],
    onFollow: (target, follow) => host.followWritten(target, follow),
    onExternal: openExternal,
    onTag: (tag) => host.openTag(tag),
  };
}

/** The editor's extensions for links: previews, completion, styling and following, and conflicts. */
export function linkExtensions(host: LinkHost, render: PreviewOptions): Extension[] {
  const { api } = host;
  return [
    linkPreview({ ...render, path: () => host.currentPath() ?? '' }),
    linkCompletion({
      suggest: (query) => api.suggestNotes({ query, limit: 30, recent: host.recent }),
      headings: async (target) => (await metaOf(host, target))?.headings.map((h) => h.text) ?? [],
      blocks: async (target) => (await metaOf(host, target))?.blocks.map((b) => b.id) ?? [],
      currentPath: () => host.currentPath(),
    }),
    linkDecorations({
      // From the note the editor state holds, not whichever is open by the time this is asked.
      resolve: (targets, from) => api.resolveLinks({ from, targets }),
      onFollow: (link, newTab) => host.followEditorLink(link, newTab),
      onExternal: openExternal,
    }),
    conflictMarkers(),
    // Above the default keymap, which binds Mod-Enter to inserting a blank line.
    Prec.high(
      keymap.of([
        { key: 'Mod-Enter', run: followLinkAtCursor },
        { key: 'Mod-Shift-Enter', run: followLinkAtCursorInNewTab },
      ]),
    ),
  ];
}

/** The index's facts about the note `target` leads to from the open note (null: the open note). */
async function metaOf(host: LinkHost, target: string | null): Promise<NoteMeta | null> {
  const from = host.currentPath();
  if (from === null) return null;
  const [path] = target === null ? [from] : await host.api.resolveLinks({ from, targets: [target] });
  return path ? host.api.noteMeta({ path }).catch(() => null) : null;
}

/** A linked note's text for embeds and previews; null when the link leads nowhere or to no note. */
async function loadLinked(
  host: LinkHost,
  target: string,
  from: string,
): Promise<{ path: string; text: string } | null> {
  const [path] = await host.api.resolveLinks({ from, targets: [target] });
  if (!path || !isNote(path)) return null;
  // The open note is previewed as typed, not as last saved.
  const note =
    path === host.currentPath()
      ? { path, text: host.currentText() }
      : await host.api.readNote({ path }).catch(() => null);
  // Rendering megabytes of markdown in a preview would freeze the window: the start is enough.
  return note && { path: note.path, text: isLargeNote(note.text) ? note.text.slice(0, PREVIEW_CHARS) : note.text };
}

/**
 * Live Preview: markup hidden off the cursor, and links, callouts, tables, embeds and math
 * rendered in place through the same sanitizing renderer (in its worker, with its time budget)
 * as the reading view.
 */
export function livePreviewExtensions(host: LinkHost, render: AppRenderOptions): Extension {
  const onTag = (tag: string) => host.openTag(tag);
  const renderer = render.render ?? renderMarkdown;
  // Rendered as part of the open note: its links resolve from it, and no properties table.
  const options = () => ({ ...render, path: host.currentPath() ?? undefined, properties: false });
  return [
    livePreviewInline({
      onFollow: (link, newTab) => host.followEditorLink(link, newTab),
      onExternal: openExternal,
      onTag,
    }),
    livePreviewBlocks({
      renderMarkdown: (markdown, signal) => renderer(markdown, options(), signal),
      renderEmbed: (embed, signal) => renderer(embed.source, options(), signal),
      onFollow: (target, follow) => render.onFollow(target, follow),
      onExternal: openExternal,
      onTag,
    }),
  ];
}
