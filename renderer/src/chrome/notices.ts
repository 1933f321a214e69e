/** A button on a notice (e.g. Undo). */
export type NoticeAction = { label: string; run(): void };

/** Shows a short message in the corner; errors, and notices with an action, stay longer. */
export function notify(message: string, kind: 'info' | 'error' = 'info', action?: NoticeAction): void {
  const host = document.getElementById('notices');
  if (!host) return;
  const notice = document.createElement('div');
  notice.className = `notice ${kind}`;
  notice.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  notice.textContent = message;
  notice.addEventListener('click', () => notice.remove());
  if (action) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'notice-action';
    button.textContent = action.label;
    button.addEventListener('click', () => action.run());
    notice.append(' ', button);
  }
  host.append(notice);
  setTimeout(() => notice.remove(), kind === 'error' || action ? 10_000 : 4000);
}

/** The words of an error, for a notice. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
