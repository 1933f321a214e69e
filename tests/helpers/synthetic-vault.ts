/**
 * A seeded synthetic vault: realistic notes (3–6 KB) with every kind of link, headings, block
 * ids, tags, callouts, tables, code and comments, in nested folders with duplicate and non-ASCII
 * names. Deterministic for a seed, so a failing differential test or a benchmark can be re-run
 * exactly. Used by the differential test (tests/unit/vault/scan-differential.test.ts) and the
 * benchmarks.
 */

export type SyntheticNote = { path: string; text: string };

export type SyntheticVaultOptions = { notes: number; seed: number };

/** Generates `notes` notes; the same options always give the same vault. */
export function generateVault({ notes, seed }: SyntheticVaultOptions): SyntheticNote[] {
  const random = mulberry32(seed);
  const plans = planNotes(notes, random);
  return plans.map((plan) => ({ path: plan.path, text: writeNote(plan, plans, random) }));
}

// ── randomness ──────────────────────────────────────────────────────────────────────────────

type Random = () => number;

/** A small, fast, well-mixed 32-bit PRNG; Math.random cannot be seeded. */
function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const chance = (random: Random, probability: number): boolean => random() < probability;

// ── vocabulary ──────────────────────────────────────────────────────────────────────────────

const COMMON = (
  'the of and to in is that it for on with as was at by be this from or an are not but have had they you which one all were ' +
  'can there their been has more when will would what so if about into than its only other some could them these may then ' +
  'also new time very after first most over such even because through our well where much should between each those while ' +
  'both under never same another around during without again often however always within among every since toward'
).split(' ');

/** Real words, so search and titles look like prose; the bulk comes from VOCABULARY below. */
const TOPICAL = (
  'memory attention habit sleep focus learning project review meeting budget design research garden recipe travel health ' +
  'fitness reading writing journal idea question answer system network signal pattern method theory practice experiment ' +
  'result summary outline draft archive index template workflow plugin theme query graph backlink folder vault note link ' +
  'heading block tag alias embed callout table code element module server client protocol archive science history music ' +
  'language culture economy energy climate ocean forest river mountain city village market family friend teacher student'
).split(' ');

const ONSETS = [
  'b',
  'bl',
  'br',
  'c',
  'ch',
  'cl',
  'cr',
  'd',
  'dr',
  'f',
  'fl',
  'fr',
  'g',
  'gl',
  'gr',
  'h',
  'j',
  'k',
  'l',
  'm',
  'n',
  'p',
  'ph',
  'pl',
  'pr',
  'qu',
  'r',
  's',
  'sc',
  'sh',
  'sl',
  'sm',
  'sn',
  'sp',
  'st',
  'str',
  't',
  'th',
  'tr',
  'v',
  'w',
  'wh',
  'y',
  'z',
  '',
];
const NUCLEI = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ee', 'oo', 'ou', 'ie', 'y', 'a', 'e', 'o'];
const CODAS = [
  '',
  '',
  '',
  'n',
  'r',
  's',
  't',
  'l',
  'm',
  'nd',
  'nt',
  'st',
  'ng',
  'ck',
  'rd',
  'll',
  'ss',
  'x',
  'th',
  'sh',
];
const SUFFIXES = ['', '', '', '', 'ing', 'tion', 'ness', 'ment', 'er', 'ly', 'able', 'ist', 'ous', 'ity'];

/**
 * About 4,000 distinct English-ish words (pronounceable syllables plus common suffixes), from a
 * fixed seed so every vault shares one vocabulary; real words first.
 */
const VOCABULARY: readonly string[] = (() => {
  const random = mulberry32(0x5eed_0f_ab);
  const words = new Set<string>([...TOPICAL, ...COMMON]);
  while (words.size < 4200) {
    let word = '';
    for (let syllables = int(random, 1, 3); syllables > 0; syllables--)
      word += pick(random, ONSETS) + pick(random, NUCLEI) + pick(random, CODAS);
    word += pick(random, SUFFIXES);
    if (word.length >= 3 && word.length <= 14) words.add(word);
  }
  return [...words];
})();

/** A word, Zipf-like: common words often, the long tail rarely (as in real prose). */
function word(random: Random): string {
  if (chance(random, 0.35)) return pick(random, COMMON);
  return VOCABULARY[Math.floor(VOCABULARY.length * random() ** 2.2)] as string;
}

const words = (random: Random, min: number, max: number): string[] =>
  Array.from({ length: int(random, min, max) }, () => word(random));
const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const titleCase = (parts: string[]): string => parts.map(capitalize).join(' ');

// ── the vault's shape ───────────────────────────────────────────────────────────────────────

