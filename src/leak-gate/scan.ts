/**
 * The leak scan: text that only an excluded document (draft, restricted, or
 * internal in a public build) contains must not appear anywhere in a build's
 * output. This module turns documents into fingerprints and finds them in
 * text; reading the content folder and walking the output is the build
 * script's job.
 */
import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';
import { markdownToMdast } from 'satteri';

/** One content document as the scan sees it. */
export interface ScanDocument {
  /** Source file shown in reports, `content/reports/x.md`. */
  file: string;
  /** Whether this build publishes it. */
  publishable: boolean;
  /** Front-matter fields; only strings (and lists of strings) are used. */
  data: Record<string, unknown>;
  /** The Markdown body. */
  body: string;
  /** Site path without the base (`reports/x/`), when known. */
  urlPath?: string | undefined;
}

export type FingerprintField = 'title' | 'indexNo' | 'docNo' | 'summary' | 'body' | 'url' | 'slug';

export interface Fingerprint {
  /** The excluded document's file. */
  file: string;
  field: FingerprintField;
  /** The text as written in the document. */
  text: string;
  /** `text` after `normalizeForScan`, what is searched for. */
  normalized: string;
}

/** What a fingerprint is matched against, besides its own text. */
export interface FingerprintOptions {
  /**
   * The names of the site's own folders and pages (`search`, `indicators`,
   * `index`, …): an excluded document's slug that is one of them names the
   * site's page in every link to it, not the document.
   */
  siteSegments?: ReadonlySet<string>;
}

export interface LeakHit {
  fingerprint: Fingerprint;
  /** Output file, relative to the output folder. */
  outputFile: string;
  /** A few normalised characters around the hit, for the report. */
  context: string;
}

/** Shorter strings are too likely to be common words to prove a leak. */
export const MIN_FINGERPRINT_LENGTH = 6;
/** Body sentences must be longer: short ones are often stock phrases. */
export const MIN_SENTENCE_LENGTH = 8;
/**
 * Prose (a title, a summary or body sentence) means something when it has
 * this many Han characters; without them, this many letters and digits,
 * making up most of it. Code in a document (`typeof document !== 'undefined'`)
 * is neither, and would match the site's own scripts.
 */
export const MIN_HAN_CHARACTERS = 4;
export const MIN_WORD_CHARACTERS = 20;
const MIN_WORD_SHARE = 0.9;
/** Body sentences taken per excluded document, spread over the whole body. */
export const SENTENCES_PER_DOCUMENT = 12;

/**
 * One form for comparing source and output: compatibility forms folded
 * (full-width digits and letters, `．`), case folded, and every kind of
 * whitespace removed, including the thin spaces between the search index's
 * words, zero-width spaces and the line breaks HTML may add.
 */
export function normalizeForScan(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, '');
}

// Sentence ends in Chinese and Western text; a sentence never spans blocks.
const SENTENCE_END = /[。！？；!?;\n]+/;
// Lines that are markup rather than prose (MDX imports, JSX, raw HTML).
const MARKUP = /[<>{}]|^(import|export)\s/;

/**
 * The prose blocks of a Markdown body (paragraphs, headings, table cells), as
 * plain text. Parsed with Sätteri, the site's own Markdown parser (GFM
 * included), which is about ten times faster than remark: every published
 * document passes through here on each build.
 */
export function markdownBlocks(markdown: string): string[] {
  const tree = markdownToMdast(markdown);
  const blocks: string[] = [];
  type Node = { type: string; value?: string; children?: Node[] };
  const textOf = (node: Node): string =>
    node.type === 'text' || node.type === 'inlineCode' ? (node.value ?? '') : (node.children ?? []).map(textOf).join('');
  const visit = (node: Node) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      blocks.push(textOf(node));
      return;
    }
    node.children?.forEach(visit);
  };
  visit(tree as Node);
  return blocks;
}

/** Sentences of a piece of prose, trimmed, markup lines left out. */
export function sentencesOf(text: string): string[] {
  return text
    .split(SENTENCE_END)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '' && !MARKUP.test(sentence));
}

/** `count` items spread evenly over `items`, first and last included. */
export function spreadSample<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  if (count <= 1) return items.slice(0, count);
  const step = (items.length - 1) / (count - 1);
  return Array.from({ length: count }, (_, i) => items[Math.round(i * step)]!);
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

