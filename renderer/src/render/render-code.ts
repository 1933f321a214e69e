import { LanguageDescription } from '@codemirror/language';
import { languages } from '@codemirror/language-data';
import { classHighlighter, highlightCode } from '@lezer/highlight';
import type { ElementContent } from 'hast';
import type { Code } from 'mdast';

/** Longer code blocks are shown plain: highlighting them would eat the render budget. */
const MAX_HIGHLIGHTED = 100_000;

/** The language a fence names (`js`, `Python`, `c++`…), from CodeMirror's language list; null when unknown. */
export function codeLanguage(name: string | null | undefined): LanguageDescription | null {
  if (!name) return null;
  return LanguageDescription.matchLanguageName(languages, name.trim(), true);
}

/**
 * A fenced code block's text as highlighted hast: spans carrying only `tok-…` classes (the
 * editor's Lezer parsers and `classHighlighter`; reading.css colours them), never inline styles.
 * The language's parser is loaded when first needed (its own chunk). Null when the language is
 * unknown, fails to load, or the block is too long: the block then shows plain.
 */
export async function highlightedCode(node: Code): Promise<ElementContent[] | null> {
  const language = codeLanguage(node.lang);
  if (!language || node.value.length > MAX_HIGHLIGHTED) return null;
  let support;
  try {
    support = language.support ?? (await language.load());
  } catch {
    return null;
  }
  const code = node.value.endsWith('\n') ? node.value : `${node.value}\n`;
  const tree = support.language.parser.parse(code);
  const out: ElementContent[] = [];
  highlightCode(
    code,
    tree,
    classHighlighter,
    (text, classes) => {
      out.push(
        classes === ''
          ? { type: 'text', value: text }
          : {
              type: 'element',
              tagName: 'span',
              properties: { className: classes.split(' ') },
              children: [{ type: 'text', value: text }],
            },
      );
    },
    () => out.push({ type: 'text', value: '\n' }),
  );
  return out;
}
