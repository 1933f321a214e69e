// Another program editing notes behind the app's back, as a separate process: every `period` ms
// it reads each note, appends one line naming the version it writes, and writes the result — by
// replacing the file (temp + rename, as most editors and sync tools do) or in place (truncate and
// write, as `>>`-style tools do). When done it prints, as JSON, the lines it wrote per note.
// The notes must exist throughout.
//
//   node outside-writer.mjs <vault> <period-ms> <versions-per-note> <rename|inplace> <note>...
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const [root, periodText, countText, mode, ...notes] = process.argv.slice(2);
const period = Number(periodText);
const count = Number(countText);
const written = Object.fromEntries(notes.map((note) => [note, []]));

async function edit(note, offset) {
  await sleep(offset);
  for (let k = 0; k < count; k++) {
    const file = join(root, note);
    let text;
    // A save moves the note aside for a few microseconds: read again rather than skip a version.
    for (let tries = 0; text === undefined && tries < 200; tries++) {
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        await sleep(1);
      }
    }
    if (text === undefined) throw new Error(`${note} stayed missing`);
    const line = `outside ${note} ${k}`;
    const next = `${text}${line}\n`;
    if (mode === 'rename') {
      const temp = join(root, `.writer-tmp-${process.pid}-${k}-${note.replaceAll('/', '_')}`);
      writeFileSync(temp, next);
      renameSync(temp, file);
    } else {
      writeFileSync(file, next);
    }
    written[note].push(line);
    await sleep(period);
  }
}

await Promise.all(notes.map((note, i) => edit(note, Math.round((period / notes.length) * i))));
process.stdout.write(JSON.stringify(written));