const FOLDERS = [
  '',
  '',
  'projects',
  'projects/alpha-site',
  'projects/alpha-site/meetings',
  'projects/garden',
  'areas/health',
  'areas/finance',
  'areas/learning/courses',
  'journal/2024',
  'journal/2025/03',
  'resources',
  'resources/books',
  'Références/Études',
  '📥 Inbox',
  'archive/old notes',
];

/** Names real vaults repeat across folders; duplicates exercise link resolution. */
const COMMON_NAMES = ['index', 'README', 'meeting notes', 'ideas', 'todo', 'summary'];

const NON_ASCII_NAMES = [
  'Café',
  'Über',
  'naïve',
  'Ελληνικά',
  'Заметки',
  '日本語メモ',
  '東京',
  'São Paulo',
  'Zürich',
  'crème brûlée',
  '🚀 Launch',
  'Ørsted',
  'Łódź',
];

const IMAGES = ['diagram.png', 'photo one.jpg', 'chart-2024.svg', 'scan.pdf', 'sketch.png'];

const CALLOUTS = ['note', 'info', 'tip', 'warning', 'faq', 'example', 'quote', 'todo', 'NOTE', 'Important'];

const LANGUAGES = ['js', 'ts', 'python', 'bash', 'json', 'md', ''];

type NotePlan = {
  path: string;
  /** The file name without `.md`, as a wiki link names it. */
  name: string;
  folder: string;
  title: string;
  aliases: string[];
  headings: string[];
  blockIds: string[];
};

function planNotes(count: number, random: Random): NotePlan[] {
  const plans: NotePlan[] = [];
  const paths = new Set<string>();
  for (let i = 0; i < count; i++) {
    const folder = pick(random, FOLDERS);
    const name = noteName(random, plans, folder);
    let path = `${folder === '' ? '' : `${folder}/`}${name}.md`;
    for (let n = 2; paths.has(path.toLowerCase()); n++) path = `${folder === '' ? '' : `${folder}/`}${name} ${n}.md`;
    paths.add(path.toLowerCase());
    const title = titleCase(words(random, 2, 6));
    plans.push({
      path,
      name: path.slice(path.lastIndexOf('/') + 1, -'.md'.length),
      folder,
      title,
      aliases: Array.from({ length: int(random, 0, 2) }, () => titleCase(words(random, 1, 3))),
      headings: [
        ...new Set(Array.from({ length: int(random, 3, 7) }, () => capitalize(words(random, 1, 4).join(' ')))),
      ],
      blockIds: Array.from({ length: int(random, 0, 3) }, () => blockId(random)),
    });
  }
  return plans;
}

function noteName(random: Random, plans: readonly NotePlan[], folder: string): string {
  const roll = random();
  if (roll < 0.04) return pick(random, COMMON_NAMES);
  // The same name as a note elsewhere: `[[name]]` then needs the resolution rules.
  if (roll < 0.1 && plans.length > 0) {
    const other = pick(random, plans);
    if (other.folder !== folder) return other.name;
  }
  if (roll < 0.16) return `${pick(random, NON_ASCII_NAMES)} ${word(random)}`;
  const parts = words(random, 1, 4);
  const style = random();
  if (style < 0.45) return parts.join('-');
  if (style < 0.85) return titleCase(parts);
  return parts.join('_');
}

function blockId(random: Random): string {
  return Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0');
}

// ── one note ────────────────────────────────────────────────────────────────────────────────

/** Writes a note's text: frontmatter, then sections until it weighs 3–6 KB. */
function writeNote(plan: NotePlan, plans: readonly NotePlan[], random: Random): string {
  const target = int(random, 3000, 5600);
  const linkBudget = { left: int(random, 5, 20) };
  const blockIds = [...plan.blockIds];
  const context: NoteContext = { plan, plans, random, linkBudget, blockIds };
  const parts: string[] = [];
  if (chance(random, 0.85)) parts.push(frontmatter(plan, random));
  if (chance(random, 0.5)) parts.push(`# ${plan.title}\n`);
  parts.push(paragraph(context));
  let size = parts.join('\n').length;
  let heading = 0;
  while (size < target) {
    const section: string[] = [];
    const text = plan.headings[heading++ % plan.headings.length] ?? 'Notes';
    section.push(`${'#'.repeat(int(random, 2, 3))} ${headingText(text, random)}\n`);
    for (let blocks = int(random, 1, 3); blocks > 0; blocks--) section.push(block(context));
    const chunk = section.join('\n');
    if (size + chunk.length > 5800 && size >= 3000) break;
    parts.push(chunk);
    size += chunk.length + 1;
  }
  // Links the budget still owes go in a closing list, as notes often end with "Related".
  if (linkBudget.left > 0) {
    const items: string[] = [];
    while (linkBudget.left > 0) items.push(`- ${link(context)}`);
    parts.push(`## Related\n\n${items.join('\n')}\n`);
  }
  return parts.join('\n');
}

