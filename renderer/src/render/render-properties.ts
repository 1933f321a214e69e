import type { Element, ElementContent } from 'hast';

/** The frontmatter as a two-column table: each property and its value as plain text. */
export function propertiesTable(frontmatter: Record<string, unknown>): Element {
  const rows: ElementContent[] = Object.entries(frontmatter).map(([key, value]) => ({
    type: 'element',
    tagName: 'tr',
    properties: {},
    children: [
      { type: 'element', tagName: 'th', properties: { scope: 'row' }, children: [{ type: 'text', value: key }] },
      {
        type: 'element',
        tagName: 'td',
        properties: { className: ['property-value'] },
        children: [{ type: 'text', value: propertyText(value) }],
      },
    ],
  }));
  return {
    type: 'element',
    tagName: 'table',
    properties: { className: ['properties'] },
    children: [{ type: 'element', tagName: 'tbody', properties: {}, children: rows }],
  };
}

function propertyText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(propertyText).join(', ');
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value) ?? '';
}
