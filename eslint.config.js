import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'stream',
  'url',
  'util',
  'worker_threads',
];

/** The engine's folders (vault/<folder>/), each with an index.ts holding what the others may use. */
const engineFolders = ['app-data', 'cli', 'files', 'host', 'index', 'links', 'rename', 'scan', 'search'];
const throughIndex =
  "Another engine folder is imported through its index.ts (`'../search'`, not `'../search/query'`): " +
  'files inside a folder import each other directly.';
const engineLayer = [
  {
    group: ['../electron/*', '../renderer/*', '../tests/*', '../../electron/*', '../../renderer/*', '../../tests/*'],
    message: 'vault/ may import shared/ only.',
  },
  { group: ['electron'], message: 'The engine stays host-agnostic: no electron in vault/.' },
];

/** Import rules per layer: what each folder may not reach (see docs/style.md). */
const layer = (files, patterns) => ({
  files,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
});

export default tseslint.config(
  {
    ignores: [
      'out/',
      '.tsbuild/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'assets/',
      'tests/fixtures/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js', 'scripts/*.mjs', 'scripts/*.d.mts'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  layer(
    ['shared/**/*.ts'],
    [
      {
        group: ['**/vault/**', '**/electron/**', '**/renderer/**', '**/tests/**', '**/scripts/**'],
        message: 'shared/ imports nothing of ours outside shared/.',
      },
      { group: nodeBuiltins, message: 'shared/ runs in both processes: no Node built-ins.' },
      { group: ['electron'], message: 'shared/ never imports electron.' },
    ],
  ),
  // The engine: service.ts composes the folders; a folder reaches another only through its index.ts.
  layer(['vault/*.ts'], [...engineLayer, { group: engineFolders.map((f) => `./${f}/*`), message: throughIndex }]),
  ...engineFolders.map((folder) =>
    layer(
      [`vault/${folder}/**/*.ts`],
      [
        ...engineLayer,
        { group: engineFolders.filter((f) => f !== folder).map((f) => `../${f}/*`), message: throughIndex },
      ],
    ),
  ),
  // The scan workers' code imports the very files it needs: a folder's index.ts would bring the
  // Vault, chokidar and RE2 into every worker's bundle (out/main/scan-worker.cjs).
  layer(['vault/index/scan-job.ts', 'vault/scan/scan.ts'], engineLayer),
  layer(
    ['electron/**/*.ts'],
    [{ group: ['../renderer/*', '../tests/*'], message: 'electron/ may import shared/ and vault/ only.' }],
  ),
  layer(
    ['renderer/**/*.ts'],
    [
      {
        group: ['../../vault/*', '../../electron/*', '../../tests/*', '../vault/*', '../electron/*'],
        message: 'renderer/ reaches the engine only through shared/.',
      },
      {
        group: [...nodeBuiltins, 'electron', 'chokidar', 'ws'],
        message: 'renderer/ is a web page: no Node built-ins or Node-only packages.',
      },
    ],
  ),
  { files: ['renderer/**/*.ts'], languageOptions: { globals: { ...globals.browser } } },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
