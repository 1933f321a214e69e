import type {
  Code,
  Construct,
  Effects,
  Extension,
  Point,
  State,
  TokenizeContext,
  Tokenizer,
} from 'micromark-util-types';
import { markdownLineEnding } from 'micromark-util-character';
import { codes } from 'micromark-util-symbol';
import { splitLinkDestination } from './link-destination';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    /** A whole `[[…]]` or `![[…]]`. */
    wikiLink: 'wikiLink';
    /** The `!` of an embed. */
    wikiLinkEmbedMarker: 'wikiLinkEmbedMarker';
    /** `[[` or `]]`. */
    wikiLinkMarker: 'wikiLinkMarker';
    /** Everything before the first `|`: `target#heading#^block`, untrimmed. */
    wikiLinkDestination: 'wikiLinkDestination';
    /** The first `|`, or `\|` (the escaped form used inside table cells). */
    wikiLinkAliasMarker: 'wikiLinkAliasMarker';
    /** Everything after the alias marker, untrimmed; absent when empty. */
    wikiLinkAlias: 'wikiLinkAlias';
  }
}

/**
 * A micromark syntax extension for Obsidian-style wiki links, `[[target#heading|alias]]`, and
 * embeds, `![[target]]`.
 *
 * The rules (see design.md, "Link semantics"):
 * - the content runs to the first `]]` on the same line, so `[[Sq]uare]]` links to `Sq]uare`;
 * - the first `|` splits destination from alias, later ones belong to the alias;
 * - `\|` also splits, because a table cell needs its `|` escaped (`[[a\|b]]`), and a target can
 *   never end in `\` (not a valid file name character), so reading it as an escape is safe
 *   everywhere, not only in tables;
 * - the destination must name something (a target, a heading or a block): `[[]]`, `[[ ]]`,
 *   `[[|x]]` and `[[#]]` are plain text;
 * - no line endings inside.
 *
 * It runs before CommonMark's label constructs for `[` and `!`, so `[[a]]` never becomes a
 * reference link; a backslash-escaped `\[[` is consumed by the character escape before this
 * construct sees the second `[`, so it stays text. Contents are not parsed further: code, URLs
 * and emphasis markers inside a wiki link are part of its target or alias.
 */
export function wikiLinkSyntax(): Extension {
  return {
    text: {
      [codes.leftSquareBracket]: { name: 'wikiLink', tokenize: tokenizeWikiLink(false) },
      [codes.exclamationMark]: { name: 'wikiLinkEmbed', tokenize: tokenizeWikiLink(true) },
    },
  };
}

/** Succeeds at `]]`; used with `check` so a lone `]` can stay part of the content. */
const closingMarker: Construct = {
  partial: true,
  tokenize: tokenizeTwo(codes.rightSquareBracket, codes.rightSquareBracket),
};

/** Succeeds at `\|`; used with `check` so any other backslash stays part of the content. */
const escapedAliasMarker: Construct = { partial: true, tokenize: tokenizeTwo(codes.backslash, codes.verticalBar) };

function tokenizeWikiLink(embed: boolean): Tokenizer {
  return function tokenize(this: TokenizeContext, effects, ok, nok) {
    let destinationStart: Point | undefined;
    /** Whether the destination read so far links to anything, judged as the mdast step will read it. */
    const destinationNamesSomething = (): boolean => {
      if (!destinationStart) return false;
      const { target, headings, block } = splitLinkDestination(
        this.sliceSerialize({ start: destinationStart, end: this.now() }),
      );
      return target !== '' || headings.length > 0 || block !== null;
    };
    return start;

    function start(code: Code): State | undefined {
      effects.enter('wikiLink');
      if (embed) {
        if (code !== codes.exclamationMark) return nok(code);
        effects.enter('wikiLinkEmbedMarker');
        effects.consume(code);
        effects.exit('wikiLinkEmbedMarker');
        return openFirst;
      }
      return openFirst(code);
    }

    function openFirst(code: Code): State | undefined {
      if (code !== codes.leftSquareBracket) return nok(code);
      effects.enter('wikiLinkMarker');
      effects.consume(code);
      return openSecond;
    }

    function openSecond(code: Code): State | undefined {
      if (code !== codes.leftSquareBracket) return nok(code);
      effects.consume(code);
      effects.exit('wikiLinkMarker');
      destinationStart = effects.enter('wikiLinkDestination').start;
      return destination;
    }

    function destination(code: Code): State | undefined {
      if (code === codes.eof || markdownLineEnding(code)) return nok(code);
      if (code === codes.verticalBar) return aliasMarker(code);
      if (code === codes.backslash) return effects.check(escapedAliasMarker, aliasMarker, destinationData)(code);
      if (code === codes.rightSquareBracket) return effects.check(closingMarker, destinationEnd, destinationData)(code);
      return destinationData(code);
    }

    function destinationData(code: Code): State | undefined {
      effects.consume(code);
      return destination;
    }

    /** At `]]` with no alias. */
    function destinationEnd(code: Code): State | undefined {
      if (!destinationNamesSomething()) return nok(code);
      effects.exit('wikiLinkDestination');
      return close(code);
    }

    /** At `|` or `\|`. */
    function aliasMarker(code: Code): State | undefined {
      if (!destinationNamesSomething()) return nok(code);
      effects.exit('wikiLinkDestination');
      effects.enter('wikiLinkAliasMarker');
      effects.consume(code);
      return code === codes.backslash ? aliasMarkerPipe : aliasMarkerEnd;
    }

    function aliasMarkerPipe(code: Code): State | undefined {
      effects.consume(code);
      return aliasMarkerEnd;
    }

    function aliasMarkerEnd(code: Code): State | undefined {
      effects.exit('wikiLinkAliasMarker');
      return aliasStart(code);
    }

    /** After the alias marker: the alias token is only entered when it will not be empty. */
    function aliasStart(code: Code): State | undefined {
      if (code === codes.eof || markdownLineEnding(code)) return nok(code);
      if (code === codes.rightSquareBracket) return effects.check(closingMarker, close, aliasFirst)(code);
      return aliasFirst(code);
    }

    function aliasFirst(code: Code): State | undefined {
      effects.enter('wikiLinkAlias');
      effects.consume(code);
      return alias;
    }

    function alias(code: Code): State | undefined {
      if (code === codes.eof || markdownLineEnding(code)) return nok(code);
      if (code === codes.rightSquareBracket) return effects.check(closingMarker, aliasEnd, aliasData)(code);
      return aliasData(code);
    }

    function aliasData(code: Code): State | undefined {
      effects.consume(code);
      return alias;
    }

    function aliasEnd(code: Code): State | undefined {
      effects.exit('wikiLinkAlias');
      return close(code);
    }

    function close(code: Code): State | undefined {
      effects.enter('wikiLinkMarker');
      effects.consume(code);
      return closeSecond;
    }

    function closeSecond(code: Code): State | undefined {
      effects.consume(code);
      effects.exit('wikiLinkMarker');
      effects.exit('wikiLink');
      return ok;
    }
  };
}

/** A partial construct matching exactly the two codes `first` then `second`. */
function tokenizeTwo(first: number, second: number): Tokenizer {
  return function tokenize(effects: Effects, ok: State, nok: State) {
    return start;

    function start(code: Code): State | undefined {
      if (code !== first) return nok(code);
      effects.enter('data');
      effects.consume(code);
      return next;
    }

    function next(code: Code): State | undefined {
      if (code !== second) return nok(code);
      effects.consume(code);
      effects.exit('data');
      return ok;
    }
  };
}
