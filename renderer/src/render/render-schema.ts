import { defaultSchema, type Schema } from 'hast-util-sanitize';

/** Callout families: every Obsidian type maps to one, and each has its colour and icon in reading.css. */
export const CALLOUT_FAMILIES = [
  'note',
  'abstract',
  'info',
  'todo',
  'tip',
  'success',
  'question',
  'warning',
  'failure',
  'danger',
  'bug',
  'example',
  'quote',
] as const;

const calloutClasses = [
  'callout',
  'is-foldable',
  'callout-title',
  'callout-content',
  ...CALLOUT_FAMILIES.map((f) => `callout-${f}`),
];
const embedClasses = ['markdown-embed', 'markdown-embed-title', 'markdown-embed-content', 'embed-placeholder'];

/**
 * What rendered notes may contain, after the renderer built it: GitHub's sanitizing schema
 * (tables, task lists, footnotes) plus what Plexus adds (callouts, wiki links, embeds, the
 * properties table), each class and data attribute named, never a pattern. Event handlers,
 * `style`, scripts, frames, forms and URLs other than http(s)/mailto never pass; a vault image
 * comes as a relative URL (the host's `/vault-file/…`), or one of `imageProtocols`; remote images
 * never load.
 */
export function renderSchema(imageProtocols: readonly string[] = []): Schema {
  const defaults = defaultSchema.attributes ?? {};
  return {
    ...defaultSchema,
    // `input` and `section` stay (task lists, footnotes); the rest is what notes may write as HTML.
    tagNames: [
      ...(defaultSchema.tagNames ?? []).filter((tag) => !['picture', 'source'].includes(tag)),
      'mark',
      'u',
      'small',
      'abbr',
      'cite',
      'caption',
      'figure',
      'figcaption',
      'wbr',
      'center',
    ],
    strip: ['script', 'style', 'template', 'textarea', 'title', 'xmp', 'noscript', 'iframe', 'noembed', 'noframes'],
    attributes: {
      ...defaults,
      // Form, image-map and microdata attributes are of no use to a note.
      '*': ['title', 'lang', 'dir', 'align', 'width', 'height', 'colSpan', 'rowSpan', 'id', 'abbr', 'scope'],
      a: [
        // One className entry per tag: the first would win, so the footnote one is repeated here.
        ...(defaults.a ?? []).filter((entry) => !Array.isArray(entry) || entry[0] !== 'className'),
        ['className', 'internal-link', 'is-unresolved', 'external-link', 'remote-image', 'data-footnote-backref'],
        ['rel', 'noopener', 'noreferrer'],
        'dataHref',
      ],
      div: [
        ['className', ...calloutClasses, ...embedClasses, 'embed-paragraph'],
        'dataCallout',
        'dataEmbedPath',
        'dataEmbedState',
      ],
      details: [['className', ...calloutClasses], 'dataCallout', 'open'],
      summary: [...(defaults.summary ?? []), ['className', 'callout-title']],
      span: [
        ['className', 'callout-icon', 'callout-title-inner', 'embed-placeholder', 'link-blocked'],
        'dataEmbedState',
      ],
      img: ['src', 'alt', ['className', 'image-embed', 'is-unresolved'], 'dataPath'],
      table: [...(defaults.table ?? []), ['className', 'properties']],
      th: ['scope'],
      input: [...(defaults.input ?? []), 'checked'],
      td: [['className', 'property-value']],
      p: ['dataBlock'],
      li: [...(defaults.li ?? []), 'dataBlock'],
      ol: [...(defaults.ol ?? []), 'start'],
      h1: ['dataHeading'],
      h2: [...(defaults.h2 ?? []), 'dataHeading'],
      h3: ['dataHeading'],
      h4: ['dataHeading'],
      h5: ['dataHeading'],
      h6: ['dataHeading'],
    },
    protocols: {
      href: ['http', 'https', 'mailto'],
      src: [...imageProtocols],
      cite: ['http', 'https'],
      longDesc: ['http', 'https'],
    },
  };
}