type NoteContext = {
  plan: NotePlan;
  plans: readonly NotePlan[];
  random: Random;
  linkBudget: { left: number };
  /** This note's block ids not yet placed. */
  blockIds: string[];
};

function frontmatter(plan: NotePlan, random: Random): string {
  const lines = ['---'];
  if (chance(random, 0.8)) lines.push(`title: ${chance(random, 0.3) ? JSON.stringify(plan.title) : plan.title}`);
  if (plan.aliases.length > 0) {
    if (chance(random, 0.5)) lines.push(`aliases: [${plan.aliases.join(', ')}]`);
    else lines.push('aliases:', ...plan.aliases.map((alias) => `  - ${alias}`));
  }
  const tags = Array.from({ length: int(random, 0, 3) }, () => tag(random));
  if (tags.length === 1 && chance(random, 0.3)) lines.push(`tags: ${tags[0] ?? ''}`);
  else if (tags.length > 0 && chance(random, 0.5)) lines.push(`tags: [${tags.join(', ')}]`);
  else if (tags.length > 0) lines.push('tags:', ...tags.map((value) => `  - ${value}`));
  if (chance(random, 0.6))
    lines.push(
      `created: 2024-${String(int(random, 1, 12)).padStart(2, '0')}-${String(int(random, 1, 28)).padStart(2, '0')}`,
    );
  if (chance(random, 0.3)) lines.push(`status: ${pick(random, ['draft', 'done', 'seed', 'evergreen'])}`);
  lines.push('---', '');
  return lines.join('\n');
}

function tag(random: Random): string {
  return chance(random, 0.3) ? `${pick(random, TOPICAL)}/${word(random)}` : pick(random, TOPICAL);
}

function headingText(text: string, random: Random): string {
  const roll = random();
  if (roll < 0.05) return `${text} \`${word(random)}\``;
  if (roll < 0.1) return `${text} *${word(random)}*`;
  return text;
}

function sentence(context: NoteContext): string {
  const { random } = context;
  const parts = words(random, 6, 18);
  parts[0] = capitalize(parts[0] ?? 'note');
  if (context.linkBudget.left > 0 && chance(random, 0.35)) parts.splice(int(random, 1, parts.length), 0, link(context));
  if (chance(random, 0.08)) parts.splice(int(random, 1, parts.length), 0, `#${tag(random)}`);
  if (chance(random, 0.05)) parts.splice(int(random, 1, parts.length), 0, `\`[[${word(random)}]]\``);
  if (chance(random, 0.04)) parts.splice(int(random, 1, parts.length), 0, `**${word(random)}**`);
  if (chance(random, 0.03))
    parts.splice(int(random, 1, parts.length), 0, `[the docs](https://example.org/${word(random)}#${word(random)})`);
  if (chance(random, 0.02)) parts.splice(int(random, 1, parts.length), 0, `issue #${int(random, 1, 999)}`);
  return `${parts.join(' ')}${pick(random, ['.', '.', '.', '?', '!', ':'])}`;
}

function paragraph(context: NoteContext): string {
  const sentences = Array.from({ length: int(context.random, 2, 5) }, () => sentence(context));
  return `${sentences.join(' ')}${blockIdSuffix(context)}\n`;
}

/** Ends some paragraphs and list items with one of the note's block ids. */
function blockIdSuffix(context: NoteContext): string {
  if (context.blockIds.length === 0 || !chance(context.random, 0.3)) return '';
  return ` ^${context.blockIds.pop() ?? ''}`;
}

function block(context: NoteContext): string {
  const { random } = context;
  const roll = random();
  if (roll < 0.45) return paragraph(context);
  if (roll < 0.6) return list(context);
  if (roll < 0.68) return callout(context);
  if (roll < 0.76) return table(context);
  if (roll < 0.84) return codeBlock(random);
  if (roll < 0.88) return comment(context);
  if (roll < 0.92 && context.linkBudget.left > 0) return embedLine(context);
  return paragraph(context);
}

function list(context: NoteContext): string {
  const { random } = context;
  const ordered = chance(random, 0.25);
  const task = !ordered && chance(random, 0.2);
  const items = Array.from({ length: int(random, 2, 6) }, (_, i) => {
    const marker = ordered ? `${i + 1}.` : task ? `- [${chance(random, 0.5) ? 'x' : ' '}]` : '-';
    const indent = i > 0 && chance(random, 0.15) ? '  ' : '';
    return `${indent}${marker} ${sentence(context)}${blockIdSuffix(context)}`;
  });
  return `${items.join('\n')}\n`;
}

