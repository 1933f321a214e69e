import type { EditorState } from '@codemirror/state';

/** A link as written in the editor's text: where it is and what it points at. */
export type EditorLink = {
  from: number;
  to: number;
  style: 'wiki' | 'markdown';
  embed: boolean;
  /** The note part, trimmed and decoded ("" for a same-note link like `[[#Heading]]`). */
  target: string;
  /** Heading path after `#` (joined with "#" for nested), null when none. */
  heading: string | null;
  /** Block id after `#^`, null when none. */
  block: string | null;
  alias: string | null;
};

/** The link under `pos`, or null (to be built: issue 4 — links in code are not links). */
export function linkAt(state: EditorState, pos: number): EditorLink | null {
  void state;
  void pos;
  return null;
}
