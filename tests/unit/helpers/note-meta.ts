/** NoteMeta and LinkRef built by hand, so index tests do not depend on the scanner. */
import type { LinkRef, NoteMeta, TagRef } from '../../../shared/note-meta';

/** A wiki link `[[target]]` at `start` (line 1 unless given). */
export function wiki(target: string, start = 0, more: Partial<LinkRef> = {}): LinkRef {
  const raw = more.raw ?? `${more.embed ? '!' : ''}[[${target}]]`;
  return {
    raw,
    target,
    headings: [],
    block: null,
    alias: null,
    style: 'wiki',
    embed: false,
    start,
    end: start + raw.length,
    line: 1,
    ...more,
  };
}

/** A markdown link `[text](target)` at `start`. */
export function md(target: string, start = 0, text = 'link'): LinkRef {
  const raw = `[${text}](${encodeURI(target)})`;
  return {
    raw,
    target,
    headings: [],
    block: null,
    alias: text,
    style: 'markdown',
    embed: false,
    start,
    end: start + raw.length,
    line: 1,
  };
}

/** Links placed one after another, as a note would hold them in source order. */
export function sequence(...links: ((start: number) => LinkRef)[]): LinkRef[] {
  const out: LinkRef[] = [];
  let at = 0;
  for (const make of links) {
    const link = make(at);
    out.push(link);
    at = link.end + 1;
  }
  return out;
}

export type NoteParts = {
  links?: LinkRef[];
  tags?: (string | TagRef)[];
  title?: string;
  aliases?: string[];
  frontmatter?: Record<string, unknown> | null;
};

/** A note's facts; the title defaults to the file name, as the scanner's would with no H1. */
export function note(path: string, parts: NoteParts = {}): NoteMeta {
  const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/, '');
  return {
    path,
    title: parts.title ?? name,
    aliases: parts.aliases ?? [],
    frontmatter: parts.frontmatter ?? null,
    headings: [],
    blocks: [],
    tags: (parts.tags ?? []).map((t) => (typeof t === 'string' ? { tag: t, line: 1 } : t)),
    links: parts.links ?? [],
    problems: [],
  };
}

/**
 * The wiki and markdown links in `text` with their offsets and lines: a few lines of regex, good
 * enough for the texts tests write (no code, no escapes).
 */
export function linksIn(text: string): LinkRef[] {
  const links: LinkRef[] = [];
  const pattern = /(!?)\[\[([^\]]*)\]\]|\[([^\]]*)\]\(([^)]*)\)/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const line = text.slice(0, m.index).split('\n').length;
    const common = { raw: m[0], headings: [], block: null, start: m.index, end: m.index + m[0].length, line };
    if (m[2] !== undefined) {
      const [path = '', alias] = m[2].split('|');
      links.push({
        ...common,
        target: (path.split('#')[0] ?? '').trim(),
        alias: alias ?? null,
        style: 'wiki',
        embed: m[1] === '!',
      });
    } else {
      const target = decodeURI((m[4] ?? '').split('#')[0] ?? '');
      links.push({ ...common, target, alias: m[3] ?? null, style: 'markdown', embed: false });
    }
  }
  return links;
}
