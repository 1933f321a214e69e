/**
 * A process for the crash tests (tests/unit/vault/files/kill-save.test.ts) to SIGKILL mid-save.
 * Usage: node --import tsx kill-save-child.ts <file> <write|create|loop> <step|-> <bytes>
 * - write/create: saves `savedText(bytes, "N")` with atomicWrite, prints "stopped:<step>" after
 *   that step and hangs until killed (or prints "done" when the step never comes).
 * - loop: saves "A…" and "B…" texts alternately forever, printing "ready" after the first save.
 */
import { atomicWrite, type SaveStep } from '../../../vault/files/atomic-write';
import { savedText } from './kill-save-text';

const [file, mode, stopAt, size] = process.argv.slice(2);
if (!file || !mode || !stopAt || !size) throw new Error('usage: <file> <write|create|loop> <step|-> <bytes>');
const bytes = Number(size);
const encode = (text: string) => new TextEncoder().encode(text);

async function hang(step: SaveStep): Promise<void> {
  if (step !== stopAt) return;
  process.stdout.write(`stopped:${step}\n`);
  setInterval(() => undefined, 1 << 30); // keep the process alive until the parent kills it
  await new Promise<never>(() => undefined);
}

if (mode === 'loop') {
  const texts = [encode(savedText(bytes, 'A')), encode(savedText(bytes, 'B'))];
  for (let i = 0; ; i++) {
    await atomicWrite(file, texts[i % 2]!);
    if (i === 0) process.stdout.write('ready\n');
  }
} else {
  await atomicWrite(file, encode(savedText(bytes, 'N')), { exclusive: mode === 'create', onStep: hang });
  process.stdout.write('done\n');
}
