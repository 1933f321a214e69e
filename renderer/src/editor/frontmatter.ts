import { tags as t } from '@lezer/highlight';
import type { MarkdownConfig } from '@lezer/markdown';

const FENCE = /^(---|\.\.\.)\s*$/;

/**
 * YAML frontmatter (a `---` block on the note's first line) as one node, so the editor shows it
 * as metadata rather than as a rule and a list. An unclosed block runs to the end of the note.
 */
export const frontmatter: MarkdownConfig = {
  defineNodes: [{ name: 'Frontmatter', block: true, style: t.meta }],
  parseBlock: [
    {
      name: 'Frontmatter',
      before: 'HorizontalRule',
      parse(cx, line) {
        if (cx.lineStart !== 0 || !/^---\s*$/.test(line.text)) return false;
        let end = cx.lineStart + line.text.length;
        while (cx.nextLine()) {
          end = cx.lineStart + line.text.length;
          if (FENCE.test(line.text)) {
            cx.nextLine();
            break;
          }
        }
        cx.addElement(cx.elt('Frontmatter', 0, end));
        return true;
      },
    },
  ],
};
