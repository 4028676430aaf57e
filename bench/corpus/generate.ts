/**
 * Deterministic synthetic corpus for the benchmark: N documents of all four
 * kinds, journals and ten years of indicator series, written as a content
 * folder the site reads through GAZETTE_CONTENT_DIR.
 *
 * The text is made of the seed's sentences and the word list in
 * `vocabulary.ts`, so that Chinese word segmentation, and with it the search
 * index, behaves as it does on real documents. The same options always give
 * byte-identical files.
 *
 *   node bench/corpus/generate.ts --docs 1000 --out /tmp/corpus [--seed gazette]
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { REFORM_LEVELS, REFORM_STATUSES } from '../../src/schemas/reform.ts';
import type { DocumentKind } from '../../src/lib/kinds.ts';
import {
  DEPARTMENTS,
  FAMILY_NAMES,
  GIVEN_NAME_CHARACTERS,
  INDICATOR_NAMES,
  ISSUERS,
  JOURNALS,
  KEYWORDS,
  LEADER_POSTS,
  PLACE_SUFFIXES,
  PLACE_SYLLABLES,
  PROJECT_KINDS,
  TOPICS,
} from './vocabulary.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The seed document whose sentences the corpus reuses. */
export const SEED_TEXT = path.join(REPO_ROOT, 'tests/fixtures/seeds/000_94ad5dffbcaec705.txt');

/** The corpus spans ten years, ending here. */
export const LAST_YEAR = 2020;
export const YEARS = Array.from({ length: 10 }, (_, i) => LAST_YEAR - 9 + i);

/** Share of each kind in a district office's archive: mostly journal issues. */
const KIND_WEIGHTS: ReadonlyArray<readonly [DocumentKind, number]> = [
  ['bulletins', 0.55],
  ['reports', 0.2],
  ['reforms', 0.15],
  ['summaries', 0.1],
];

export interface CorpusOptions {
  /** Number of documents. */
  docs: number;
  /** Any string; the same seed gives the same corpus. */
  seed?: string;
  /** Target size of each document's body in UTF-8 bytes. */
  bodyBytes?: number;
  /** Share of documents written as MDX with indicator components. */
  mdxShare?: number;
}

export interface CorpusSummary {
  docs: number;
  byKind: Record<DocumentKind, number>;
  mdx: number;
  indicators: number;
  /** Total bytes of document files. */
  bytes: number;
  /** Search terms known to occur: a common one and a rare one. */
  queries: { common: string; rare: string };
  /** One generated document, relative to the corpus folder, for edit-and-rebuild runs. */
  sampleDocument: string;
}

/** A small, fast, seedable generator (mulberry32) seeded from a string (FNV-1a). */
export function createRandom(seed: string) {
  let state = 2166136261;
  for (const char of seed) state = Math.imul(state ^ char.codePointAt(0)!, 16777619);
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const chance = (probability: number) => next() < probability;
  /** `count` distinct items, in list order. */
  const sample = <T>(list: readonly T[], count: number): T[] => {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(count, list.length)) chosen.add(Math.floor(next() * list.length));
    return [...chosen].sort((a, b) => a - b).map((i) => list[i]!);
  };
  return { next, int, pick, chance, sample };
}
type Random = ReturnType<typeof createRandom>;

/** The seed's sentences and run-in headings, with full-width punctuation as published documents use it. */
export function seedSentences(seedText: string) {
  const text = seedText.replaceAll(',', '，').replaceAll('(', '（').replaceAll(')', '）').replaceAll(':', '：').replaceAll(';', '；');
  const headings: string[] = [];
  const sentences: string[] = [];
  for (const rawLine of text.split('\n')) {
    let line = rawLine.trim();
    const runIn = /^（[一二三四五六七八九十]+）([^。]+。)/.exec(line);
    if (runIn) {
      headings.push(runIn[1]!);
      line = line.slice(runIn[0].length);
    }
    line = line.replace(/^(——|[一二三四五六七八九十]+、)/, '');
    for (const sentence of line.match(/[^。！？；]+[。！？；]/g) ?? []) {
      const clean = sentence.replace(/^[一二三四五六七八九十]+是/, '').trim();
      if (clean.length >= 12) sentences.push(clean.replace(/；$/, '。'));
    }
  }
  return { headings, sentences };
}

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const SECTION_TITLES = ['基本情况', '主要做法', '工作成效', '存在问题', '下一步工作安排', '经验启示', '工作要求'];

