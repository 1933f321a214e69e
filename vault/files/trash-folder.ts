import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { baseName } from '../../shared/paths';

/**
 * The default trash for hosts without an OS trash: moves `abs` into `<root>/.trash/`, never
 * overwriting (a second "a.md" becomes "a 2.md").
 */
export async function moveToTrashFolder(root: string, abs: string, rel: string): Promise<void> {
  const folder = join(root, '.trash');
  await fs.mkdir(folder, { recursive: true });
  const name = baseName(rel);
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 1; ; n++) {
    const target = join(folder, n === 1 ? name : `${stem} ${n}${ext}`);
    const taken = await fs.lstat(target).then(
      () => true,
      () => false,
    );
    if (taken) continue;
    await fs.rename(abs, target);
    return;
  }
}
