/**
 * A wiki link to `target` (as it should be written: a file name or path, no `.md`) showing
 * `alias`: `[[target]]` when the alias is the target itself, else `[[target|alias]]`, or
 * `[[target\|alias]]` in a GFM table row, where a bare `|` would end the cell.
 */
export function wikiLinkText(target: string, alias: string, inTableRow: boolean): string {
  if (alias === target) return `[[${target}]]`;
  return `[[${target}${inTableRow ? '\\|' : '|'}${alias}]]`;
}
