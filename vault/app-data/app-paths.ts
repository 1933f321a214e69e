import { promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where Plexus keeps its own data outside any vault (welcome vault copy, settings, caches). */
export function defaultDataDir(): string {
  if (process.env.PLEXUS_DATA_DIR) return process.env.PLEXUS_DATA_DIR;
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Plexus');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Plexus');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'plexus');
}

/**
 * The user's copy of the welcome vault, made from `source` on first use so the app's own copy
 * stays clean; an existing copy (and the user's edits in it) is left alone.
 */
export async function ensureWelcomeVault(dataDir: string, source: string): Promise<string> {
  const target = join(dataDir, 'Welcome');
  const exists = await fs.stat(target).then(
    () => true,
    () => false,
  );
  if (!exists) {
    await fs.mkdir(dataDir, { recursive: true });
    await fs.cp(source, target, { recursive: true, errorOnExist: true, force: false });
  }
  return target;
}
