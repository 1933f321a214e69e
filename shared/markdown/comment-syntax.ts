import type { Code, Construct, Effects, Extension, State, TokenizeContext, Tokenizer } from 'micromark-util-types';
import { markdownLineEnding, markdownSpace } from 'micromark-util-character';
import { codes } from 'micromark-util-symbol';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    /** A whole `%% … %%` comment. */
    comment: 'comment';
    /** `%%`, opening or closing. */
    commentMarker: 'commentMarker';
    /** Comment text on one line. */
    commentValue: 'commentValue';
  }
}

/**
 * A micromark syntax extension for Obsidian comments, `%% hidden %%`: text that is neither
 * rendered nor indexed (so `[[links]]` and `#tags` inside do not count).
 *
 * Obsidian hides everything from one `%%` to the next. Two constructs approximate that while
 * keeping code spans and fenced code authoritative:
 * - inline, `%%…%%` inside a paragraph (it may span the paragraph's lines); an unclosed `%%` is
 *   plain text;
 * - a block, starting at a line that begins with `%%` and does not close and continue on that
 *   same line; it runs to the line holding the next `%%` (the rest of that line is hidden too)
 *   or, unclosed, to the end of its container, as Obsidian hides the rest of the note. It may
 *   interrupt a paragraph, because notes often put `%%` on the line right after text.
 * A block is always preferred when the opening line allows one, so `%% note %%` alone on a line
 * is a block rather than an empty paragraph.
 */
export function commentSyntax(): Extension {
  return {
    flow: { [codes.percentSign]: { name: 'commentFlow', concrete: true, tokenize: tokenizeCommentFlow } },
    text: { [codes.percentSign]: { name: 'commentText', tokenize: tokenizeCommentText } },
  };
}

/** Succeeds at `%%`. */
const closingMarker: Construct = { partial: true, tokenize: tokenizeClosingMarker };

/** Succeeds at a line ending followed by a line that is not lazy (still inside our container). */
const nonLazyContinuation: Construct = { partial: true, tokenize: tokenizeNonLazyContinuation };

function tokenizeCommentFlow(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  // Set (on a derived context) when this runs only to see whether it may interrupt a paragraph.
  const interrupt = this.interrupt === true;
  return start;

  function start(code: Code): State | undefined {
    if (code !== codes.percentSign) return nok(code);
    effects.enter('comment');
    return openMarker(code, firstLine);
  }

  /** Consumes `%%` as a marker token, then continues at `next`. */
  function openMarker(code: Code, next: State): State | undefined {
    effects.enter('commentMarker');
    effects.consume(code);
    return (second: Code) => {
      if (second !== codes.percentSign) return nok(second);
      effects.consume(second);
      effects.exit('commentMarker');
      return next;
    };
  }

  function firstLine(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) {
      return interrupt ? ok(code) : effects.check(nonLazyContinuation, lineBreak, after)(code);
    }
    if (code === codes.percentSign) return effects.check(closingMarker, firstLineClose, firstLineValue)(code);
    return firstLineValue(code);
  }

  function firstLineValue(code: Code): State | undefined {
    effects.enter('commentValue');
    return valueUntil(firstLine)(code);
  }

  /** `%% … %%` on one line is a block only when nothing but spaces follows. */
  function firstLineClose(code: Code): State | undefined {
    return openMarker(code, trailingSpace);
  }

  function trailingSpace(code: Code): State | undefined {
    if (markdownSpace(code)) {
      effects.enter('commentValue');
      return trailingSpaceData(code);
    }
    return code === codes.eof || markdownLineEnding(code) ? after(code) : nok(code);
  }

  function trailingSpaceData(code: Code): State | undefined {
    if (markdownSpace(code)) {
      effects.consume(code);
      return trailingSpaceData;
    }
    effects.exit('commentValue');
    return code === codes.eof || markdownLineEnding(code) ? after(code) : nok(code);
  }

  function lineBreak(code: Code): State | undefined {
    effects.enter('lineEnding');
    effects.consume(code);
    effects.exit('lineEnding');
    return line;
  }

  /** In a later line, at its start or after a lone `%`. */
  function line(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code))
      return effects.check(nonLazyContinuation, lineBreak, after)(code);
    if (code === codes.percentSign) return effects.check(closingMarker, lineClose, lineValue)(code);
    return lineValue(code);
  }

  function lineValue(code: Code): State | undefined {
    effects.enter('commentValue');
    return valueUntil(line)(code);
  }

  /**
   * Consumes the current code (never a line ending), then more up to a line ending or `%`, and
   * returns to `next` there. Keeps each value token non-empty.
   */
  function valueUntil(next: State): State {
    const value = (code: Code): State | undefined => {
      if (code === codes.eof || markdownLineEnding(code) || code === codes.percentSign) {
        effects.exit('commentValue');
        return next(code);
      }
      effects.consume(code);
      return value;
    };
    return (code) => {
      effects.consume(code);
      return value;
    };
  }

  /** The closing `%%`: the rest of its line is hidden with it (a block must end at a line end). */
  function lineClose(code: Code): State | undefined {
    return openMarker(code, rest);
  }

  function rest(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) return after(code);
    effects.enter('commentValue');
    return restData(code);
  }

  function restData(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) {
      effects.exit('commentValue');
      return after(code);
    }
    effects.consume(code);
    return restData;
  }

  function after(code: Code): State | undefined {
    effects.exit('comment');
    return ok(code);
  }
}

const tokenizeCommentText: Tokenizer = function (effects, ok, nok) {
  return start;

  function start(code: Code): State | undefined {
    if (code !== codes.percentSign) return nok(code);
    effects.enter('comment');
    effects.enter('commentMarker');
    effects.consume(code);
    return openSecond;
  }

  function openSecond(code: Code): State | undefined {
    if (code !== codes.percentSign) return nok(code);
    effects.consume(code);
    effects.exit('commentMarker');
    return inside;
  }

  function inside(code: Code): State | undefined {
    if (code === codes.eof) return nok(code);
    if (markdownLineEnding(code)) {
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      return inside;
    }
    if (code === codes.percentSign) return effects.check(closingMarker, close, valueStart)(code);
    return valueStart(code);
  }

  function valueStart(code: Code): State | undefined {
    effects.enter('commentValue');
    effects.consume(code);
    return value;
  }

  function value(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code) || code === codes.percentSign) {
      effects.exit('commentValue');
      return inside(code);
    }
    effects.consume(code);
    return value;
  }

  function close(code: Code): State | undefined {
    effects.enter('commentMarker');
    effects.consume(code);
    return closeSecond;
  }

  function closeSecond(code: Code): State | undefined {
    effects.consume(code);
    effects.exit('commentMarker');
    effects.exit('comment');
    return ok;
  }
};

function tokenizeClosingMarker(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  return start;

  function start(code: Code): State | undefined {
    if (code !== codes.percentSign) return nok(code);
    effects.enter('commentMarker');
    effects.consume(code);
    return second;
  }

  function second(code: Code): State | undefined {
    if (code !== codes.percentSign) return nok(code);
    effects.consume(code);
    effects.exit('commentMarker');
    return ok;
  }
}

function tokenizeNonLazyContinuation(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const lazy = (): boolean => this.parser.lazy[this.now().line] === true;
  return start;

  function start(code: Code): State | undefined {
    if (code === codes.eof) return nok(code);
    effects.enter('lineEnding');
    effects.consume(code);
    effects.exit('lineEnding');
    return after;
  }

  function after(code: Code): State | undefined {
    return lazy() ? nok(code) : ok(code);
  }
}
