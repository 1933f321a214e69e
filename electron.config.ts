import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

const here = import.meta.dirname;
/** decode-named-character-reference as Node resolves it: its table-based build, not the DOM one. */
const entityDecoder = createRequire(import.meta.url).resolve('decode-named-character-reference');

// Main and preload are CommonJS: a sandboxed preload cannot be an ES module, and one module
// format for the Node side keeps __dirname meaningful.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The scan worker is its own entry: worker threads load it from a file. The `plexus`
        // command (bin/plexus.js) runs the CLI from here, beside that worker.
        input: {
          main: resolve(here, 'electron/main.ts'),
          'scan-worker': resolve(here, 'vault/index/scan-worker.ts'),
          cli: resolve(here, 'vault/cli/main.ts'),
        },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Sandboxed: one self-contained bundle, only `electron` itself left to require.
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: { preload: resolve(here, 'electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(here, 'renderer'),
    base: './',
    build: {
      outDir: resolve(here, 'out/renderer'),
      emptyOutDir: true,
      // KaTeX's fonts stay files: the CSP's font-src ('self') refuses a font inlined as data:.
      assetsInlineLimit: (file: string) => (/\.(?:woff2?|ttf)$/.test(file) ? false : undefined),
      rollupOptions: { input: { index: resolve(here, 'renderer/index.html') } },
    },
    worker: {
      // A module worker (render-client.ts starts it with `type: 'module'`): code blocks load their
      // language's parser as a chunk of its own when one first shows (render-code.ts).
      format: 'es',
      // The render worker (renderer/src/render/render-worker.ts) has no DOM, but the `browser` build of
      // micromark's entity decoder calls document.createElement as it loads: use its plain build.
      plugins: () => [
        {
          name: 'plexus:dom-free-entity-decoder',
          enforce: 'pre',
          resolveId: (id: string) => (id === 'decode-named-character-reference' ? entityDecoder : null),
        },
      ],
    },
  },
});
