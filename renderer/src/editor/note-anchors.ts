/** Where a heading or block id is in a note's text: the offsets of its line. */
export type Anchor = { from: number; to: number };

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;

function normalize(heading: string): string {
  return heading.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Each line with its start offset, skipping fenced code (a `# comment` there is no heading). */
function* proseLines(text: string): Generator<{ line: string; from: number }> {
  let fence: string | null = null;
  let from = 0;
  for (const line of text.split('\n')) {
    const marker = FENCE.exec(line)?.[1];
    if (fence === null && marker) fence = marker[0] as string;
    else if (fence !== null && marker?.startsWith(fence)) fence = null;
    else if (fence === null) yield { line, from };
    from += line.length + 1;
  }
}

/**
 * The line of a heading. `path` is a link's heading path (`[[n#A#B]]` → ["A", "B"]): the last
 * part is the heading looked for, matched case-insensitively, as Obsidian does; earlier parts only
 * narrow it down when several headings share the name.
 */
export function findHeading(text: string, path: string[]): Anchor | null {
  const wanted = path.map(normalize);
  const last = wanted[wanted.length - 1];
  if (last === undefined) return null;
  let candidate: Anchor | null = null;
  let seen = 0;
  for (const { line, from } of proseLines(text)) {
    const heading = HEADING.exec(line);
    if (!heading) continue;
    const name = normalize(heading[2] ?? '');
    if (seen < wanted.length - 1 && name === wanted[seen]) seen++;
    if (name === last) {
      const anchor = { from, to: from + line.length };
      if (seen >= wanted.length - 1) return anchor;
      candidate ??= anchor;
    }
  }
  return candidate;
}

/** The line ending with the block id `^id`. */
export function findBlock(text: string, id: string): Anchor | null {
  const marker = new RegExp(`(?:^|\\s)\\^${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  for (const { line, from } of proseLines(text)) {
    if (marker.test(line)) return { from, to: from + line.length };
  }
  return null;
}
