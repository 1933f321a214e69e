import './confirm-dialog.css';

export type ConfirmOptions = {
  /** The question, e.g. `Move "plan" to the trash?` */
  message: string;
  /** What the confirming button says, e.g. "Move to trash". */
  confirmLabel: string;
  cancelLabel?: string;
};

/**
 * Asks a yes/no question in the window's own modal dialog (instead of `window.confirm`, which
 * blocks the page, cannot be styled or themed, and is not shown at all in some hosts). Resolves
 * true when the person confirms; false on Cancel, Escape or a click outside. While it is open,
 * Tab stays within its buttons; when it closes, focus goes back to where it was.
 * Cancel has the focus first: Enter right after Delete keeps the file.
 */
export function confirmDialog(options: ConfirmOptions): Promise<boolean> {
  const doc = document;
  const returnTo = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;

  const backdrop = doc.createElement('div');
  backdrop.className = 'confirm-backdrop';
  const dialog = doc.createElement('div');
  dialog.className = 'confirm-dialog';
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-modal', 'true');
  const message = doc.createElement('p');
  message.className = 'confirm-message';
  message.id = `confirm-message-${Date.now().toString(36)}`;
  message.textContent = options.message;
  dialog.setAttribute('aria-labelledby', message.id);

  const actions = doc.createElement('div');
  actions.className = 'confirm-actions';
  const button = (label: string, className: string) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.className = className;
    b.textContent = label;
    return b;
  };
  const cancel = button(options.cancelLabel ?? 'Cancel', 'confirm-cancel');
  const confirm = button(options.confirmLabel, 'confirm-ok');
  actions.append(cancel, confirm);
  dialog.append(message, actions);
  backdrop.append(dialog);

  return new Promise<boolean>((resolve) => {
    const close = (answer: boolean) => {
      backdrop.remove();
      doc.removeEventListener('focusin', keepFocus, true);
      if (returnTo?.isConnected) returnTo.focus();
      resolve(answer);
    };
    // Focus that leaves the dialog (a click elsewhere, a screen reader's move) is brought back.
    const keepFocus = (event: FocusEvent) => {
      if (event.target instanceof Node && !dialog.contains(event.target)) cancel.focus();
    };
    cancel.addEventListener('click', () => close(false));
    confirm.addEventListener('click', () => close(true));
    backdrop.addEventListener('mousedown', (event) => {
      if (event.target === backdrop) {
        event.preventDefault();
        close(false);
      }
    });
    dialog.addEventListener('keydown', (event) => {
      // The window's own shortcuts (Delete, Ctrl+P…) do not reach past an open dialog.
      event.stopPropagation();
      if (event.key === 'Escape') {
        event.preventDefault();
        close(false);
      } else if (event.key === 'Tab') {
        // Two buttons: Tab and Shift+Tab go from one to the other.
        event.preventDefault();
        (doc.activeElement === cancel ? confirm : cancel).focus();
      }
    });
    doc.body.append(backdrop);
    doc.addEventListener('focusin', keepFocus, true);
    cancel.focus();
  });
}
