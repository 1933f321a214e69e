import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { atomicWrite } from '../vault/files/atomic-write';

/** What the desktop app remembers between launches. */
export type Settings = { lastVault?: string };

/** Reads settings.json; a missing or corrupt file means defaults, never a failed start. */
export async function loadSettings(dataDir: string): Promise<Settings> {
  try {
    const parsed: unknown = JSON.parse(await fs.readFile(join(dataDir, 'settings.json'), 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return {};
    const { lastVault } = parsed as { lastVault?: unknown };
    return typeof lastVault === 'string' ? { lastVault } : {};
  } catch {
    return {};
  }
}

export async function saveSettings(dataDir: string, settings: Settings): Promise<void> {
  await fs.mkdir(dataDir, { recursive: true });
  await atomicWrite(join(dataDir, 'settings.json'), new TextEncoder().encode(JSON.stringify(settings, null, 2)));
}
