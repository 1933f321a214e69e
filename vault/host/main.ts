import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PlexusError } from '../../shared/errors';
import { defaultDataDir, ensureWelcomeVault } from '../app-data';
import { portToken } from './token';
import { startBrowserHost } from './server';
import { VaultService } from '../service';

const usage = [
  'usage: npm run serve -- [--vault PATH] [--port N] [--data-dir PATH]',
  '  --port N keeps its access token in the data folder, so open pages reconnect after a restart.',
].join('\n');

/** How long a stop waits for the index cache to be written before the process exits anyway. */
const STOP_GRACE_MS = 3000;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      vault: { type: 'string' },
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      // The renderer files to serve (tests use a stand-in while a build may be under way).
      'static-dir': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return void console.log(usage);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535. ${usage}`);
  const staticDir = values['static-dir']
    ? resolve(values['static-dir'])
    : fileURLToPath(new URL('../../out/renderer', import.meta.url));
  if (!existsSync(`${staticDir}/index.html`)) throw new Error('The renderer is not built: run "npm run build" first.');

  const dataDir = values['data-dir'] ?? defaultDataDir();
  const root =
    values.vault ??
    (await ensureWelcomeVault(dataDir, fileURLToPath(new URL('../../assets/welcome-vault', import.meta.url))));
  const service = await VaultService.open(root, {
    host: 'browser',
    cacheDir: join(dataDir, 'index-cache'),
    recoveryDir: join(dataDir, 'recovery'),
  });
  // On a fixed port the token survives a restart, so open pages reconnect and save; a random port
  // is a new origin anyway (the page cannot reach it), so it gets a fresh token.
  const token = port === 0 ? undefined : await portToken(dataDir, port);
  const host = await startBrowserHost({ service, staticDir, port, token });
  console.log(`Plexus is serving ${service.vault.root}`);
  console.log(`Open ${host.url}`);

  let stopping = false;
  const stop = () => {
    // A second signal, or a close still waiting on a long first index build, ends it at once:
    // the index cache is only a cache, and every save has already reached the disk.
    if (stopping) process.exit(0);
    stopping = true;
    setTimeout(() => process.exit(0), STOP_GRACE_MS).unref();
    void host
      .close()
      .then(() => service.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`plexus: ${error instanceof PlexusError || error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
