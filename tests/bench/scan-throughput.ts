/**
 * Throughput of the fast scanner (vault/scan.ts) on ~50 MB of realistic notes generated in memory
 * from a seeded PRNG: frontmatter, headings, 5–20 links of every form, fenced code, tables, lists
 * (tab-indented, as Obsidian writes them), callouts, tags, block ids, some non-ASCII text.
 *
 *   node --import tsx tests/bench/scan-throughput.ts [megabytes]
 *
 * One warm-up pass, then three timed passes; prints the median. MB = 2^20 bytes of UTF-8.
 */
import { scanNote } from '../../vault/scan';

const TARGET_MB = Number(process.argv[2] ?? 50);
const MB = 1024 * 1024;

/** mulberry32: small, fast, and the same notes on every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the of and to in is that for it as with was on be by this are at from or an have not but which one all their ' +
  'neural brain social trauma healing attachment oxytocin relationship memory sleep dopamine circuit fear response ' +
  'practice research evidence therapy network signal pathway regulation amygdala cortex plasticity resilience note ' +
  'µg/dL naïve café résumé Zürich 東京 приветствие ✓'
).split(' ');
const TOPICS = ['neuroscience_of_fear', 'social_isolation', 'oxytocin', 'sleep_hygiene', 'Dopamine Basics', 'attachment-theory', 'Project Plan', 'Reading List', '2024-05-01'];
const TAGS = ['neuro', 'health/sleep', 'project/active', 'todo', 'idea', 'book', 'people/colleague'];
const LANGS = ['ts', 'python', 'bash', 'json', ''];

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const count = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

function words(random: Random, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(pick(random, WORDS));
  return out.join(' ');
}

/** One link, of any of the forms the scanner reads (and a few it must skip). */
function link(random: Random): string {
  const topic = pick(random, TOPICS);
  switch (count(random, 0, 11)) {
    case 0:
      return `[[${topic}]]`;
    case 1:
      return `[[${topic} | ${topic.replace(/_/g, ' ')}]]`;
    case 2:
      return `[[${topic}#${words(random, 2)}]]`;
    case 3:
      return `[[${topic}#^b${count(random, 100, 999)}]]`;
    case 4:
      return `![[diagram-${count(random, 1, 40)}.png|300]]`;
    case 5:
      return `[${words(random, 2)}](folder/${encodeURIComponent(topic)}.md#${encodeURIComponent(words(random, 1))})`;
    case 6:
      return `![${words(random, 1)}](attachments/photo-${count(random, 1, 99)}.jpg)`;
    case 7:
      return `[${words(random, 3)}](https://example.com/${topic}?q=${count(random, 1, 9)}#frag)`;
    case 8:
      return `[${words(random, 2)}](<notes/${topic}.md> "title")`;
    case 9:
      return `[[#${words(random, 2)}]]`;
    case 10:
      return `\`[[not a link]]\``;
    default:
      return `[[${topic}\\|alias]]`;
  }
}

function paragraph(random: Random, links: number): string {
  const parts: string[] = [];
  const sentences = count(random, 3, 7);
  for (let s = 0; s < sentences; s++) {
    let sentence = words(random, count(random, 8, 20));
    if (links > 0 && random() < 0.6) {
      sentence += ' ' + link(random);
      links--;
    }
    if (random() < 0.15) sentence += ` #${pick(random, TAGS)}`;
    if (random() < 0.1) sentence += ` \`${words(random, 2)}\``;
    if (random() < 0.08) sentence = `**${sentence}**`;
    parts.push(sentence.charAt(0).toUpperCase() + sentence.slice(1) + '.');
  }
  let text = parts.join(' ');
  if (random() < 0.1) text += ` ^b${count(random, 100, 999)}`;
  return text;
}

function note(random: Random): string {
  const out: string[] = [];
  if (random() < 0.7) {
    out.push('---', `title: ${words(random, 4)}`, `tags: [${pick(random, TAGS)}, ${pick(random, TAGS)}]`);
    if (random() < 0.4) out.push(`aliases:\n  - ${words(random, 2)}\n  - ${words(random, 1)}`);
    out.push(`created: 2024-0${count(random, 1, 9)}-1${count(random, 0, 9)}`, '---', '');
  }
  out.push(`# ${words(random, 4)}`, '');
  let links = count(random, 5, 20);
  const sections = count(random, 2, 8);
  for (let s = 0; s < sections; s++) {
    out.push(`${'#'.repeat(count(random, 2, 3))} ${words(random, count(random, 2, 6))}`, '');
    const blocks = count(random, 2, 6);
    for (let b = 0; b < blocks; b++) {
      const roll = random();
      const share = Math.min(links, count(random, 0, 3));
      links -= share;
      if (roll < 0.55) {
        out.push(paragraph(random, share), '');
      } else if (roll < 0.7) {
        for (let i = count(random, 2, 6); i > 0; i--) out.push(`${random() < 0.3 ? '\t' : ''}- ${random() < 0.2 ? '[ ] ' : ''}${words(random, count(random, 4, 12))} ${share > 0 && random() < 0.5 ? link(random) : ''}`);
        out.push('');
      } else if (roll < 0.8) {
        out.push('```' + pick(random, LANGS));
        for (let i = count(random, 3, 12); i > 0; i--) out.push(`  const x${i} = "${words(random, 3)}"; // [[not-a-link]] #not-a-tag`);
        out.push('```', '');
      } else if (roll < 0.9) {
        out.push('| Metric | Description | Typical | Note |', '|---|---|---|---|');
        for (let i = count(random, 2, 6); i > 0; i--) out.push(`| ${words(random, 2)} | ${words(random, 6)} | ${count(random, 1, 500)} µg/dL | ${share > 0 && random() < 0.5 ? link(random) : words(random, 2)} |`);
        out.push('');
      } else {
        out.push(`> [!info] ${words(random, 3)}`, `> ${paragraph(random, share)}`, '');
      }
    }
  }
  while (links-- > 0) out.push(paragraph(random, 1), '');
  return out.join('\n');
}

function generate(megabytes: number): { notes: string[]; bytes: number } {
  const random = prng(20240501);
  const notes: string[] = [];
  let bytes = 0;
  while (bytes < megabytes * MB) {
    const text = note(random);
    notes.push(text);
    bytes += Buffer.byteLength(text, 'utf8');
  }
  return { notes, bytes };
}

function pass(notes: string[]): { seconds: number; links: number } {
  let links = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < notes.length; i++) links += scanNote(`notes/n${i}.md`, notes[i]!).links.length;
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, links };
}

const { notes, bytes } = generate(TARGET_MB);
console.log(`${notes.length} notes, ${(bytes / MB).toFixed(1)} MB (UTF-8), avg ${((bytes / notes.length) / 1024).toFixed(1)} KB`);
pass(notes); // warm-up: let V8 optimise the hot paths
const runs = [pass(notes), pass(notes), pass(notes)];
const median = [...runs].sort((a, b) => a.seconds - b.seconds)[1]!;
console.log(`runs: ${runs.map((run) => `${run.seconds.toFixed(3)} s`).join(', ')}; ${median.links} links per pass`);
console.log(`scanNote: ${(bytes / MB / median.seconds).toFixed(0)} MB/s (median of 3), ${Math.round(notes.length / median.seconds)} notes/s`);
