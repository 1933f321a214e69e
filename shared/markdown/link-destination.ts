/** Where a link points: a note, a heading path in it, or a block in it. */
export type LinkDestination = { target: string; headings: string[]; block: string | null };

/**
 * Splits a link destination, `target#h1#h2` or `target#^block`, into its parts, each trimmed.
 * Empty heading parts are dropped (`a##b` is `a` → `b`); a block id is only recognised in the
 * last part (`a#h#^id`), as Obsidian writes it. `decode` is applied to each part after
 * splitting, so a URL-encoded `%23` stays inside a name instead of starting a heading.
 */
export function splitLinkDestination(raw: string, decode: (part: string) => string = (part) => part): LinkDestination {
  const [first = '', ...rest] = raw.split('#');
  const headings: string[] = [];
  let block: string | null = null;
  rest.forEach((part, index) => {
    const value = decode(part).trim();
    if (index === rest.length - 1 && value.startsWith('^')) {
      const id = value.slice(1).trim();
      block = id === '' ? null : id;
    } else if (value !== '') {
      headings.push(value);
    }
  });
  return { target: decode(first).trim(), headings, block };
}
