/**
 * A seeded synthetic vault: realistic notes (3–6 KB) with every kind of link, headings, block
 * ids, tags, callouts, tables, code and comments, in nested folders with duplicate and non-ASCII
 * names. Deterministic for a seed, so a failing differential test or a benchmark can be re-run
 * exactly. Used by the differential test (tests/unit/vault/scan/differential.test.ts) and the
 * benchmarks.
 */

/**
 * Bump whenever a change here alters what a seed generates: benchmarks cache generated vaults on
 * disk under a name holding this version. v2: a real English vocabulary with a rare made-up tail.
 */
export const GENERATOR_VERSION = 2;

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

// ── words ───────────────────────────────────────────────────────────────────────────────────

const COMMON = (
  'the of and to in is that it for on with as was at by be this from or an are not but have had they you which one all were ' +
  'can there their been has more when will would what so if about into than its only other some could them these may then ' +
  'also new time very after first most over such even because through our well where much should between each those while ' +
  'both under never same another around during without again often however always within among every since toward'
).split(' ');

/** Words for titles and tags; prose mostly draws on ENGLISH (end of the file). */
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
 * About 20,000 made-up words (pronounceable syllables plus suffixes): the rare tail real vaults
 * have (names, jargon, typos), which makes the search dictionary as large as a real one.
 */
const RARE_WORDS: readonly string[] = (() => {
  const random = mulberry32(0x5eed_0f_ab);
  const words = new Set<string>();
  while (words.size < 20_000) {
    let word = '';
    for (let syllables = int(random, 1, 3); syllables > 0; syllables--)
      word += pick(random, ONSETS) + pick(random, NUCLEI) + pick(random, CODAS);
    word += pick(random, SUFFIXES);
    if (word.length >= 3 && word.length <= 14) words.add(word);
  }
  return [...words];
})();

/**
 * A word, Zipf-like over a real vocabulary: function words often, then real words by their rank
 * in real notes (the frequent ones much more often than the long tail), and now and then a rare
 * made-up one.
 */
