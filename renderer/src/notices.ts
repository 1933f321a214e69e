/** Shows a short message in the corner; errors stay longer. */
export function notify(message: string, kind: 'info' | 'error' = 'info'): void {
  const host = document.getElementById('notices');
  if (!host) return;
  const notice = document.createElement('div');
  notice.className = `notice ${kind}`;
  notice.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  notice.textContent = message;
  notice.addEventListener('click', () => notice.remove());
  host.append(notice);
  setTimeout(() => notice.remove(), kind === 'error' ? 8000 : 4000);
}
