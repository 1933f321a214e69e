import { SEARCH_TRUNCATED_MESSAGE, type PlexusApi, type SearchResult } from '../../shared/api';

/** Marks a matched span in plain text output. */
const OPEN = '[';
const CLOSE = ']';

/**
 * `plexus search QUERY`: the answer as JSON, and as text, one block per note: its path, then
 * `  12: a line with the [match] marked` (line 0 is the file name). `warning` (for stderr, with
 * the text) says when the checks ran out of time; the JSON says so in `truncated`. A bad query
 * throws the index's PlexusError('BAD_QUERY').
 */
export async function searchCommand(
  engine: Pick<PlexusApi, 'search'>,
  query: string,
  limit: number,
): Promise<{ json: SearchResult; text: string; warning?: string }> {
  const json = await engine.search({ query, limit });
  const blocks = json.hits.map((hit) => {
    const lines = hit.matches.map((m) => `  ${m.line}: ${marked(m.text, m.ranges)}`);
    return [hit.path, ...lines].join('\n');
  });
  const summary = `${json.total} note${json.total === 1 ? '' : 's'} matched${json.total > json.hits.length ? `, showing ${json.hits.length}` : ''}`;
  const text = [...blocks, summary].join('\n\n') + '\n';
  return json.truncated ? { json, text, warning: SEARCH_TRUNCATED_MESSAGE } : { json, text };
}

function marked(text: string, ranges: [number, number][]): string {
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    out += text.slice(at, start) + OPEN + text.slice(start, end) + CLOSE;
    at = end;
  }
  return (out + text.slice(at)).replace(/\t/g, ' ');
}