const HAN = /\p{Script=Han}/u;

/** Whether normalised prose is distinctive enough that finding it proves a leak (see MIN_HAN_CHARACTERS). */
export function isDistinctiveProse(normalized: string): boolean {
  if ((normalized.match(/\p{Script=Han}/gu)?.length ?? 0) >= MIN_HAN_CHARACTERS) return true;
  const wordCharacters = normalized.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  return wordCharacters >= MIN_WORD_CHARACTERS && wordCharacters >= MIN_WORD_SHARE * normalized.length;
}

/**
 * The last part of a document's URL (`secret-doc` of `/reports/secret-doc/`),
 * which every link to it contains, however relative. A bulletin's ends in its
 * issue number, which names nothing by itself.
 */
function slugOf(urlPath: string): string | undefined {
  const slug = urlPath.replace(/\/+$/, '').split('/').at(-1) ?? '';
  return /\p{L}/u.test(slug) ? slug : undefined;
}

function candidateFingerprints(doc: ScanDocument): Fingerprint[] {
  const make = (field: FingerprintField, text: string): Fingerprint => ({
    file: doc.file,
    field,
    text,
    normalized: normalizeForScan(text),
  });
  const fields: Fingerprint[] = [];
  for (const field of ['title', 'indexNo', 'docNo'] as const) {
    const value = doc.data[field];
    if (typeof value === 'string') fields.push(make(field, value));
  }
  if (typeof doc.data.summary === 'string') {
    fields.push(...sentencesOf(doc.data.summary).map((sentence) => make('summary', sentence)));
  }
  // A leaked link to the document shows as its URL, `/reports/x/`, or, relative, as its slug: `../x/`.
  if (doc.urlPath) {
    fields.push(make('url', `/${doc.urlPath}`));
    const slug = slugOf(doc.urlPath);
    if (slug) fields.push(make('slug', slug));
  }
  const sentences = markdownBlocks(doc.body)
    .flatMap(sentencesOf)
    .map((sentence) => make('body', sentence))
    .filter((fp) => fp.normalized.length >= MIN_SENTENCE_LENGTH && isDistinctiveProse(fp.normalized));
  const unique = [...new Map(sentences.map((fp) => [fp.normalized, fp])).values()];
  // A summary is prose like the body. A title is one too, but a short Chinese title (`2020年总结`)
  // is still distinctive: no code or program file holds Han characters by chance.
  const distinctive = (fp: Fingerprint) =>
    fp.field === 'summary'
      ? isDistinctiveProse(fp.normalized)
      : fp.field !== 'title' || HAN.test(fp.normalized) || isDistinctiveProse(fp.normalized);
  return [
    ...fields.filter((fp) => fp.normalized.length >= MIN_FINGERPRINT_LENGTH && distinctive(fp)),
    ...spreadSample(unique, SENTENCES_PER_DOCUMENT),
  ];
}

/** Everything a published document shows, normalised, one string per document. */
function publishedText(doc: ScanDocument): string {
  const url = doc.urlPath ? [`/${doc.urlPath}`] : [];
  return [...stringsIn(doc.data), ...markdownBlocks(doc.body), ...url].map(normalizeForScan).join('\n');
}

/**
 * Fingerprints of the documents this build excludes, keeping only text
 * unique to them: a sentence or title that a published document also
 * contains may rightly appear in the output.
 */
export function excludedFingerprints(docs: readonly ScanDocument[], options: FingerprintOptions = {}): Fingerprint[] {
  const candidates = docs
    .filter((doc) => !doc.publishable)
    .flatMap(candidateFingerprints)
    .filter((fp) => fp.field !== 'slug' || !options.siteSegments?.has(fp.normalized));
  const sharedWithPublished = new Set<Fingerprint>();
  const scanner = createScanner(candidates);
  for (const doc of docs.filter((d) => d.publishable)) {
    for (const { fingerprint } of scanner(publishedText(doc))) sharedWithPublished.add(fingerprint);
  }
  return candidates.filter((fp) => !sharedWithPublished.has(fp));
}

