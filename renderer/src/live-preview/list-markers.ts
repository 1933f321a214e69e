import type { EditorState, Extension } from '@codemirror/state';
import { Decoration, type EditorView, WidgetType, type DecorationSet } from '@codemirror/view';
import { decorateTree } from './decoration-list';
import { touchesLine, type Span } from './reveal';
import { visibleDecorations } from './visible-decorations';

/**
 * Toggles the task whose `[ ]` / `[x]` starts at `bracket`: one change of one character, so it is
 * one undo step and the cursor stays where it was. False when no task marker is there (the text
 * changed under the widget).
 */
export function toggleTask(view: EditorView, bracket: number): boolean {
  const marker = view.state.sliceDoc(bracket, bracket + 3);
  if (!/^\[[ xX]\]$/.test(marker)) return false;
  view.dispatch({
    changes: { from: bracket + 1, to: bracket + 2, insert: marker[1] === ' ' ? 'x' : ' ' },
    userEvent: 'input.toggle-task',
  });
  return true;
}

/** A task's checkbox, standing for its `- [ ]` (or only `[ ]` in an ordered list). */
class CheckboxWidget extends WidgetType {
  /** `offset`: where the `[` is, counted from the start of the replaced text. */
  constructor(
    readonly checked: boolean,
    readonly offset: number,
  ) {
    super();
  }

  override eq(other: CheckboxWidget): boolean {
    return other.checked === this.checked && other.offset === this.offset;
  }

  toDOM(view: EditorView): HTMLElement {
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.className = 'cm-lp-task-checkbox';
    box.checked = this.checked;
    box.setAttribute('aria-label', this.checked ? 'Done task' : 'Open task');
    // No focus change and no cursor move: the click only toggles.
    box.addEventListener('mousedown', (event) => event.preventDefault());
    box.addEventListener('click', (event) => {
      event.preventDefault();
      // Asked at click time, so edits above since the widget was drawn do not matter.
      toggleTask(view, view.posAtDOM(box) + this.offset);
    });
    return box;
  }

  override ignoreEvent(): boolean {
    return true;
  }
}

/** A bullet list's `-`, `*` or `+` as a dot. */
class BulletWidget extends WidgetType {
  override eq(): boolean {
    return true;
  }

  toDOM(): HTMLElement {
    const dot = document.createElement('span');
    dot.className = 'cm-lp-bullet';
    dot.textContent = '•';
    dot.setAttribute('aria-hidden', 'true');
    return dot;
  }
}

const bullet = Decoration.replace({ widget: new BulletWidget() });
const doneText = Decoration.mark({ class: 'cm-lp-task-done' });

/**
 * List markers: off the selection's lines, a task's `- [ ]` becomes a checkbox (`[ ]` alone in an
 * ordered list, whose number stays) and a bullet's `-`/`*`/`+` a dot; ordered numbers are left as
 * they are. A done task's text is styled (struck through, muted) on and off the cursor.
 */
export function listMarkerDecorations(state: EditorState, ranges: readonly Span[]): DecorationSet {
  return decorateTree(state, ranges, (node, found) => {
    if (node.name === 'Frontmatter' || node.name === 'FencedCode' || node.name === 'CodeBlock') return false;
    if (node.name !== 'ListItem') return undefined;
    const mark = node.node.getChild('ListMark');
    if (!mark) return undefined;
    const bulleted = node.node.parent?.name === 'BulletList';
    const task = node.node.getChild('Task');
    const marker = task?.getChild('TaskMarker');
    const hide = !touchesLine(state, mark.from);
    if (task && marker) {
      const checked = state.sliceDoc(marker.from + 1, marker.to - 1) !== ' ';
      if (checked) {
        const text = skipSpaces(state, marker.to, task.to);
        if (task.to > text) found.push(doneText.range(text, task.to));
      }
      if (hide) {
        const start = bulleted ? mark.from : marker.from;
        const widget = new CheckboxWidget(checked, marker.from - start);
        found.push(Decoration.replace({ widget }).range(start, marker.to));
      }
    } else if (bulleted && hide) {
      found.push(bullet.range(mark.from, mark.to));
    }
    return undefined;
  });
}

function skipSpaces(state: EditorState, pos: number, end: number): number {
  while (pos < end && /\s/.test(state.sliceDoc(pos, pos + 1))) pos++;
  return pos;
}

/** List markers of Live Preview (see `listMarkerDecorations`). */
export function listMarkers(): Extension {
  return visibleDecorations(listMarkerDecorations);
}
