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
      'audio',
      'video',
    ],
    strip: ['script', 'style', 'template', 'textarea', 'title', 'xmp', 'noscript', 'iframe', 'noembed', 'noframes'],
    attributes: {
      ...defaults,
      // Form, image-map and microdata attributes are of no use to a note.
      '*': ['title', 'lang', 'dir', 'align', 'width', 'height', 'colSpan', 'rowSpan', 'id', 'abbr', 'scope'],
      a: [
        // One className entry per tag: the first would win, so the footnote one is repeated here.
        ...(defaults.a ?? []).filter((entry) => !Array.isArray(entry) || entry[0] !== 'className'),
        [
          'className',
          'internal-link',
          'is-unresolved',
          'external-link',
          'remote-image',
          'data-footnote-backref',
          'tag',
          'file-embed',
        ],
        ['rel', 'noopener', 'noreferrer'],
        'dataHref',
        'dataTag',
        'dataPath',
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
        // `tok-…`: a highlighted code token (render-code.ts, @lezer/highlight's classHighlighter).
        ['className', 'callout-icon', 'callout-title-inner', 'embed-placeholder', 'link-blocked', /^tok-[a-zA-Z0-9]+$/],
        'dataEmbedState',
        // A formula's placeholder: render-markdown.ts puts KaTeX's own sanitized output there.
        'dataMath',
      ],
      img: ['src', 'alt', ['className', 'image-embed', 'is-unresolved'], 'dataPath'],
      // Vault audio and video (`![[clip.mp3]]`): the source is a vault-file URL, as an image's.
      audio: ['src', ['className', 'media-embed'], 'controls', ['preload', 'metadata'], 'dataPath'],
      video: ['src', ['className', 'media-embed'], 'controls', ['preload', 'metadata'], 'dataPath'],
      table: [...(defaults.table ?? []), ['className', 'properties']],
      th: ['scope'],
      // A task's checkbox, enabled (no `disabled`) only when the renderer marked it tickable.
      input: [...(defaults.input ?? []), 'checked', 'dataTaskLine'],
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
    required: { input: { type: 'checkbox' } },
    protocols: {
      href: ['http', 'https', 'mailto'],
      src: [...imageProtocols],
      cite: ['http', 'https'],
      longDesc: ['http', 'https'],
    },
  };
}
