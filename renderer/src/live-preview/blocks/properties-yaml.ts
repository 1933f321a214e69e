import { isMap, isScalar, isSeq, parseDocument, type Document, type Pair } from 'yaml';

/** How a property's value is shown and edited (Obsidian's property types). */
export type PropertyType = 'text' | 'list' | 'number' | 'checkbox' | 'date' | 'link' | 'other';

/** A value a row can write back. */
export type PropertyValue = string | number | boolean | string[] | null;

/** One frontmatter key as a typed row. `other` (a nested mapping…) is shown read-only. */
export type Property = { key: string; type: PropertyType; value: unknown };

/** The frontmatter read as rows, or why it cannot be (the text is then shown as it is). */
export type PropertiesResult = { ok: true; properties: Property[] } | { ok: false; error: string };

/** The frontmatter after an edit, or why it was not edited (the text is then unchanged). */
export type WriteResult = { ok: true; text: string } | { ok: false; error: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const LINK = /^\[\[[^[\]]+\]\]$/;

/**
 * As yaml writes it, without folding long values or padding `[a, b]`, and a new empty value as
 * `key:` (as people and Obsidian write them; a `null` or `~` already written stays so).
 */
function text(doc: Document): string {
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false, nullStr: '' });
}

/** The type a value is shown as. */
export function propertyType(value: unknown): PropertyType {
  if (typeof value === 'boolean') return 'checkbox';
  if (typeof value === 'number') return Number.isFinite(value) ? 'number' : 'text';
  if (value === null || value === undefined) return 'text';
  if (typeof value === 'string') return DATE.test(value) ? 'date' : LINK.test(value) ? 'link' : 'text';
  if (Array.isArray(value)) return value.every((item) => typeof item !== 'object' || item === null) ? 'list' : 'other';
  return 'other';
}

/** The first line of the first problem yaml found (its messages go on to quote the source). */
function problemOf(doc: Document): string | null {
  const error = doc.errors[0];
  if (error) return error.message.split('\n', 1)[0] ?? 'Invalid YAML';
  if (doc.contents !== null && !isMap(doc.contents)) return 'Properties must be keys with values (a YAML mapping).';
  return null;
}

function keyText(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

/** The frontmatter's keys (text between the `---` fences) as typed rows, in the order written. */
export function readProperties(yamlText: string): PropertiesResult {
  const doc = parseDocument(yamlText);
  const problem = problemOf(doc);
  if (problem !== null) return { ok: false, error: problem };
  if (!isMap(doc.contents)) return { ok: true, properties: [] };
  const properties = doc.contents.items.map((pair): Property => {
    const value: unknown = isScalar(pair.value) || pair.value === null ? (pair.value?.value ?? null) : pair.value;
    const plain: unknown = isSeq(value) || isMap(value) ? value.toJSON() : value;
    return { key: keyText(pair), type: propertyType(plain), value: plain };
  });
  return { ok: true, properties };
}

/**
 * Sets `key` to `value` in the frontmatter through yaml's Document API, so every other key, the
 * order, comments and quoting stay as written; yaml quotes the new value where YAML needs it
 * (`a: b`, `#x`, `[[Note]]`). A new key goes last. A document with errors is never rewritten.
 */
export function writeProperty(yamlText: string, key: string, value: PropertyValue): WriteResult {
  // Widened from the parsed document's types: the edit puts new (unparsed) nodes in it.
  const doc: Document = parseDocument(yamlText);
  const problem = problemOf(doc);
  if (problem !== null) return { ok: false, error: problem };
  if (!isMap(doc.contents)) {
    doc.contents = doc.createNode({ [key]: value });
    return { ok: true, text: text(doc) };
  }
  const pair = doc.contents.items.find((item) => keyText(item) === key);
  if (!pair) {
    doc.contents.items.push(doc.createPair(key, value));
    return { ok: true, text: text(doc) };
  }
  const old = pair.value;
  if (isScalar(old) && !Array.isArray(value)) {
    if (old.value === value) return { ok: true, text: yamlText };
    old.value = value; // the node stays: its comment and quoting style with it
  } else if (isSeq(old) && Array.isArray(value)) {
    if (JSON.stringify(old.toJSON()) === JSON.stringify(value)) return { ok: true, text: yamlText };
    const seq = doc.createNode(value);
    seq.flow = old.flow;
    seq.comment = old.comment;
    seq.commentBefore = old.commentBefore;
    pair.value = seq;
  } else {
    pair.value = doc.createNode(value);
  }
  return { ok: true, text: text(doc) };
}

/** Removes `key` from the frontmatter, keeping everything else as written. */
export function removeProperty(yamlText: string, key: string): WriteResult {
  const doc: Document = parseDocument(yamlText);
  const problem = problemOf(doc);
  if (problem !== null) return { ok: false, error: problem };
  if (!isMap(doc.contents) || !doc.contents.items.some((item) => keyText(item) === key)) {
    return { ok: true, text: yamlText };
  }
  doc.contents.items = doc.contents.items.filter((item) => keyText(item) !== key);
  return { ok: true, text: text(doc) };
}

/**
 * Renames `from` to `to` where it stands (its value, comment and place kept). Refused when `to`
 * is empty or another key already has that name: YAML keys are unique.
 */
export function renameProperty(yamlText: string, from: string, to: string): WriteResult {
  const name = to.trim();
  if (name === '') return { ok: false, error: 'A property needs a name.' };
  const doc: Document = parseDocument(yamlText);
  const problem = problemOf(doc);
  if (problem !== null) return { ok: false, error: problem };
  if (name === from) return { ok: true, text: yamlText };
  if (!isMap(doc.contents)) return { ok: false, error: `No property named “${from}”.` };
  const items = doc.contents.items;
  if (items.some((item) => keyText(item) === name))
    return { ok: false, error: `A property named “${name}” exists already.` };
  const pair = items.find((item) => keyText(item) === from);
  if (!pair) return { ok: false, error: `No property named “${from}”.` };
  const key = doc.createNode(name);
  if (isScalar(pair.key)) {
    key.comment = pair.key.comment;
    key.commentBefore = pair.key.commentBefore;
    key.spaceBefore = pair.key.spaceBefore;
  }
  pair.key = key;
  return { ok: true, text: text(doc) };
}
