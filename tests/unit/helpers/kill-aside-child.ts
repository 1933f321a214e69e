// Saves a note through the Vault and kills itself (SIGKILL, no clean-up) at the worst moment of
// the save: right after the note was moved aside, before the new version is linked in.
//
//   node --import tsx kill-aside-child.ts <vault> <note> <text>
import { promises } from 'node:fs';
import { basename } from 'node:path';
import type { SaveFs } from '../../../vault/files/atomic-write';
import { ASIDE_PREFIX } from '../../../vault/files/save-guard';
import { Vault } from '../../../vault/files/vault';

const [root, note, text] = process.argv.slice(2) as [string, string, string];
const saveFs: SaveFs = {
  open: (path, flags, mode) => promises.open(path, flags, mode),
  stat: (path) => promises.stat(path),
  link: (from, to) => promises.link(from, to),
  rm: (path, options) => promises.rm(path, options),
  async rename(from, to) {
    await promises.rename(from, to);
    if (basename(to).startsWith(ASIDE_PREFIX)) process.kill(process.pid, 'SIGKILL');
  },
};
const vault = await Vault.open(root, undefined, { saveFs });
const { version } = await vault.read(note);
await vault.write(note, text, version);
console.log('saved without being killed');
