import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

const here = import.meta.dirname;

// Main and preload are CommonJS: a sandboxed preload cannot be an ES module, and one module
// format for the Node side keeps __dirname meaningful.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The scan worker is its own entry: worker threads load it from a file.
        input: { main: resolve(here, 'electron/main.ts'), 'scan-worker': resolve(here, 'vault/scan-worker.ts') },
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
      rollupOptions: { input: { index: resolve(here, 'renderer/index.html') } },
    },
  },
});
