import type { EditorState, Extension } from '@codemirror/state';
import { Decoration, WidgetType, type DecorationSet } from '@codemirror/view';
import type { SyntaxNode } from '@lezer/common';
import { decorateTree } from './decoration-list';
import { revealed, touchesLine, type Span } from './reveal';
import { visibleDecorations } from './visible-decorations';

/** A quote whose first line is `> [!type]` is a callout, which the blocks part renders. */
const CALLOUT = /^(?:[ \t]*>)+[ \t]*\[![^\]\n]*\]/;
const BREAK = /^<br\s*\/?>$/i;

/** A horizontal rule drawn across the line. */
class RuleWidget extends WidgetType {
  override eq(): boolean {
    return true;
  }
  toDOM(): HTMLElement {
    const rule = document.createElement('span');
    rule.className = 'cm-lp-hr';
    rule.setAttribute('role', 'separator');
    return rule;
  }
}

/** `<br>`: the rest of the line goes on below, as the reading view shows it. */
class BreakWidget extends WidgetType {
  override eq(): boolean {
    return true;
  }
  toDOM(): HTMLElement {
    const lineBreak = document.createElement('span');
    lineBreak.className = 'cm-lp-br';
    return lineBreak;
  }
}

const quoteLine = Decoration.line({ class: 'cm-lp-quote' });
const quoteMark = Decoration.replace({});
const rule = Decoration.replace({ widget: new RuleWidget() });
const lineBreak = Decoration.replace({ widget: new BreakWidget() });

/**
 * Blockquotes, horizontal rules and `<br>`: every line of a quote gets a left border and its `>`
 * marks are hidden off the selection's lines (callouts are skipped: the blocks part draws them);
 * a rule becomes a line off the selection's lines; `<br>`/`<br/>` becomes a break unless the
 * selection touches it.
 */
export function quoteRuleBreakDecorations(state: EditorState, ranges: readonly Span[]): DecorationSet {
  return decorateTree(state, ranges, (node, found, { from, to }) => {
    switch (node.name) {
      case 'Frontmatter':
      case 'FencedCode':
      case 'CodeBlock':
        return false;
      case 'Blockquote': {
        if (CALLOUT.test(state.sliceDoc(node.from, state.doc.lineAt(node.from).to))) return false;
        if (hasQuoteAncestor(node.node)) return undefined;
        // The quote's lines in view only: a quote can be long.
        const last = state.doc.lineAt(Math.min(node.to, to)).number;
        for (let n = state.doc.lineAt(Math.max(node.from, from)).number; n <= last; n++) {
          found.push(quoteLine.range(state.doc.line(n).from));
        }
        return undefined;
      }
      case 'QuoteMark':
        if (!touchesLine(state, node.from)) {
          const spaced = state.sliceDoc(node.to, node.to + 1) === ' ';
          found.push(quoteMark.range(node.from, node.to + (spaced ? 1 : 0)));
        }
        return undefined;
      case 'HorizontalRule':
        if (!touchesLine(state, node.from)) found.push(rule.range(node.from, node.to));
        return false;
      case 'HTMLTag':
        if (BREAK.test(state.sliceDoc(node.from, node.to)) && !revealed(state, node.from, node.to)) {
          found.push(lineBreak.range(node.from, node.to));
        }
        return false;
      default:
        return undefined;
    }
  });
}

function hasQuoteAncestor(node: SyntaxNode): boolean {
  for (let up = node.parent; up; up = up.parent) if (up.name === 'Blockquote') return true;
  return false;
}

/** Quotes, rules and line breaks of Live Preview (see `quoteRuleBreakDecorations`). */
export function quoteRuleBreak(): Extension {
  return visibleDecorations(quoteRuleBreakDecorations);
}