function kindCounts(docs: number): Record<DocumentKind, number> {
  const counts = {} as Record<DocumentKind, number>;
  let assigned = 0;
  for (const [kind, weight] of KIND_WEIGHTS.slice(1)) {
    counts[kind] = Math.round(docs * weight);
    assigned += counts[kind];
  }
  counts.bulletins = docs - assigned;
  return counts;
}

interface Planned {
  kind: DocumentKind;
  /** File path relative to the corpus folder. */
  file: string;
  title: string;
  year: number;
  mdx: boolean;
}

/** Writes the text parts: sentences, paragraphs, tables, names. */
function writer(random: Random, seed: ReturnType<typeof seedSentences>) {
  const place = () => random.pick(PLACE_SYLLABLES) + random.pick(PLACE_SYLLABLES) + random.pick(PLACE_SUFFIXES);
  const project = () => place() + random.pick(PROJECT_KINDS);
  const person = () =>
    random.pick(FAMILY_NAMES) + random.pick(GIVEN_NAME_CHARACTERS) + (random.chance(0.6) ? random.pick(GIVEN_NAME_CHARACTERS) : '');
  /** A seed sentence with fresh figures, sometimes tied to a named place or project. */
  const sentence = () => {
    // Years stay as written; other figures change so that documents differ.
    const figures = random
      .pick(seed.sentences)
      .replace(/\d+/g, (digits) =>
        /^(19|20)\d\d$/.test(digits)
          ? digits
          : String(random.int(digits.length > 1 ? 10 ** (digits.length - 1) : 1, 10 ** digits.length - 1)),
      );
    if (random.chance(0.35))
      return `在${random.chance(0.5) ? project() : place()}${random.pick(['工作中', '推进过程中', '建设中'])}，${figures}`;
    return figures;
  };
  const paragraph = () => Array.from({ length: random.int(2, 4) }, sentence).join('');
  /** A run-in heading sentence such as 督查督办工作力度明显加大。 */
  const heading = () => random.pick(seed.headings);
  const table = (year: number) => {
    const rows = random.sample(INDICATOR_NAMES, random.int(3, 5)).map(({ name, unit }) => {
      const before = random.int(20, 9000);
      const after = Math.round(before * (0.7 + random.next() * 0.7));
      const growth = (((after - before) / before) * 100).toFixed(1);
      return `| ${name}（${unit}） | ${before} | ${after} | ${growth}% |`;
    });
    return [`| 指标 | ${year - 1}年 | ${year}年 | 同比 |`, '| --- | ---: | ---: | ---: |', ...rows].join('\n');
  };
  return { place, project, person, sentence, paragraph, heading, table };
}

