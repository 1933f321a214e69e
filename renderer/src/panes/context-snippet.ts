/** The text around a link or mention, with the link itself highlighted (DOM nodes, no HTML parsing). */
export function contextSnippet(context: { text: string; start: number; end: number }): HTMLElement {
  const el = document.createElement('div');
  el.className = 'context-snippet';
  const mark = document.createElement('mark');
  mark.textContent = context.text.slice(context.start, context.end);
  el.append(context.text.slice(0, context.start), mark, context.text.slice(context.end));
  return el;
}

/** A collapsible group heading: a name and a count. */
export function groupHeader(name: string, count: number, title?: string): HTMLElement {
  const head = document.createElement('div');
  head.className = 'pane-group-title';
  const label = document.createElement('span');
  label.className = 'pane-group-name';
  label.textContent = name;
  label.title = title ?? name; // the full name, which may show ellipsized
  const badge = document.createElement('span');
  badge.className = 'pane-count';
  badge.textContent = String(count);
  head.append(label, badge);
  return head;
}