function callout(context: NoteContext): string {
  const { random } = context;
  const fold = pick(random, ['', '', '+', '-']);
  const title = chance(random, 0.6) ? ` ${titleCase(words(random, 1, 4))}` : '';
  const lines = [`> [!${pick(random, CALLOUTS)}]${fold}${title}`];
  for (let n = int(random, 1, 3); n > 0; n--) lines.push(`> ${sentence(context)}`);
  return `${lines.join('\n')}\n`;
}

function table(context: NoteContext): string {
  const { random } = context;
  const columns = int(random, 2, 4);
  const header = Array.from({ length: columns }, () => capitalize(word(random)));
  const rows = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  for (let r = int(random, 2, 5); r > 0; r--) {
    const cells = Array.from({ length: columns }, (_, c) => {
      // Inside a table the alias pipe must be escaped: `[[a\|b]]`.
      if (c === 0 && context.linkBudget.left > 0 && chance(random, 0.6)) {
        const target = pick(random, context.plans);
        context.linkBudget.left--;
        return chance(random, 0.7) ? `[[${target.name}\\|${target.title}]]` : `[[${target.name}]]`;
      }
      return chance(random, 0.2) ? `${int(random, 1, 500)} µg` : words(random, 1, 3).join(' ');
    });
    rows.push(`| ${cells.join(' | ')} |`);
  }
  return `${rows.join('\n')}\n`;
}

function codeBlock(random: Random): string {
  const fence = chance(random, 0.85) ? '```' : '~~~';
  const fake = `[[${word(random)} ${word(random)}]]`;
  const body = [
    `// a link that is not one: ${fake} and #not-a-tag`,
    `const ${word(random)} = "![[${word(random)}.png]]";`,
    `[${word(random)}](${word(random)}.md) ^notablock`,
  ];
  return `${fence}${pick(random, LANGUAGES)}\n${body.join('\n')}\n${fence}\n`;
}

function comment(context: NoteContext): string {
  const { random } = context;
  const hidden = `[[${pick(random, context.plans).name}]] #${tag(random)}`;
  return chance(random, 0.5)
    ? `%% ${words(random, 3, 8).join(' ')} ${hidden} %%\n`
    : `%%\n${words(random, 4, 10).join(' ')}\n${hidden}\n%%\n`;
}

function embedLine(context: NoteContext): string {
  const { random } = context;
  context.linkBudget.left--;
  const image = pick(random, IMAGES);
  return chance(random, 0.5)
    ? `![[${image}${chance(random, 0.5) ? `|${int(random, 100, 600)}` : ''}]]\n`
    : `![${word(random)}](attachments/${encodeURI(image)})\n`;
}

/** One link to another note (or an unresolved one), in one of the forms people write. */
function link(context: NoteContext): string {
  const { plan, plans, random } = context;
  context.linkBudget.left--;
  const other = pick(random, plans);
  const heading = pick(random, other.headings);
  const form = int(random, 0, 15);
  switch (form) {
    case 0:
      return `[[${other.name}]]`;
    case 1:
      return `[[${other.name}|${other.title}]]`;
    case 2:
      // The seeds' style: spaces around the pipe.
      return `[[${other.name} | ${other.title}]]`;
    case 3:
      return `[[${other.path.slice(0, -'.md'.length)}]]`;
    case 4:
      return `[[${other.name}#${heading}]]`;
    case 5:
      return `[[${other.name}#${heading}#${pick(random, other.headings)}|${word(random)}]]`;
    case 6:
      return `[[#${pick(random, plan.headings)}]]`;
    case 7:
      return other.blockIds.length > 0 ? `[[${other.name}#^${pick(random, other.blockIds)}]]` : `[[${other.name}]]`;
    case 8:
      return `![[${other.name}]]`;
    case 9:
      return `![[${other.name}#${heading}]]`;
    case 10:
      return `[${titleCase(words(random, 1, 3))}](${encodeURI(other.path)})`;
    case 11:
      return `[${other.title}](${encodeURI(other.path)}#${encodeURIComponent(heading)})`;
    case 12:
      return `[[${titleCase(words(random, 1, 3))}]]`;
    case 13:
      return `[[${other.name.toLowerCase()}]]`;
    case 14:
      return `[${word(random)}](<${other.path}>)`;
    default:
      return `[[${other.name}|${pick(random, other.aliases.length > 0 ? other.aliases : [other.title])}]]`;
  }
}
