// `npm test`: typecheck, lint, build, unit tests, end-to-end tests; then one closing line
// counting every test, so a reader (or CI) sees the whole suite's result at a glance. The build
// comes before the unit tests: the `plexus` command they run is the compiled one.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const reports = '.tsbuild/reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const steps = [
  ['typecheck', 'tsc', ['-b']],
  ['lint', 'eslint', ['.']],
  ['build', 'electron-vite', ['build', '-c', 'electron.config.ts']],
  ['unit', 'vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile=${reports}/vitest.json`]],
  ['e2e', 'playwright', ['test', '--reporter=list,json']],
];

const failedSteps = [];
for (const [name, bin, args] of steps) {
  // Without a build the e2e tests cannot start (the unit tests still run: those of the CLI say why they fail).
  if (name === 'e2e' && failedSteps.includes('build')) continue;
  console.log(`\n── ${name}: ${bin} ${args.join(' ')}`);
  const result = spawnSync(`node_modules/.bin/${bin}`, args, {
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/playwright.json` },
  });
  if (result.status !== 0) {
    failedSteps.push(name);
  }
}

const read = (file) => {
  try {
    return JSON.parse(readFileSync(`${reports}/${file}`, 'utf8'));
  } catch {
    return null;
  }
};
const unit = read('vitest.json');
const e2e = read('playwright.json')?.stats;
const passed = (unit?.numPassedTests ?? 0) + (e2e ? e2e.expected + e2e.flaky : 0);
const failed = (unit?.numFailedTests ?? 0) + (e2e?.unexpected ?? 0);
const skipped = (unit?.numPendingTests ?? 0) + (unit?.numTodoTests ?? 0) + (e2e?.skipped ?? 0);

console.log(
  `\nunit: ${unit?.numPassedTests ?? 0} passed; e2e: ${e2e ? e2e.expected : 0} passed, ${e2e?.skipped ?? 0} skipped`,
);
if (failedSteps.length) console.log(`failed steps: ${failedSteps.join(', ')}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);
