// Saves one note through the Vault in a process of its own, so a test can run the engine as
// another user (a normal one, where root's permissions would hide the bug). Prints the outcome
// as JSON: { readOnly, saved } or { error: { code, message } }.
//
//   node --import tsx save-note-child.ts <vault> <note> <text>
import { PlexusError } from '../../../shared/errors';
import { Vault } from '../../../vault/files/vault';

const [root, note, text] = process.argv.slice(2) as [string, string, string];
const vault = await Vault.open(root);
const read = await vault.read(note);
try {
  await vault.write(note, text, read.version);
  console.log(JSON.stringify({ readOnly: read.readOnly !== undefined, saved: true }));
} catch (error) {
  const info =
    error instanceof PlexusError
      ? { code: error.code, message: error.message }
      : { code: 'THROWN', message: String(error) };
  console.log(JSON.stringify({ readOnly: read.readOnly !== undefined, error: info }));
}
