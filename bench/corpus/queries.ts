/**
 * The benchmark's query set and the true answer to each query, both taken
 * from the corpus source, never from either site's index.
 *
 * A document "contains" a query the way Ctrl-F on its page would find it:
 * every part of the query (parts are separated by spaces) appears inside one
 * text block (a paragraph, heading, table cell, list item, or one metadata
 * value), case and width folded (NFKC, lower case), and a part that begins
 * or ends with a Latin letter or digit matches only as a whole word there
 * (`6号线` is not in `16号线`).
 *
 * Each site is judged against what it publishes: Gazette indexes the title,
 * the body and the metadata values of the documents its access gate lets
 * through; the baseline renders every document's title and body and nothing
 * else (bench/baseline/).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import type { Nodes, Root } from 'mdast';
import { isPublishable, type AccessLevel } from '../../src/lib/access.ts';
import { formatChineseDate, yearOf } from '../../src/lib/dates.ts';
import { formatValue } from '../../src/indicators/format.ts';
import { ui } from '../../src/translations/zh-CN.ts';
import { documentUrlPath } from '../../src/lib/document-urls.ts';
import { entryId } from '../../src/lib/entry-id.ts';
import { isDocumentKind, type DocumentKind } from '../../src/lib/kinds.ts';
import { metadataRows } from '../../src/lib/metadata-rows.ts';
import { detectOfficialHeading, splitRunIn } from '../../src/official-headings/headings.ts';
import { listFiles } from '../../tests/helpers/build-site.ts';

/** One corpus document as the two sites see its text. */
export interface CorpusDocument {
  /** Path in the corpus folder: `reports/2015-report-00012.md`. */
  file: string;
  kind: DocumentKind;
  /** Published by Gazette's internal build (not a draft, not restricted). */
  published: boolean;
  title: string;
  /** Body blocks, as the rendered page separates them. */
  body: string[];
  /** Metadata values Gazette indexes (发文字号, 索引号, 发布机构, 主题词…), and its summary and instructions. */
  metadata: string[];
  docNo: string | undefined;
  indexNo: string | undefined;
  /** Its page on each site, relative to the base: `bulletins/guangming-xinxi/2015/3/`, `bulletins/guangming-xinxi-2015-3/`. */
  urls: Record<SearchedSite, string>;
}

/** Metadata rows every document has alike; Gazette does not index them (src/search/record.ts). */
const UNSEARCHED_FIELDS = new Set(['kind', 'access']);

const markdown = unified().use(remarkParse).use(remarkGfm);

/** The text blocks of a Markdown body: paragraphs (run-in headings split off), headings, table cells, list items. */
/** An indicator as the corpus's YAML gives it, for the figures its MDX components render. */
export interface CorpusIndicator {
  name: string;
  unit: string;
  values: ReadonlyArray<{ year: number; value: number }>;
}

/**
 * What the corpus's MDX components show as text: `<Indicator id year />` its
 * figure, in its sentence; `<IndicatorChart ids />` a data table of every
 * year and figure of those indicators, with their names (a block each).
 */
function renderComponents(body: string, indicators: ReadonlyMap<string, CorpusIndicator>): { body: string; tables: string[] } {
  const tables: string[] = [];
  const text = body
    .replace(/<Indicator id="([^"]+)" year=\{(\d+)\} \/>/g, (_, id: string, year: string) => {
      const indicator = indicators.get(id);
      const point = indicator?.values.find((value) => value.year === Number(year));
      return indicator && point ? formatValue(point, indicator.unit) : '';
    })
    .replace(/<IndicatorChart ids=\{\[([^\]]*)\]\} \/>/g, (_, list: string) => {
      for (const id of list.match(/[^", ]+/g) ?? []) {
        const indicator = indicators.get(id);
        if (!indicator) continue;
        tables.push(indicator.name, ...indicator.values.flatMap((point) => [`${point.year}年`, formatValue(point, indicator.unit)]));
      }
      return '';
    });
  return { body: text, tables };
}

