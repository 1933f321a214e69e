// Scanner throughput on the seeded synthetic vault (the one the differential test uses):
// `node --import tsx tests/bench/scan-throughput.ts [MB]`. Prints MB/s; asserts nothing.
import { generateVault } from '../helpers/synthetic-vault';
import { scanNote } from '../../vault/scan/scan';

const TARGET_MB = Number(process.argv[2] ?? 50);
const MB = 1024 * 1024;
const encoder = new TextEncoder();

function generate(megabytes: number): { notes: { path: string; text: string }[]; bytes: number } {
  // About 4.5 KB a note; one generation of the right count keeps the vault's link structure whole.
  const notes = generateVault({ notes: Math.ceil((megabytes * MB) / 4500), seed: 7 });
  const bytes = notes.reduce((sum, n) => sum + encoder.encode(n.text).length, 0);
  return { notes, bytes };
}

function pass(notes: { path: string; text: string }[]): { seconds: number; links: number } {
  const started = performance.now();
  let links = 0;
  for (const note of notes) links += scanNote(note.path, note.text).links.length;
  return { seconds: (performance.now() - started) / 1000, links };
}

const { notes, bytes } = generate(TARGET_MB);
console.log(
  `${notes.length} notes, ${(bytes / MB).toFixed(1)} MB (UTF-8), avg ${(bytes / notes.length / 1024).toFixed(1)} KB`,
);
pass(notes); // warm-up
const runs = [pass(notes), pass(notes), pass(notes)];
const median = [...runs].sort((a, b) => a.seconds - b.seconds)[1]!;
console.log(`runs: ${runs.map((run) => `${run.seconds.toFixed(3)} s`).join(', ')}; ${median.links} links per pass`);
console.log(
  `scanNote: ${(bytes / MB / median.seconds).toFixed(0)} MB/s (median of 3), ${Math.round(notes.length / median.seconds)} notes/s`,
);
