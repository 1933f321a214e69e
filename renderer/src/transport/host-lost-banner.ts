import { EditorView } from '@codemirror/view';
import { baseName } from '../../../shared/paths';

/** The open note as the editor holds it, for the banner to rescue. */
export type RescuableNote = { path: string; text: string; unsaved: boolean };

/**
 * The open note read from the page: its path and unsaved state from the workspace, its text from
 * the CodeMirror view inside `editor`. Null when no note is open.
 */
export function openNoteIn(
  workspace: { activePath: string | null; hasUnsavedChanges: boolean },
  editor: HTMLElement,
): RescuableNote | null {
  const path = workspace.activePath;
  const dom = editor.querySelector('.cm-editor');
  const view = dom instanceof HTMLElement ? EditorView.findFromDOM(dom) : null;
  if (!path || !view) return null;
  return { path, text: view.state.doc.toString(), unsaved: workspace.hasUnsavedChanges };
}

/**
 * A bar across the top of the page when the host is gone, or restarted and no longer accepts this
 * page: nothing typed can be saved any more, so it says so and offers the open note's text to
 * copy or download. It goes away by itself if the host comes back and accepts the page.
 */
export class HostLostBanner {
  readonly element: HTMLElement;

  constructor(private readonly note: () => RescuableNote | null) {
    this.element = document.createElement('div');
    this.element.className = 'host-lost-banner';
    this.element.setAttribute('role', 'alert');
    this.element.hidden = true;
  }

  show(): void {
    let note: RescuableNote | null = null;
    try {
      note = this.note();
    } catch {
      // The page is still starting: there is no note to rescue yet.
    }
    const message = document.createElement('p');
    message.textContent =
      'The Plexus host has stopped, or restarted and no longer accepts this page, so nothing can be saved from here. ';
    const next = document.createElement('p');
    if (note) {
      const name = baseName(note.path);
      message.append(
        note.unsaved
          ? `"${name}" has changes that are not saved. Copy or download its text before closing this page.`
          : `"${name}" was saved; you can still copy or download its text.`,
      );
      const actions = document.createElement('p');
      actions.className = 'host-lost-actions';
      actions.append(
        button('Copy text', async (b) => {
          b.textContent = (await copy(this.current(note).text)) ? 'Copied' : 'Copy failed: select the text and copy it';
        }),
        button(`Download ${name}`, () => download(this.current(note))),
      );
      this.element.replaceChildren(message, actions, next);
    } else {
      this.element.replaceChildren(message, next);
    }
    next.textContent = 'Then start the host again ("npm run serve") and open the address it prints.';
    this.element.hidden = false;
  }

  hide(): void {
    this.element.hidden = true;
    this.element.replaceChildren();
  }

  /** The note's text as it is now (typing may have gone on since the banner showed). */
  private current(shown: RescuableNote): RescuableNote {
    try {
      const now = this.note();
      if (now?.path === shown.path) return now;
    } catch {
      // keep what was shown
    }
    return shown;
  }
}

function button(label: string, action: (b: HTMLButtonElement) => unknown): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.addEventListener('click', () => void action(b));
  return b;
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Saves the text as a .md file through the browser's downloads. */
function download(note: RescuableNote): void {
  const url = URL.createObjectURL(new Blob([note.text], { type: 'text/markdown;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  const name = baseName(note.path);
  link.download = name.toLowerCase().endsWith('.md') ? name : `${name}.md`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