export function bodyBlocks(body: string, indicators: ReadonlyMap<string, CorpusIndicator> = new Map()): string[] {
  const rendered = renderComponents(body, indicators);
  const blocks: string[] = [];
  const visit = (node: Nodes) => {
    switch (node.type) {
      case 'paragraph': {
        const text = toString(node).trim();
        if (!text) return;
        // The site turns `（一）标题。正文` into a heading and a paragraph (src/official-headings/mdast-plugin.ts).
        if (detectOfficialHeading(text)) {
          const { heading, body: rest } = splitRunIn(text);
          blocks.push(heading);
          if (rest) blocks.push(rest);
        } else {
          blocks.push(text);
        }
        return;
      }
      case 'heading':
      case 'tableCell':
        blocks.push(toString(node).trim());
        return;
      // MDX components and raw HTML are not text the reader sees as written.
      case 'html':
      case 'code':
        return;
      default:
        if ('children' in node) for (const child of node.children) visit(child as Nodes);
    }
  };
  visit(markdown.parse(rendered.body) as Root);
  return [...blocks, ...rendered.tables].filter(Boolean);
}

/** The blocks of a report's 领导批示 section (src/components/Instructions.astro). */
function instructionBlocks(instructions: unknown): string[] {
  if (!Array.isArray(instructions) || instructions.length === 0) return [];
  return [
    ui.instructions,
    ...instructions.flatMap((item: { by: string; date: string; text?: string }) => [
      item.by,
      formatChineseDate(item.date),
      ...(item.text ? [item.text] : []),
    ]),
  ];
}

/** Reads every document of a generated corpus. */
export async function readCorpus(corpusDir: string): Promise<CorpusDocument[]> {
  const documents: CorpusDocument[] = [];
  const files = await listFiles(corpusDir);
  // Journal name → the slug of its file, which places its issues on Gazette.
  const indicators = new Map<string, CorpusIndicator>();
  for (const file of files.filter((name) => name.startsWith('indicators/'))) {
    const group = parseYaml(await readFile(path.join(corpusDir, file), 'utf8')) as { indicators: Record<string, CorpusIndicator> };
    for (const [id, indicator] of Object.entries(group.indicators)) indicators.set(id, indicator);
  }
  const journalSlugs = new Map<string, string>();
  for (const file of files.filter((name) => name.startsWith('publications/'))) {
    const journal = parseYaml(await readFile(path.join(corpusDir, file), 'utf8')) as { name: string };
    journalSlugs.set(journal.name, path.basename(file).replace(/\.ya?ml$/, ''));
  }
  for (const file of files) {
    const kind = file.split('/')[0]!;
    if (!isDocumentKind(kind) || !/\.mdx?$/.test(file)) continue;
    const source = await readFile(path.join(corpusDir, file), 'utf8');
    const [, yaml = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
    const data = parseYaml(yaml) as Record<string, unknown>;
    const id = entryId(file.slice(kind.length + 1));
    const journalSlug = kind === 'bulletins' ? journalSlugs.get(String(data.publication)) : undefined;
    const bulletin = journalSlug ? { publicationSlug: journalSlug, year: yearOf(String(data.date)), issue: Number(data.issue) } : undefined;
    const access = { access: (data.access as AccessLevel | undefined) ?? 'internal', draft: data.draft === true };
    documents.push({
      file,
      kind,
      published: isPublishable(access, 'internal'),
      title: String(data.title),
      body: bodyBlocks(body, indicators),
      metadata: [
        ...metadataRows(kind, data)
          .filter((row) => !UNSEARCHED_FIELDS.has(row.field))
          .map((row) => row.value),
        // The page's body also shows the summary and the leaders' instructions (src/layouts/DocumentLayout.astro).
        ...(typeof data.summary === 'string' ? [data.summary] : []),
        ...instructionBlocks(data.instructions),
      ],
      docNo: typeof data.docNo === 'string' ? data.docNo : undefined,
      indexNo: typeof data.indexNo === 'string' ? data.indexNo : undefined,
      urls: { gazette: documentUrlPath(kind, id, bulletin), baseline: `${kind}/${id}/` },
    });
  }
  return documents;
}

const fold = (text: string) => text.normalize('NFKC').toLowerCase();
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const isLatinOrDigit = (char: string | undefined) => char !== undefined && /[a-z0-9]/.test(char);
const isWordCharacter = (char: string | undefined) => char !== undefined && WORD_CHARACTER.test(char) && !/\p{Script=Han}/u.test(char);

/** The query's parts, folded: what must all appear. */
export function queryParts(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean);
}

/** True when `part` (folded) occurs in `block` (folded), as a whole word at a Latin or digit edge. */
export function blockContains(block: string, part: string): boolean {
  for (let at = block.indexOf(part); at !== -1; at = block.indexOf(part, at + 1)) {
    const before = block[at - 1];
    const after = block[at + part.length];
    if (isLatinOrDigit(part[0]) && isWordCharacter(before)) continue;
    if (isLatinOrDigit(part.at(-1)) && isWordCharacter(after)) continue;
    return true;
  }
  return false;
}

