import type { KatexOptions } from 'katex';

/**
 * KaTeX's options wherever Plexus draws math (reading view, previews, embeds; Live Preview may
 * share them). `trust: false` keeps out `\href`, `\url`, `\includegraphics` and the `\html…`
 * commands: math cannot make links, load images or set classes and styles of its own. Errors are
 * drawn in place (red source) instead of thrown; sizes and macro expansion are capped so that a
 * note cannot make KaTeX draw a gigantic rule or expand macros forever.
 */
export const KATEX_OPTIONS = {
  throwOnError: false,
  trust: false,
  strict: 'ignore',
  maxSize: 50,
  maxExpand: 1000,
  output: 'htmlAndMathml',
} as const satisfies KatexOptions;
