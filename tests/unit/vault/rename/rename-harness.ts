import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { Renamer, type RenamerOptions } from '../../../../vault/rename/renamer';
import { Vault } from '../../../../vault/files/vault';
import { VaultIndex } from '../../../../vault/index/vault-index';

/** A vault with its index following the vault's own events, as VaultService wires them. */
export async function openRenamer(root: string, options: RenamerOptions = {}) {
  const vault = await Vault.open(root);
  const indexed = VaultIndex.build(vault, { cacheFile: null, worker: null });
  vault.onDidChange((event) => void indexed.then((index) => index.apply(event)));
  const index = await indexed;
  return { vault, index, renamer: new Renamer(vault, indexed, options) };
}

/** Every file under `root` (dot-files included) and its bytes, by path. */
export async function snapshot(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (folder: string): Promise<void> => {
    for (const d of await fs.readdir(join(root, folder), { withFileTypes: true })) {
      const path = folder ? `${folder}/${d.name}` : d.name;
      if (d.isDirectory()) await walk(path);
      else out[path] = (await fs.readFile(join(root, path))).toString('base64');
    }
  };
  await walk('');
  return out;
}

export function readText(root: string, path: string): Promise<string> {
  return fs.readFile(join(root, path), 'utf8');
}
