import type { Data, Literal } from 'mdast';
import type { Extension } from 'mdast-util-from-markdown';

declare module 'mdast' {
  /**
   * An Obsidian comment, `%% … %%`, inline or as a block. Its `value` is the hidden text. A
   * renderer must drop it: mdast-util-to-hast would otherwise show an unknown literal as text.
   */
  interface Comment extends Literal {
    type: 'comment';
    data?: Data | undefined;
  }

  interface RootContentMap {
    comment: Comment;
  }

  interface BlockContentMap {
    comment: Comment;
  }

  interface PhrasingContentMap {
    comment: Comment;
  }
}

/** The mdast-util-from-markdown extension turning `commentSyntax()` tokens into `comment` nodes. */
export function commentFromMarkdown(): Extension {
  return {
    enter: {
      comment(token) {
        this.enter({ type: 'comment', value: '' }, token);
      },
    },
    exit: {
      comment(token) {
        const node = this.stack[this.stack.length - 1];
        if (node?.type === 'comment') node.value = innerText(this.sliceSerialize(token));
        this.exit(token);
      },
    },
  };
}

/** The text between the opening `%%` and the first `%%` after it (or the end, unclosed). */
function innerText(raw: string): string {
  const inner = raw.slice(2);
  const close = inner.indexOf('%%');
  return close === -1 ? inner : inner.slice(0, close);
}
