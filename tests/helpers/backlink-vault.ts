import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The note every other note links to. */
export const HUB = 'Hub.md';

/**
 * Writes a vault of `notes` notes each linking to Hub.md once, within a paragraph of text (the
 * backlinks pane shows it as the link's context), spread over 10 folders, and the hub itself.
 */
export async function writeBacklinkVault(vault: string, notes: number): Promise<void> {
  await writeFile(join(vault, HUB), '# Hub\n\nEvery other note links here.\n');
  const folders = Array.from({ length: 10 }, (_, i) => `folder ${i}`);
  for (const folder of folders) await mkdir(join(vault, folder), { recursive: true });
  const pending: Promise<void>[] = [];
  for (let i = 0; i < notes; i++) {
    const text =
      `# Note ${i}\n\nA paragraph of ordinary words about topic ${i}, which ends by pointing ` +
      `at [[Hub]] for the overview, and goes on a little after it.\n`;
    pending.push(writeFile(join(vault, folders[i % 10] as string, `note ${String(i).padStart(5, '0')}.md`), text));
    if (pending.length >= 200) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending);
}
