import type { Extension } from '@codemirror/state';
import { comments } from './comments';
import { headings } from './headings';
import { inlineMarks } from './inline-marks';
import { links, type LivePreviewLinkOptions } from './links';
import { listMarkers } from './list-markers';
import { quoteRuleBreak } from './quote-rule-break';
import { tags } from './tags';
import { livePreviewTheme } from './theme';

export { livePreviewTheme } from './theme';
export { toggleTask } from './list-markers';
export type { LivePreviewLinkOptions } from './links';

export type LivePreviewInlineOptions = LivePreviewLinkOptions & {
  /** A tag was clicked (its text without `#`, e.g. `nested/tag`): open search for `tag:#…`. */
  onTag?(tag: string): void;
};

/**
 * Live Preview's inline part, for the editor's markdown (`noteMarkdown()`): headings, emphasis,
 * code, highlights, links, list markers and tasks, quotes, rules, `<br>`, comments and tags,
 * each with its markup hidden unless the selection touches it (reveal.ts). Only decorations: the
 * text is changed by nothing here but a task checkbox's click.
 *
 * No `EditorView.atomicRanges`: every hidden range is revealed as soon as the cursor reaches its
 * edge (inline elements) or its line (block markers), so the cursor never stands inside invisible
 * text, and arrow keys step through the source one character at a time as Obsidian's do.
 */
export function livePreviewInline(options: LivePreviewInlineOptions): Extension {
  return [
    headings(),
    inlineMarks(),
    links(options),
    listMarkers(),
    quoteRuleBreak(),
    comments(),
    tags(options.onTag ? (tag) => options.onTag?.(tag) : undefined),
    livePreviewTheme,
  ];
}
