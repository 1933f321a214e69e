import { existsSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { LinkInfo } from '../../shared/api';
import { PlexusError } from '../../shared/errors';
import { normalizeVaultPath } from '../../shared/paths';
import { defaultDataDir } from '../app-data';
import { renameCommand } from './rename';
import { searchCommand } from './search';
import type { WorkerScript } from '../index';
import { VaultService } from '../service';

const USAGE = `usage: plexus COMMAND --vault DIR [--json]

commands:
  index              index the vault; print counts, problems and the time taken
  links NOTE         the links written in NOTE and what each resolves to
  backlinks NOTE     the links that resolve to NOTE
  unresolved         links no file answers to, grouped by target
  tags               every tag with its notes
  search QUERY       full-text search (words, "phrases", -not, OR, tag:#t, path:, file:,
                     line:(a b), block:(a b), section:(a b), task:, task-todo:,
                     task-done:, /regex/); --limit N hits (default 20)
  rename FROM TO     rename or move a note or folder, rewriting every link to it;
                     --dry-run lists the changes without writing

options:
  --cache-dir DIR    where the index cache lives (default: the app's, so the app and the
                     command share it; PLEXUS_DATA_DIR moves the app's data folder)
  --no-cache         neither read nor write the index cache

NOTE, FROM and TO are vault-relative paths (e.g. "folder/My note.md").`;

/** Bad usage: exit 2, with the usage text. */
class UsageError extends Error {}

/** `warning`: a line for stderr with the text output (the JSON carries it in its own way). */
type Output = { json: unknown; text: string; warning?: string };

async function run(argv: string[]): Promise<Output> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        vault: { type: 'string' },
        json: { type: 'boolean', default: false },
        limit: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'cache-dir': { type: 'string' },
        'no-cache': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') return { json: null, text: USAGE };
  if (!command) throw new UsageError('a command is required');
  if (!values.vault) throw new UsageError('--vault DIR is required');
  const arity: Record<string, number> = {
    index: 0,
    links: 1,
    backlinks: 1,
    unresolved: 0,
    tags: 0,
    search: 1,
    rename: 2,
  };
  const wanted = arity[command];
  if (wanted === undefined || !Object.hasOwn(arity, command)) throw new UsageError(`unknown command "${command}"`);
  if (rest.length !== wanted) {
    const what = ['no arguments', 'one argument', 'two arguments'][wanted];
    throw new UsageError(`${command} takes ${what}`);
  }
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new UsageError('--limit takes a whole number from 1 to 1000');
  if (values['no-cache'] && values['cache-dir'] !== undefined)
    throw new UsageError('--cache-dir and --no-cache cannot go together');
  const cacheDir = values['no-cache'] ? undefined : (values['cache-dir'] ?? join(defaultDataDir(), 'index-cache'));

  const started = performance.now();
  // The app's engine and its index cache: an unchanged vault opens from the cache, without a scan.
  const service = await VaultService.open(values.vault, {
    host: 'cli',
    watch: false,
    cacheDir,
    worker: builtWorker(),
    prefetchTexts: false,
  });
  try {
    await service.indexed();
    const seconds = (performance.now() - started) / 1000;
    return await answer(service, command, rest, { limit, dryRun: values['dry-run'], seconds });
  } finally {
    // Writes the cache when the build scanned notes or the command changed some; else nothing.
    await service.close();
  }
}

async function answer(
  service: VaultService,
  command: string,
  rest: string[],
  { limit, dryRun, seconds }: { limit: number; dryRun: boolean; seconds: number },
): Promise<Output> {
  if (command === 'rename') return renameCommand(service, rest[0] ?? '', rest[1] ?? '', dryRun);
  if (command === 'search') return searchCommand(service, rest[0] ?? '', limit);
  if (command === 'index') {
    const { stats, problems } = await service.indexStatus();
    const { scanned, reused } = await service.buildStats();
    const json = {
      vault: realpathSync(service.vault.root),
      ...stats,
      problems,
      seconds: Number(seconds.toFixed(3)),
      scanned,
      fromCache: reused,
    };
    const lines = [
      `${stats.notes} notes, ${stats.files} other files`,
      `${stats.links} links: ${stats.resolved} resolved, ${stats.unresolved} unresolved`,
      `${stats.tags} tags`,
      `${problems.length} notes with problems${problems.length ? ':' : ''}`,
      ...problems.flatMap((p) => p.problems.map((q) => `  ${p.path}${q.line ? `:${q.line}` : ''}: ${q.message}`)),
      `indexed in ${seconds.toFixed(2)} s (${scanned} notes scanned, ${reused} from the cache)`,
    ];
    return { json, text: lines.join('\n') };
  }
  if (command === 'tags') {
    const tags = await service.tags();
    return { json: tags, text: tags.map((t) => `#${t.tag} (${t.notes.length}): ${t.notes.join(', ')}`).join('\n') };
  }
  if (command === 'unresolved') {
    const groups = (await service.unresolvedLinks()).map((g) => ({
      target: g.target,
      sources: g.sources.map(linkJson),
    }));
    const text = groups
      .map((g) => `${g.target}\n${g.sources.map((s) => `  ${s.source}:${s.line}  ${s.raw}`).join('\n')}`)
      .join('\n');
    return { json: groups, text };
  }
  const note = normalizeVaultPath(rest[0] ?? '');
  if (!(await service.noteMeta({ path: note })))
    throw new PlexusError('NOT_FOUND', `"${note}" is not a note of this vault.`);
  const links =
    command === 'links' ? await service.outgoingLinks({ path: note }) : await service.backlinks({ path: note });
  const list = links.map(linkJson);
  const text = list
    .map((l) =>
      command === 'links'
        ? `${l.line}  ${l.raw}  → ${l.resolved ?? '(unresolved)'}`
        : `${l.source}:${l.line}  ${l.raw}`,
    )
    .join('\n');
  return { json: list, text };
}

/**
 * The scan worker built beside this file (out/main/scan-worker.cjs, as the desktop app uses);
 * run from anywhere else, notes are scanned on this thread.
 */
function builtWorker(): WorkerScript | null {
  const file = fileURLToPath(new URL('./scan-worker.cjs', import.meta.url));
  return existsSync(file) ? { url: file } : null;
}

/** The JSON shape of one link (documented in the README). */
function linkJson(info: LinkInfo) {
  const { link } = info;
  return {
    source: info.source,
    line: link.line,
    raw: link.raw,
    target: link.target,
    headings: link.headings,
    block: link.block,
    alias: link.alias,
    style: link.style,
    embed: link.embed,
    resolved: info.resolved,
  };
}

const argv = process.argv.slice(2);
run(argv)
  .then((output) => {
    const json = argv.includes('--json') && output.json !== null;
    const text = json ? JSON.stringify(output.json, null, 2) : output.text;
    if (text) process.stdout.write(text + '\n');
    if (!json && output.warning) process.stderr.write(`plexus: ${output.warning}\n`);
    process.exitCode = 0;
  })
  .catch((error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`plexus: ${error.message}\n\n${USAGE}\n`);
      process.exitCode = 2;
    } else {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`plexus: ${message}\n`);
      process.exitCode = 1;
    }
  });
