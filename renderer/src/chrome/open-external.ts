/** Opens an http(s) or mailto link outside the app (the desktop app hands it to the OS browser). */
export function openExternal(url: string): void {
  if (/^(https?:|mailto:)/i.test(url)) window.open(url, '_blank', 'noopener,noreferrer');
}