function isoDate(year: number, random: Random): string {
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Indicator ids, `<slug>-<group>`; one group of series per issuing body. */
function indicatorGroups(docs: number) {
  const groupCount = Math.min(ISSUERS.length, Math.max(2, Math.ceil(docs / 1000)));
  return Array.from({ length: groupCount }, (_, group) => ({
    file: `indicators/group-${String(group + 1).padStart(2, '0')}.yaml`,
    issuer: ISSUERS[group]!,
    ids: INDICATOR_NAMES.map(({ slug }) => `${slug}-${group + 1}`),
  }));
}

function indicatorFile(group: ReturnType<typeof indicatorGroups>[number], groupIndex: number, random: Random): string {
  const indicators: Record<string, unknown> = {};
  INDICATOR_NAMES.forEach(({ name, unit }, i) => {
    let value = random.int(50, 9000);
    indicators[group.ids[i]!] = {
      name,
      unit,
      values: YEARS.map((year) => {
        value = Math.max(1, Math.round(value * (0.8 + random.next() * 0.5)));
        return { year, value };
      }),
    };
  });
  return stringify({ category: TOPICS[groupIndex % TOPICS.length], issuer: group.issuer, indicators });
}

/** MDX body additions: a figure quoted inline and a chart of a few series of one unit, as the components require. */
function indicatorBlock(random: Random, groups: ReturnType<typeof indicatorGroups>, year: number): string {
  const units = [...new Set(INDICATOR_NAMES.map(({ unit }) => unit))];
  const unit = random.pick(units);
  const ofUnit = groups.flatMap((group) => group.ids.filter((_, i) => INDICATOR_NAMES[i]!.unit === unit));
  const charted = random.sample(ofUnit, random.int(1, 3));
  return [
    `全年相关指标为<Indicator id="${random.pick(ofUnit)}" year={${year}} />，详见下图。`,
    '',
    `<IndicatorChart ids={[${charted.map((id) => `"${id}"`).join(', ')}]} />`,
  ].join('\n');
}

function frontMatter(fields: Record<string, unknown>): string {
  // JSON strings are valid YAML and leave nothing to the YAML parser's guessing.
  const lines = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return `---\n${lines.join('\n')}\n---\n`;
}

/** Generates the corpus into `outDir` (which should be empty) and describes it. */
export async function generateCorpus(outDir: string, options: CorpusOptions): Promise<CorpusSummary> {
  const { docs, seed = 'gazette', bodyBytes = 2048, mdxShare = 0.05 } = options;
  const random = createRandom(seed);
  const text = writer(random, seedSentences(await readFile(SEED_TEXT, 'utf8')));
  const counts = kindCounts(docs);
  const groups = indicatorGroups(docs);
  const files = new Map<string, string>();

  for (const journal of JOURNALS) {
    files.set(
      `publications/${journal.slug}.yaml`,
      stringify({
        name: journal.name,
        issuer: ISSUERS[0],
        description: `${journal.name}：综合办主办的决策服务内刊。`,
        frequency: '不定期',
      }),
    );
  }
  groups.forEach((group, i) => files.set(group.file, indicatorFile(group, i, random)));

  // Plan every document first so that cross-links can point at any of them.
  const planned: Planned[] = [];
  const issueCounters = new Map<string, number>();
  for (const [kind] of KIND_WEIGHTS) {
    for (let n = 0; n < counts[kind]; n++) {
      const year = YEARS[n % YEARS.length]!;
      const mdx = random.chance(mdxShare);
      const extension = mdx ? 'mdx' : 'md';
      let file: string;
      let title: string;
      if (kind === 'bulletins') {
        const journal = JOURNALS[Math.floor(n / YEARS.length) % JOURNALS.length]!;
        const key = `${journal.slug}/${year}`;
        const issue = (issueCounters.get(key) ?? 0) + 1;
        issueCounters.set(key, issue);
        file = `bulletins/${journal.slug}-${year}-${issue}.${extension}`;
        title = `${text.place()}${random.pick(KEYWORDS)}工作取得新进展`;
      } else if (kind === 'summaries') {
        file = `summaries/${year}-summary-${String(n).padStart(5, '0')}.${extension}`;
        title = `${random.pick(ISSUERS)}${year}年工作总结和${year + 1}年工作计划`;
      } else if (kind === 'reports') {
        file = `reports/${year}-report-${String(n).padStart(5, '0')}.${extension}`;
        title = `关于${text.project()}${random.pick(TOPICS)}工作情况的调研报告`;
      } else {
        file = `reforms/${year}-reform-${String(n).padStart(5, '0')}.${extension}`;
        title = `${text.place()}${random.pick(KEYWORDS)}改革`;
      }
      planned.push({ kind, file, title, year, mdx });
    }
  }

  let indexNo = 0;
  /** The last document's place name: a term few documents contain. */
  let rareQuery = '';
  for (const doc of planned) {
    const date = isoDate(doc.year, random);
    const issuer = random.pick(ISSUERS);
    const placeKeyword = text.place();
    rareQuery = placeKeyword;
    const fields: Record<string, unknown> = {
      title: doc.title,
      date,
      published: random.chance(0.5) ? addDays(date, random.int(0, 10)) : undefined,
      issuer,
      docNo: random.chance(0.6) ? `深光${random.pick(['综', '办', '发'])}〔${doc.year}〕${random.int(1, 300)}号` : undefined,
      indexNo: random.chance(0.4) ? `11440300MB2C${String(++indexNo).padStart(6, '0')}` : undefined,
      topics: random.sample(TOPICS, random.int(1, 3)),
      keywords: [...random.sample(KEYWORDS, random.int(2, 4)), placeKeyword],
      summary: text.sentence().slice(0, 120),
      access: random.chance(0.15) ? 'public' : undefined,
      draft: random.chance(0.005) ? true : undefined,
    };
    if (doc.kind === 'bulletins') {
      const [, journalSlug, , issue] = /^bulletins\/(.+)-(\d{4})-(\d+)\./.exec(doc.file)!;
      fields.publication = JOURNALS.find((journal) => journal.slug === journalSlug)!.name;
      fields.issue = Number(issue);
    } else if (doc.kind === 'reports') {
      fields.department = random.pick(DEPARTMENTS);
      fields.authors = Array.from({ length: random.int(1, 3) }, text.person);
      if (random.chance(0.3)) {
        fields.instructions = [
          { by: `${random.pick(LEADER_POSTS)}${text.person()}`, date: addDays(date, random.int(1, 30)), text: text.sentence() },
        ];
      }
    } else if (doc.kind === 'summaries') {
      fields.year = doc.year;
      fields.department = random.pick(DEPARTMENTS);
    } else {
      fields.level = random.pick(REFORM_LEVELS);
      fields.status = random.pick(REFORM_STATUSES);
      fields.lead = random.pick(ISSUERS);
      fields.startYear = doc.year;
      fields.measures = random.int(1, 40);
      fields.outcomes = random.int(0, 20);
    }

    const blocks: string[] = [text.paragraph()];
    const bodySize = () => blocks.reduce((sum, block) => sum + Buffer.byteLength(block), 0);
    for (let section = 0; section < CHINESE_NUMERALS.length && bodySize() < bodyBytes; section++) {
      blocks.push(`${CHINESE_NUMERALS[section]}、${random.pick(SECTION_TITLES)}`);
      const subsections = random.int(1, 3);
      for (let sub = 0; sub < subsections && bodySize() < bodyBytes; sub++) {
        blocks.push(`（${CHINESE_NUMERALS[sub]}）${text.heading()}${text.paragraph()}`);
      }
      if (section === 0 && random.chance(0.6)) blocks.push(text.table(doc.year));
      if (section === 0 && doc.mdx) blocks.push(indicatorBlock(random, groups, doc.year));
    }
    const target = random.pick(planned);
    if (target !== doc && random.chance(0.5)) {
      blocks.push(`详见《[${target.title}](../${target.file})》。`);
    }
    files.set(doc.file, `${frontMatter(fields)}\n${blocks.join('\n\n')}\n`);
  }

  let bytes = 0;
  for (const [relative, content] of files) {
    const file = path.join(outDir, relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
    if (!relative.endsWith('.yaml')) bytes += Buffer.byteLength(content);
  }
  return {
    docs,
    byKind: counts,
    mdx: planned.filter((doc) => doc.mdx).length,
    indicators: groups.reduce((sum, group) => sum + group.ids.length, 0),
    bytes,
    queries: { common: '土地整备', rare: rareQuery },
    sampleDocument: planned.find((doc) => doc.kind === 'reports' && !doc.mdx)?.file ?? planned[0]!.file,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { docs: { type: 'string', default: '1000' }, out: { type: 'string' }, seed: { type: 'string', default: 'gazette' } },
  });
  if (!values.out) throw new Error('usage: node bench/corpus/generate.ts --docs N --out DIR [--seed S]');
  const summary = await generateCorpus(values.out, { docs: Number(values.docs), seed: values.seed });
  console.log(JSON.stringify(summary, null, 2));
}