// What may stand on either side of a path segment in a link: `../x/`, `"x/`, `/x"`, `/x#top`, `/x.md`.
const SEGMENT_START = /["'=(,]/;
const SEGMENT_END = /^(?:$|[/"'#?)<>\]]|\.html?|\.mdx?)/;
const PATH_AFTER = /^(?:\/|\.html?|\.mdx?)/;

/**
 * Whether `text[start, start + length)` is a whole segment of a link's path:
 * after a `/` and before the end of the link, or at the start of a link and
 * before a `/` (`href="x/"`). `x` in `/open-x/`, `/x-2/` or in prose is not.
 */
export function isPathSegmentAt(text: string, start: number, length: number): boolean {
  const before = start === 0 ? '' : text[start - 1]!;
  const after = text.slice(start + length, start + length + 5);
  if (before === '/') return SEGMENT_END.test(after);
  return (before === '' || SEGMENT_START.test(before)) && PATH_AFTER.test(after);
}

/**
 * A matcher for many fingerprints at once. Fingerprints are indexed by
 * their first two characters, so a text is read once, whatever their number.
 * Returns each fingerprint found, once, with its first position. A slug
 * counts only as a whole path segment (`isPathSegmentAt`).
 */
export function createScanner(fingerprints: readonly Fingerprint[]) {
  const byStart = new Map<number, Fingerprint[]>();
  // Which UTF-16 units start some fingerprint: most positions of a text are
  // ruled out by one array read instead of a Map lookup (8x faster on a build).
  const startsSome = new Uint8Array(0x10000);
  for (const fp of fingerprints) {
    if (fp.normalized.length < 2) continue;
    startsSome[fp.normalized.charCodeAt(0)] = 1;
    const key = fp.normalized.charCodeAt(0) * 0x10000 + fp.normalized.charCodeAt(1);
    const list = byStart.get(key);
    if (list) list.push(fp);
    else byStart.set(key, [fp]);
  }
  return function scan(normalizedText: string): Array<{ fingerprint: Fingerprint; index: number }> {
    const found = new Map<Fingerprint, number>();
    for (let i = 0; i < normalizedText.length - 1; i++) {
      if (startsSome[normalizedText.charCodeAt(i)] === 0) continue;
      const candidates = byStart.get(normalizedText.charCodeAt(i) * 0x10000 + normalizedText.charCodeAt(i + 1));
      if (!candidates) continue;
      for (const fp of candidates) {
        if (found.has(fp) || !normalizedText.startsWith(fp.normalized, i)) continue;
        if (fp.field !== 'slug' || isPathSegmentAt(normalizedText, i, fp.normalized.length)) found.set(fp, i);
      }
    }
    return [...found].map(([fingerprint, index]) => ({ fingerprint, index }));
  };
}

/**
 * The readable text of an HTML or XML file, in two views joined: the text
 * between tags (so a sentence split by `<strong>` still matches) and the
 * whole markup with entities decoded (so attributes such as `title`,
 * `content` and `aria-label` are searched too). Comments are left out of
 * both.
 *
 * The text is read with htmlparser2, as a browser tokenizes the page: a `>`
 * inside an attribute value or a `<` in a script no longer cuts a sentence
 * in two, as the old regex strip `<[^>]*>` did. Same text on all 2,217 HTML
 * and XML files of a 2,000-document build (49 MB), in 349 ms instead of
 * 50 ms (median of 9, load average 3.4): seven times the CPU, +0.14 ms a
 * file, spread over the scan's workers; kept because a leak gate must read
 * a page as a browser does.
 */
export function markupText(markup: string): string {
  let text = '';
  /** Where each comment starts and ends (end exclusive), in order. */
  const comments: Array<[number, number]> = [];
  const parser = new Parser(
    {
      ontext(chunk) {
        text += chunk;
      },
      oncomment() {
        // Only `<!-- -->`: HTML's bogus comments (`<?xml …?>`, `<!x>`) stay in the markup view.
        if (markup.startsWith('<!--', parser.startIndex)) comments.push([parser.startIndex, parser.endIndex + 1]);
      },
    },
    // Feeds wrap text in CDATA; its content is literal text.
    { recognizeCDATA: true },
  );
  parser.end(markup);
  let withoutComments = '';
  let from = 0;
  for (const [start, end] of comments) {
    withoutComments += markup.slice(from, start);
    from = end;
  }
  withoutComments += markup.slice(from);
  const unwrapped = withoutComments.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1');
  return `${text}\n${decodeHTML(unwrapped)}`;
}

// Attributes whose value is a link or an address to fetch.
const LINK_ATTRIBUTE = /\s(?:href|src|action|formaction|cite|poster|data|xlink:href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;
// Relative links are read from the output file's own address on this made-up origin; links to any other origin are not the site's.
const SCAN_ORIGIN = 'http://gazette.invalid';

function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

/**
 * The site path each link of a page leads to (`href`, `src`, `action`, …),
 * relative ones read from the page's own address the way the browser does:
 * `../2/` in `bulletins/j/2021/1/index.html` is `/bulletins/j/2021/2/`.
 * Folder form, `index.html` dropped; the base, if any, is still in front.
 */
export function linkedSitePaths(markup: string, outputFile: string): Array<{ href: string; sitePath: string }> {
  const page = new URL(`/${outputFile}`, SCAN_ORIGIN);
  const found: Array<{ href: string; sitePath: string }> = [];
  for (const match of markup.matchAll(LINK_ATTRIBUTE)) {
    const href = decodeHTML(match[1] ?? match[2] ?? match[3] ?? '').trim();
    let url: URL;
    try {
      url = new URL(href, page);
    } catch {
      continue;
    }
    if (url.origin !== SCAN_ORIGIN) continue;
    const sitePath = decodePath(url.pathname).replace(/\/index\.html?$/i, '/');
    found.push({ href, sitePath: /\/$|\.[a-z0-9]+$/i.test(sitePath) ? sitePath : `${sitePath}/` });
  }
  return found;
}

/**
 * Finds links to excluded documents' pages by where they lead, not by how
 * they are written: a bulletin's `../2/` names its issue only from the page
 * beside it. Reports each excluded document once per file, with the link.
 */
export function createLinkScanner(fingerprints: readonly Fingerprint[]) {
  const byUrl = new Map(fingerprints.filter((fp) => fp.field === 'url').map((fp) => [fp.normalized, fp]));
  return function scanLinks(outputFile: string, markup: string): LeakHit[] {
    const hits = new Map<Fingerprint, LeakHit>();
    for (const { href, sitePath } of linkedSitePaths(markup, outputFile)) {
      const path = normalizeForScan(sitePath);
      // `/kb/reports/x/` leads to `/reports/x/` under any base.
      for (let at = path.indexOf('/'); at !== -1; at = path.indexOf('/', at + 1)) {
        const fingerprint = byUrl.get(path.slice(at));
        if (fingerprint && !hits.has(fingerprint)) hits.set(fingerprint, { fingerprint, outputFile, context: href });
      }
    }
    return [...hits.values()];
  };
}

/** Every string in a JSON document, or the raw text if it does not parse. */
export function jsonText(json: string): string {
  try {
    return stringsIn(JSON.parse(json)).join('\n');
  } catch {
    return json;
  }
}

/** Scans one output file's text and reports every fingerprint in it. */
export function scanOutputText(scanner: ReturnType<typeof createScanner>, outputFile: string, text: string): LeakHit[] {
  const normalized = normalizeForScan(text);
  const found = scanner(normalized);
  // A link by its full URL names the document once, not again by its slug.
  const linkedByUrl = new Set(found.filter(({ fingerprint }) => fingerprint.field === 'url').map(({ fingerprint }) => fingerprint.file));
  return found
    .filter(({ fingerprint }) => fingerprint.field !== 'slug' || !linkedByUrl.has(fingerprint.file))
    .map(({ fingerprint, index }) => ({
      fingerprint,
      outputFile,
      context: normalized.slice(Math.max(0, index - 12), index + fingerprint.normalized.length + 12),
    }));
}

/** A report an editor can act on: which excluded document leaked what, where. */
export function formatLeakReport(hits: readonly LeakHit[]): string {
  const lines = hits.map(
    (hit) =>
      `  ${hit.outputFile}: 含有 ${hit.fingerprint.file} 的${FIELD_NAMES[hit.fingerprint.field]}“${hit.fingerprint.text}”（…${hit.context}…）`,
  );
  return `泄露检查失败（leak scan failed）：输出中出现了不应发布的文档内容，共 ${hits.length} 处：\n${lines.join('\n')}`;
}

const FIELD_NAMES: Record<FingerprintField, string> = {
  title: '标题',
  indexNo: '索引号',
  docNo: '发文字号',
  summary: '内容概述',
  body: '正文句子',
  url: '网址',
  slug: '网址名称',
};
