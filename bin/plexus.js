#!/usr/bin/env node
// The `plexus` command: the CLI as compiled by `npm run build` (out/main/cli.cjs, beside the scan
// worker it starts), so it runs on plain Node with the package's runtime dependencies only.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../out/main/cli.cjs', import.meta.url));
if (existsSync(cli)) {
  createRequire(import.meta.url)(cli);
} else {
  process.stderr.write('plexus: not built yet — run `npm run build` first.\n');
  process.exitCode = 1;
}