function word(random: Random): string {
  const roll = random();
  if (roll < 0.3) return pick(random, COMMON);
  if (roll < 0.96) return ENGLISH[Math.floor(ENGLISH.length * random() ** 2.5)] as string;
  return RARE_WORDS[Math.floor(RARE_WORDS.length * random() ** 1.5)] as string;
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

// ── vocabulary ──────────────────────────────────────────────────────────────────────────────

/**
 * About 3,700 English words as they occur in real notes, most frequent first: every word seen in
 * at least three notes of a public community vault of ~6,500 notes (URLs, code, HTML and user
 * names left out). Ranks drive the Zipf-like choice in `word`.
 */
const ENGLISH: readonly string[] = `
this the to in note line edit author or and not anything below vault of links tags publish footer any true aliases
add plugins repository by contributions for notes that have them they themes are tag all next above issues please
section delete stars placeholder sponsoring has other but version compatible releases manifest yet your created free
comment included bio with you is on plugin as from it be can color new an using text file how into use code files
about will now font like list some last dark link screenshot more commit which if mode also when out theme one
support users community settings create need folder should view at markdown custom lets light background allows
through up content so images was style size their want my get available seedling open discussion title work make
daily between based search got what default two current editor help image used easier good time blocks commands adds
here preview tasks review command via automatically guide added been go long tab check selected different makes only
nice folders data bar supports people there do page value writing things width update reading set description mobile
way see table dataview button shared inside directly status within features bunch information sentences format each
management updates useful templates just app without over colors updated week show uses really active task we icons
heading example name specific me video template metadata inline would headings multiple display graph highlights
find block number lists better where manage lines changes including first instead tabs tools date simple tables
published run syntax click full insert own most document sure system frontmatter improved website change who install
calendar right snippet sidebar sync test buttons local weight made then top knowledge options hover icon works these
remove put take header navigation explorer feature highlighting very user great off export creating toggle cursor
snippets those such numbers single border index integration well might being write generate manually another live
same menu similar improvements copy share were looking following request together than after window external left
track styling various context many tool cards workflow look its option no currently easily know pane source editing
canvas quick quickly properties comprehensive documentation even documents type elements accent category before back
functionality working script could hotkeys setting names project helps web though download pages access folks
customizable structure word language waiting words apply had categories specified adding palette height highlight
neat safe keep under across backlinks does select sort provides still interface shortcuts keyboard save styles start
around developer pretty key checkboxes book bottom why items values card lot attachments import let article visual
embed render contents hide personal existing testing query interactive bullet linked making called may while headers
titles include every switch because internal thread formatting morning few best ability designed history diagrams
representing count developers means complete stuff along something articles comments already small order read
position possible talk taking base focus easy completed input our big related able end clipboard bit going core
random day videos dates fields process focused listed stats math embeds site path audio creates tests progress
callouts much forum spacing level enables went results found queries method ways classes selection media pull
flashcards vaults having experience choose additional panel enabled function think resources convert down nifty
getting separate switcher workspace fonts relevant questions paste both repetition class front fixed underline space
browser try little started post directory allow public fixes formats tree main blog reference organize matter adjust
native dynamic issue types someone shows release build scroll ribbon move hotkey alternative enable examples
displays outline collection views short columns primarily submitted includes group callout advanced won scripts
newsletter original digital replace projects quotes graphs variant divider rules guides place installed typing
character customize characters control previous his research actions tips normal entire embedded probably pixels
showcase interested development generator comes doing node server powerful weekly sidebars since case creation
special git per field due clean side empty bold hub feel provide online learning rendering navigate entries auto
italic garden important too interesting everything library he setup event bug disable handy scheme depend running
written functions info point manual must performance upload relative checkbox mgmeyers floating codeblocks smart
spaced beautiful decimal channel allowing popular certain nested zoom action productivity always turn modified
thoughts common software part automated parts generated globally references desktop discord property looks panes
alias deathau sorting notetaking map radius ideas opening give languages integrate automatic tracking timeline
showing whole chat modal toolbar borders inspired events store individual improve either relevat academic mostly
second hierarchy needs global renders margin basic contains workflows longer drag today customization chrisgrieser
wrote vim official shortcut opened variables paragraph opacity managing beta month paragraphs decoration location
fill less define configuration books fast sections connections static year longform configurable maps sample
clicking item cssclass overview breadcrumbs changing supported couple extension paths email match offers filter
mnaoumov indicators kanban methods screen demo database charts categorize missing contain form game enhance until
behavior pinned output journaling length old steps contrast require kind explanation brings emoji linking thing
account once done visible restore apps ever coffee der life mind helper specify again fun fully speed rename
favorite requires kit bookmarks powered appearance drop jump usage viewing idea capture given string effect actual
citations anyone etc handling posts integrates literature publishing alignment frame broken suggestions recommend
hosted autocomplete details others submit converter trigger load regular gives copying van docs during far times
statistics am devices appear tutorial mark annotations startup flexible fancy send layout client preferred avoid
particular prompt latest mentions paper learn javalent manager design fiction completion zettelkasten faster row
whether appears recently social hovering blockquote downloads minimal helpful music de tracker switching visually
pomodoro series grid ordered maximum windows seamless thanks depending dictionary edits several starter games timer
especially hidden seems unit opens wenlzhang particularly she pasted messages planning bugfixes quality device
remote locally general smaller extensions primary sets talks keeping recommended body element rows saves trying
optional converts log attention mean modify major reveal received scrolling translate blur large assistant mouse
regex moving sharing future remember cover recent days gets plain compatibility takes center home flow extra team
wrap area turns kepano voice mindmap timestamps collapse models according picker emojis colorful periodic contribute
searching wiki breaking mentioned fork extended her provided ryanjamurphy gapmiss requests among course extract
starting actually white upcoming strings detailed checking codeblock except highlighted fit relationship family draw
youtube transform reach templater footnotes cloud padding usually addition describing ask often sites did wanted
past play coming target outside close break nodes return displaying points expressions lowercase spaces intuitive
backup black schemes topic aidenlx twitter storage symbol symbols discussed problems underlines board bars cells
units horizontal browse forward workspaces sometimes soon schedule formatted versions third never required three
parent intended fix maintain root simply personally letters behind terminal logic breaks real natural archive
students although journal inbox notation syncing effects visualize vocabulary hosting python fuzzy filename sources
phone texts later enough everyone consider message recovery result copies framework come handle quickadd changed
returns bugs computer hard selecting beginning groups turned engine properly unless thinking anywhere podcast
gallery brain quorafind cycle templating awesome counts atomic arrow configured further exactly welcome pressing
ones placeholders fetch replaces unofficial rather iframe descriptions lots least organization structured displayed
itself enabling disabled happen service config stay indentation facilitate came cool present winners creator reader
moved dot marker private plan teaching gradient generation launch facilitates vertical quote summaries state levels
sizes generating likely technical concept split answer prefer student needing double applies away pattern blank
answers keys leverage basically presentations vote entry standard attachment bulk conversation speech labels
tabletop screenshots variants timelines incredible processing habit uploads super writeup summarize align brightness
correctly correct terms saved capturing automate developing needed featuring covers application summary members
override searches replacement asked shown thought positions introduced featured contact financial expand viewer love
worth club embedding syncs reminder meant released onto bullets recurring helping annotate pasting imports meeting
edition javascript column outlined enhancing seamlessly backgrounds colored alt edited high autocompletion
explaining described sign pseudometa devs components complex practices selector applied report goal follow recording
corresponding defined unique duplicate editors else news optionally address host execute business markup italics raw
menus accessible dynamically inactive counter zero systems tricks fantasy previews internet password organizing
handwritten visualization ton loading goals enhanced label filters updating stacked movies encryption organized
reviewing keywords early error press starred follows scale approved introduction yourself codes session providing
maybe us stop piece migrating highly box feedback evergreen configure health hierarchical topics limit variable push
dev giving analysis focuses alternate stories chess sentence roundup indexing connect study refresh exports
visibility translation solution editable building weather timestamp toggles containing assign panels scrollbars
importing algorithm numbered generates completely states glossary increase choosing platform proper implement
perfect beginner component debug verse discussions minutes valuable stored readable snapshot say applying object
named tell toggling delay matching purpose programming machine activate cannot citation associated limited
integrating dice aka difference medical advice controls practical chart join chance gist removed chosen bot
calendars leaving enjoyed exciting missed chords feed supporters annotation throughout wrapping diff upon patterns
instantly equations thickness interest predefined instructions rule step interact story weeks practice wonderful
amount tip shift become quite streamline spend modes specifically convenient combination reports explain worry
coding care choice instance minimum wish integrated call capabilities virtual builds originally security privacy
colour blockquotes indent child tweaks meta shell tweets retrieve shortcodes resize accompanying connected
checklists said exporting insightful minimalist shape formulas affects uploading grab encrypted insertion structures
animation reset logs statblocks clickable rainbow prompts activity experimental notice weird consistent however
concepts developed previously outgoing frequently explore seen bible diagram debugging customized purposes player
excellent newsletters decide followed rendered enter dashes operators grouped authors migration affect problem
operations took dedicated rounded middle initial saving leaves exists valid attribute module ignore services
generally otherwise years importer admonition finds outlines admonitions figured apparently converting bigger
excited wants merge widget statuses todo pin hides removing model suggestion enhances habits suggest photos
transclusions scrollbar school wide fetches gutter ancilliary effortlessly indicate respective putting familiar
recorder backlink refactor slash definition relationships supporting slideshows repositories aimed goes discusses
achieve indented describes restart turning corner whatever whitespace liked backend necessary mention expect leave
complexity rewrite understand compile differences finally fantastic listen resurfaced threads programs lightweight
collaboration discussing outliner completions layouts academics emails sequences implementation transcripts semantic
manages popout buy recipes direction chord handwriting boards sorted officially reddit removes adjustment tooltip
copied folding switches synchronize uncomment lighter hovered grow browsing whenever contribution covered located
compare slides refers sessions offer sponsors contextual ecosystem offline collaborative utility collected selectors
pairs wait science spent stores reduce hold curious forget explains readability total perspective straight variety
approach commonly tutorials four posted requirements range philosophy blue collapsed almost flexibility hope
continue delimiters role produces announced brought footnote anime asciimath lovely improving scheduled monthly
popover workarounds lengthy expanded subreddit direct anybody markers definitely databases hours hoping permanent
insider dialog centered filenames notifications priority dataviewjs lost grammar captions red installer incomplete
inserts pop attributes formula hiding adjusts offset timers everywhere sidecar notion maintained downloading sum
offered compiled refer assume logged unlinked keyword prefixer offering months desired maintenance expert built
leading known world campaigns introduces knows essays prevent potential narrow gather starts incremental processes
finding slow modern linter clear taken analyze dependency package increased replacing miss secure environment fine
hierarchies cases runs green normally totally manipulate essentially colon hit aware necessarily maintaining ensures
preset touch banner max helped happened job quiz maintainer linker echarts brackets classic podcasts walkthrough
slightly popup requested tweak smooth thank google plans container tagging mess announcement monospace seem weekend
figure proxy heard handles curated chemistry lock macro amazing branching edge countdown critical skills
personalized translations bind exclude closing playback keeps inserting filtering toggled diary guitar grey
navigating average implements aside conversations customizations titlebar shadows archived punctuation sound
checklist providers assistance intelligent dividers modifier serve basics happens merged improvement continuous
players metaphor rate typesetting representation mathematical rich mini detailing playing showcases submitting
naming advantage subfolders array assignments newest differentiate bridge ahead cause simplest abbreviated newly
puts fold conventions against pick clearly meaning asking reasons fills record port redirect absolutely connection
arbitrary indexes older prefix deal imported theming improves spot marks places strikethrough parse identifying
necessity accounts efficient understanding none loaded applicable transclusion represent presentation logo voting
enjoy expander creative pair dropdown relations secretary artificial proposal membership impact moment alternating
seeking workshop combines scrollable suggester consolidate mac checked trouble locations controlled choices caught
joining operating survey immediately rolling earn cancel unordered plaintext considering sliding instant justified
executed pending bring extraction incredibly proposed dead batch self typography todos grateful accepts stock
summarizing plots modifying heatmap dock unwanted slider indicator evaluate styled saturation unresolved pictures
temporary tooltips percentage positioning blending stage regarding expansions placed serves ready head reviewed
variations typically reviews revision libraries adjustments preferences behaviour terminology basis heart picture
finish logical intensity hints memory splitting half seconds errors effort encourage regardless nicely activated
extensive browsers willing sending ui separately servers towards domains interval sent subscribe feels entirely
deeper describe combine party power parameter difficult cleaner exist relying wherever identify surrounding talking
colours hue platforms age natively unnecessary chapters whose lucky creators receive folderv moderator archiver him
dupe orphaned profiles lab highlighter physical android niche novel superscript involved resizing filled defines
sorry optimized secondary subscribers vacation son sorts kinds generators caching adapt directories figures
limitations demonstration directions filling network collaborate presets fade novels eye accessibility huge tracked
reminds palettes pricing recipe accounting cache roadmap estimates products strong beginners low gap embeddable
material pivotal explanations writers twice messy overrides chemical insights movie holiday letting archives
visualizations badge timing moves decrease extracts frequency inserted shapes rid losing visualizing precise
selections musical screenplays fullscreen reload thumbnails transcription widths contacts rewards estimated passages
reuse matrices backwards endpoints manuscript subtle cell galleries bases elegant ftags occurrences corners discuss
equivalent spellchecking tried detect incubator engage involves pros cons opposed term overwhelmed designers slowly
studying religious effectively wanting parser writer interactions watch resource former themselves themed viewed
contained expected continuously loads underlying condition customizing repeat interaction performed profile figuring
enforce sequence convenience simpler false ignored produce docx margins subscription considered listening validation
flag honestly launched exact binary glance fail accessed exported opt combining nesting pieces final replaced
simulation triggering uploaded distinguish retrieval sit exploring overall inspect higher journey retains binding
overridden participants noise appreciate voted nominated namely benefit reply plus playlist renderer maintains
chinese flickering song monochrome ini gruvbox nomedia believe member reverse resized annotating baby encrypt cheat
sheet interactively round researcher money parity conflicts backups diffs stack efficiently leveraging clip
outliners minimalistic worked says price showcasing modification requiring tracks collapsible scenes tablets
execution cute masonry stable alternatives trick logging happy shadow rough friends soft shortest protocol
handlebars clock laptop collapses meetings notebook scripting reopening reformat growth performs calculator
regularly optimize yellow principles planner extremely lecture develop calls referenced slight leverages nonfiction
dragging protect banners drawings resolved force hiring greater bulleted risk gifs zooming methodology counting
holding expanding renames jira applications compact undo caption nouns separated reduces outdated navigator footers
listing agent tagged asciidoc unused ai mahjong striped frames locate brief threshold ending populated ancillary
paid explained consistency branch guidance gardens utilizes duration sneak becomes sherlocked collects aid designing
verses chapter definitions efforts nicer speakers master hint disabling classification participate stat tour
differently human cssclasses photo hand complicated exercise contributor quicker wrong environments license accept
stopped causing opportunity organise opposite instances assigns expression invalid installing integrations
downloaded pencil involving citekey installation checks explicitly traffic marked addresses prevents protection
accommodate cut adjusting depends bad potentially growing learned program outputs stylesheet guess disk detected
surface pushing aims law orders period alongside tells controlling renaming searched granular downloadable college
collect achievements signed suffix deeply markmind builder exporter conference koncham toc patch awhile responses
switched finished clarity annual subscript excluded inherit timestamped keystroke thru flashcard truth conversions
till overlap boxes bibliographies remembers webdav modals responsive comparison unfinished persistent cosmetic
famous discovery birthday prizes quizzes causes literally wild opportunities algorithms obscure utilize teacher
asides outstanding shipped effective parameters hopefully costs webpage solid flip workout cleaning reusable append
graphical bare pulls bound importance triggered repair memos spin emotions clusters fairly dive changelog reopen
sticky ease ignores dashboards uploader nearest chores expands blend epub warnings lower rotates prefixing chatbot
reactions rest notebooks ran usual infinite incoming terminals trackers lack excalidraw opinionated felt currency
storing dealing checker bionic enhancements deprecated appealing intervention rearrange locked gardening increasing
proof alpha gradients decided spoken cursors tries scriptures smoother todoist expansion destination adjacency faint
newlines crop generative leaf wrapper prose formerly plug cleanup bibtex defaults picking doc clone manipulation
cropped calculates pen traditional fixing channels collapsing favicon polish flash deploy calculation numbering
deletes expandable marking searchable recall executing logger arrangement letter lanes wider accents genuinely
represents revert typo launching login snapshots sponsor experiences presented chronological interconnected
technique confidence adjusted strictly innovation techniques briefly comfortable interfaces plenty shorthand
learnings inspiration managers emulation complement ideation branding gave plase refactoring hot publicly analog
targeting randomly converted joined grouping mental somebody seeing gathered condensed determined reached
horizontally draft comma stylistic advantages linting alphabetically communities respond absolute closest settled
redirecting benefits act stick ensure encounter extracting simplified importantly placing quotation compiling
confused somewhat easiest verify flowchart preceding five focussed classify forth sensitive looked represented
saying designer stylable excluding treated sequential children judges subject accepting elsewhere professional vary
happening kitchen award phase tweet entering flying interests mechanisms updater ii clips army knife dater renamer
translator manuscripts creativity cycler brulee forked hello nemesis extender prettifier indexer distributor suite
analyzer notifier shortener metatemplates successor filtered deleted engineer premium obvious chats utilities
response messing upgrade interview heartwarming combined lookup confetti animations ranges hitting previewing
pleasant iterating sibling testers ligatures marketing pulling husband busy surprised viewable fenced roller aspects
deadline biggest fellow implementing gamify incrementing waitlist poking historical interlinear glosses linguistics
initiative commits touches negative minor documenting mimic insight facing captures encode legacy suggests
spellchecker relatively redesign standards outlining ebook bonus rely maintainers anniversary pastes interacting
canvases interviewed meal fascinating pie escape tweaking picked led collector fallacy lose warning pushed solutions
stress trip moods wind impossible inactivity defining saw hate alphabetical larger popovers arrange loop denoting
specifies eg shopping implemented accurate suitable automations subjects findings espanso kindle continues dashing
argument fact minimize curly scientists celebrate bought university pastel quit operator tiles sensing detection
anniversaries bookkeeping harada unfilled schedular timediff synced folded sketch told ruler roleplaying kid
basename edges hyphenation scatter notification adapted fly ocr rotate graphics forums essay deleting portion minute
aligns wave transcriptions hashtags vision meantime querying worst annoying ref pay square nearly afford dropping
notices multi formal emotion detects moon town technology mimics reorder bookmarklet rare unfocused criteria
referencing closed placement scene worlds parsed darker commander bookmarked phones pipe unchecked upgrading
respecting recordings night cmenu bibliography tier album ghost deck ranged vertically bidirectional reordering
wordcount adjectives adverbs verbs conjunctions resting invisible inheritance recognition entities challenge solo
enthusiasts vice versa simplify flat yearly archiving enhancement returned consuming tailored dangling synchronized
conditions seperate periods fraction activities encoding nutrition organizes replacements stopping prefered
birthdays visualise subsequent discoveries pallete fighting consecutive symlinks datetime wallpapers synonyms
prefixes suffixes reminders gamification blazingly decreasing hashes sketches secrets routines efficiency
recursively filterable audios pinyin pixel automaticaly aids webpages splits customisable stopwatch rhymes
downloader strike lightness experiment roughly jumping fitting forks yours readers central exploration degree
scientific publication refined unfold economy beneficial prepare commentary arabic ultimate bindings infos roles
configuring unexpected presents market noticeable utilized held sublists motivation earlier anyway respect actively
similarly prompted remaining studio somewhere mine remain independently generous assumes skip identifier avoiding
increases summarizes regard arguments understands drive yes ends usable gain opinion exclusively disclaimer triggers
literal unfortunately emulates expects thus seriously sake referring inherits focusing greatly repeating underscore
explores filesystem success technically significant biology demonstrate timely sleek interpreted layer identified
indicates architecture sense uncheck hang hear descriptive overviews notable drawn submissions graduate finishes
celebrating strange jazz posting contest polls myself whichever mentor winner credit shares aesthetics mod fair
writes spiritual mono dictionaries matched clutter conjunction spellcheck corkboard impacted fireside lskypro token
harder mass kept upstream minimalism glad scans corruption difficulty therefore recursion managed transforms pinch
donating strongly ground blogging maker overhauled orphan eink wisdom collecting relates iframes combo caps seemed
digitize hunt vein starboard defer ergonomic autocompletes backspace chunk revamped tones creatures supercharge
toggleable unlike upgraded bright discount webhooks stumbled climate bookmark urgency reflections favicons
codemirror infographic reflecting nutritional surfaced bringing appreciated homescreen helpfully impressed
commenting telling completes scoped robust comply materials planned dump desire season hovers suspect glow cooking
authentication upvote changelogs backslash designated pause star indexed recognize convention structuring historians
reflects medium ensuring guidelines guy removal tellers synchronizes catalog subscribed bundled careful volume
possibilities product forgot promise underlining late finer prettify printed hopes entered purple ordering viable
curate engines financially complements chatting shifting daycare signing prior lives securely retrieves researchers
explanatory reminded difficulties everybody datasets perspectives declutters reconnecting embeddings broader togging
hierarchically worldbuilding courses pregnancy forgetting overhaul haptic executable modifies webp unicode permalink
oriented legibility calculate imagine answering mapping riff exposing possibility confident credentials translating
portfolio uncaught exceptions wildcards suggested thesaurus metrics intervals sandboxed donation radar sortable
hacky magic lookups resurfacing anchor culture depth shipping noticed moderators relate paying tends perhaps pairing
visualiser evaluates refine vast majority hanging nature passing vocabularies arranging purchase experienced inputs
trims sends consolidating geared printable presenting supercharged conflicting composition ignoring intelligently
suggesting translucent six shoot speak secret facelift spell expiration friction flagged sub acts training career
prepended dated metronomes phrases relational hadn crossed prototype likes trust stringed instruments office
whiteboard race partial linenumber quirks decent kill yank wheel null drafting interrupting modular hack float
chunks deliberately ether mood ratings indenting closes regexp friend stylings prices stretch sleep extras rework
finder simulate externally backed onboarding wandering roman numeral merging trashes subdirectories dirty wondered
affected transitioning rearranging expectations awkward fragments migrate reverted visiting clippings paradigm
inlinks clicked migrated classifies transcribe gorgeous assigning anymore pseudocode trained computational uri
chevereto kanbans education ids retro abilities repos zip stamps collections duplication pink parsing greyed amounts
exposes numerical smile apple reversed optimization played networked dialogs skipping carriage factors circular
furigana recognized shorthands swapping clearer milestones uncover practicing partially corrections capitalisation
initially movement ex gaps toolbars amenable tex staring perform animated succession battery frictionless bolded
draggable aloud embeded coloring internally customisation separator spelling theorem decorations hyperlinks
highlighing compared paused calculations serial foldable diverse chips muted restarting fading stacks spine
orientation dimming
`
  .trim()
  .split(/\s+/);
