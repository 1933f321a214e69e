/**
 * A fast reader for the frontmatter most notes have: `key: value` lines whose values are plain or
 * simply quoted scalars, flow lists `[a, b]` or block lists `- a`. For what it accepts it gives
 * exactly what `parseDocument(source).toJS()` of the `yaml` package gives (core schema), with no
 * error; anything else (comments, nesting, escapes, anchors, multi-line scalars, tabs, duplicate
 * keys…) returns UNSUPPORTED and goes to `yaml`. It exists because `yaml` costs some 40 µs a
 * note, more than scanning all the markdown after it; a property test holds it to `yaml`.
 */

/** What readSimpleYaml returns for a document it leaves to the `yaml` package. */
export const UNSUPPORTED: unique symbol = Symbol('unsupported');

type Value = string | number | boolean | null | Value[];

/** A top-level key, as plain ASCII words: `title`, `date-created`, `Date Created`. */
const KEY_LINE = /^([A-Za-z_][\w-]*(?: [\w-]+)*):(?: +(.*))?$/;
const SEQUENCE_ITEM = /^( *)-(?: +(.*))?$/;
/** Characters that give a plain scalar's first character a YAML meaning. */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;
const FLOW_INDICATOR = /[,[\]{}:]/;

/**
 * The mapping, null for an empty (or blank) document, or UNSUPPORTED.
 */
export function readSimpleYaml(source: string): Record<string, Value> | null | typeof UNSUPPORTED {
  if (source.includes('\t') || source.includes('\r')) return UNSUPPORTED;
  const lines = source.split('\n');
  const mapping: Record<string, Value> = {};
  let empty = true;
  for (let i = 0; i < lines.length;) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i++;
      continue;
    }
    const match = KEY_LINE.exec(line);
    if (match === null) return UNSUPPORTED;
    const key = match[1]!;
    // `__proto__`, and keys YAML reads as numbers, booleans or null, are left to `yaml`.
    if (key === '__proto__' || Object.hasOwn(mapping, key) || resolvePlain(key) !== key) return UNSUPPORTED;
    empty = false;
    const rest = (match[2] ?? '').trimEnd();
    if (rest !== '') {
      const value = rest.startsWith('[') ? flowSequence(rest) : scalar(rest, false);
      if (value === UNSUPPORTED) return UNSUPPORTED;
      mapping[key] = value;
      i++;
      continue;
    }
    // Nothing after the colon: null, or a block sequence on the lines below.
    const items: Value[] = [];
    let indent = -1;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const itemLine = lines[j]!;
      if (itemLine.trim() === '') continue;
      const item = SEQUENCE_ITEM.exec(itemLine);
      if (item === null) break;
      if (indent < 0) indent = item[1]!.length;
      else if (item[1]!.length !== indent) return UNSUPPORTED;
      const value = scalar((item[2] ?? '').trimEnd(), false);
      if (value === UNSUPPORTED) return UNSUPPORTED;
      items.push(value);
    }
    mapping[key] = indent < 0 ? null : items;
    i = indent < 0 ? i + 1 : j;
  }
  return empty ? null : mapping;
}

/** `[a, "b", 'c']` of scalars, on one line. */
function flowSequence(text: string): Value[] | typeof UNSUPPORTED {
  if (!text.endsWith(']')) return UNSUPPORTED;
  const inner = text.slice(1, -1).trim();
  if (inner === '') return [];
  const items: Value[] = [];
  for (const part of inner.split(',')) {
    const value = scalar(part.trim(), true);
    if (value === UNSUPPORTED || part.trim() === '') return UNSUPPORTED;
    items.push(value);
  }
  return items;
}

/** A quoted scalar without escapes, or a plain one, as the core schema reads it. */
function scalar(text: string, inFlow: boolean): Value | typeof UNSUPPORTED {
  if (text === '') return null;
  const first = text.charAt(0);
  if (first === '"') {
    const inner = text.slice(1, -1);
    return text.length >= 2 && text.endsWith('"') && !/["\\]/.test(inner) ? inner : UNSUPPORTED;
  }
  if (first === "'") {
    const inner = text.slice(1, -1);
    return text.length >= 2 && text.endsWith("'") && !inner.replace(/''/g, '').includes("'")
      ? inner.replace(/''/g, "'")
      : UNSUPPORTED;
  }
  if (INDICATOR.test(first) || text.includes(': ') || text.endsWith(':') || text.includes(' #')) return UNSUPPORTED;
  if (inFlow && FLOW_INDICATOR.test(text)) return UNSUPPORTED;
  return resolvePlain(text);
}

/**
 * A plain scalar under the core schema: null, a boolean, a decimal integer or float, else the
 * string itself. Rarer forms (`0x1F`, `0o17`, `.inf`, `1e3`) are left to `yaml`.
 */
function resolvePlain(text: string): Value | typeof UNSUPPORTED {
  if (/^(?:~|[Nn]ull|NULL)$/.test(text)) return null;
  if (/^(?:[Tt]rue|TRUE)$/.test(text)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(text)) return false;
  if (/^[-+]?[0-9]+$/.test(text)) return parseInt(text, 10);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(text)) return parseFloat(text);
  if (
    /^(?:0o|0x|[-+]?\.(?:inf|Inf|INF)$|\.nan$|\.NaN$|\.NAN$)/.test(text) ||
    /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE]/.test(text)
  )
    return UNSUPPORTED;
  return text;
}