/** Which of the two sites a true count is for. */
export type SearchedSite = 'gazette' | 'baseline';

/** The blocks of a document that `site` makes searchable, folded once; undefined when the site does not publish it. */
const searchable = new WeakMap<CorpusDocument, Record<SearchedSite, string[] | undefined>>();
function searchableBlocks(document: CorpusDocument, site: SearchedSite): string[] | undefined {
  let blocks = searchable.get(document);
  if (!blocks) {
    const page = [document.title, ...document.body].map(fold);
    blocks = { gazette: document.published ? [...page, ...document.metadata.map(fold)] : undefined, baseline: page };
    searchable.set(document, blocks);
  }
  return blocks[site];
}

/** The documents whose text on `site` contains every part of `query`. */
export function documentsContaining(documents: readonly CorpusDocument[], query: string, site: SearchedSite): CorpusDocument[] {
  const parts = queryParts(query);
  return documents.filter((document) => {
    const blocks = searchableBlocks(document, site);
    return blocks !== undefined && parts.every((part) => blocks.some((block) => blockContains(block, part)));
  });
}

export interface BenchQuery {
  query: string;
  /** Why it is in the set: common, rare, one character, 文号, Latin and digits, two parts… */
  kind: string;
}

/** Han runs of `length` characters in a block, at a fixed place. */
function hanRunAt(block: string, length: number, offset: number): string | undefined {
  const runs = block.match(new RegExp(`\\p{Script=Han}{${length},}`, 'gu')) ?? [];
  const run = runs[offset % Math.max(runs.length, 1)];
  return run && run.length >= length ? run.slice(0, length) : undefined;
}

/**
 * At least twelve queries drawn from the corpus, the same for the same
 * corpus: common and rare words of 1 to 6 characters, a 文号, an 索引号, a
 * year and two-part queries. Rare ones are taken from documents at fixed
 * places, kept only when few documents contain them.
 */
export function benchQueries(documents: readonly CorpusDocument[]): BenchQuery[] {
  const published = documents.filter((document) => document.published);
  const at = (fraction: number) => published[Math.floor(fraction * (published.length - 1))]!;
  const queries: BenchQuery[] = [
    { query: '土地整备', kind: 'common, 4 characters' },
    { query: '应急管理', kind: 'common, 4 characters' },
    { query: '智慧', kind: 'common, 2 characters' },
    { query: '区', kind: 'common, 1 character' },
    { query: '2019', kind: 'year (digits)' },
    { query: '土地整备 应急管理', kind: 'two parts, both common' },
  ];
  // Rare runs of 2, 3, 5 and 6 characters, from bodies at fixed places.
  const rare = (length: number, fraction: number, kind: string) => {
    for (let step = 0; step < 50; step++) {
      const document = at((fraction + step * 0.013) % 1);
      for (let offset = 0; offset < document.body.length; offset++) {
        const candidate = hanRunAt(document.body[offset]!, length, step + offset);
        if (!candidate || queries.some((known) => known.query === candidate)) continue;
        const count = documentsContaining(documents, candidate, 'gazette').length;
        if (count >= 1 && count <= Math.max(5, documents.length / 200)) {
          queries.push({ query: candidate, kind });
          return;
        }
      }
    }
  };
  rare(3, 0.37, 'rare, 3 characters');
  rare(5, 0.61, 'rare, 5 characters');
  rare(6, 0.83, 'rare, 6 characters');
  rare(2, 0.19, 'rare, 2 characters');
  const withDocNo = published.filter((document) => document.docNo);
  if (withDocNo.length > 0) queries.push({ query: withDocNo[Math.floor(withDocNo.length / 2)]!.docNo!, kind: '文号' });
  const withIndexNo = published.filter((document) => document.indexNo);
  if (withIndexNo.length > 0)
    queries.push({ query: withIndexNo[Math.floor(withIndexNo.length / 3)]!.indexNo!, kind: '索引号 (Latin and digits)' });
  const rareWord = queries.find((known) => known.kind.startsWith('rare, 3'));
  if (rareWord) queries.push({ query: `${rareWord.query} 工作`, kind: 'two parts, one rare' });
  return queries;
}
