/**
 * A wiki link to `target` (as it should be written: a file name or path, no `.md`) showing
 * `alias`: `[[target]]` when the alias is the target itself, else `[[target|alias]]`, or
 * `[[target\|alias]]` in a GFM table row, where a bare `|` would end the cell.
 */
export function wikiLinkText(target: string, alias: string, inTableRow: boolean): string {
  return `[[${wikiLinkBody(target, alias, inTableRow)}]]`;
}

/** What goes between the brackets of `wikiLinkText` (completion writes the brackets itself). */
export function wikiLinkBody(target: string, alias: string, inTableRow: boolean): string {
  return alias === target ? target : `${target}${inTableRow ? '\\|' : '|'}${alias}`;
}
