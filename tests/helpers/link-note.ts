// Notes made of nothing but links, one per line: one paragraph of tens of thousands of links,
// the shape that froze the editor (issue 13, item 12).

/** `count` links, one per line: markdown `[t](n123.md)` or wiki `[[n123]]`. */
export function linkNote(count: number, style: 'markdown' | 'wiki' = 'markdown'): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) lines.push(style === 'wiki' ? `[[n${i}]]` : `[t](n${i}.md)`);
  return lines.join('\n') + '\n';
}

/** The targets that exist next to a link note: n0.md … n{count-1}.md (the rest stay unresolved). */
export function linkedNoteNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `n${i}.md`);
}
