/**
 * `npm run bench -- --docs N`: builds a generated corpus of N documents with
 * the real pipeline (`npm run build`) and with the baseline (a plain Astro
 * site plus the Pagefind CLI), measures both, prints a table and writes
 * `bench/results/<date>T<time>-<N>docs.json`.
 *
 * Options: --seed S, --mdx-share 0.05, --memory-cap-mb 16000, --no-baseline, --no-browser, --no-rebuild, --keep (keep
 * the corpus and builds under bench/tmp/ for a look afterwards).
 */
import { appendFile, chmod, cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../tests/helpers/paths.ts';
import { generateCorpus, type CorpusSummary } from './corpus/generate.ts';
import { measureCommand, measureSequence, type Measurement } from './measure-process.ts';
import { phaseAt, splitPhases } from './phases.ts';
import { measureSite, type SiteMetrics } from './site-metrics.ts';
import { measureSearch, type SearchMetrics } from './search-metrics.ts';
import { benchQueries, readCorpus } from './corpus/queries.ts';
import { formatSideBySide, measureSideBySide, type SideBySide } from './search-side-by-side.ts';
import { measureFonts, type FontMetrics } from './font-metrics.ts';

const { values: flags } = parseArgs({
  options: {
    docs: { type: 'string', default: '1000' },
    seed: { type: 'string', default: 'gazette' },
    'mdx-share': { type: 'string', default: '0.05' },
    'no-baseline': { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
    'no-rebuild': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'memory-cap-mb': { type: 'string', default: '16000' },
  },
});
/** A run's process tree is stopped past this (see measure-process.ts). */
const MEMORY_CAP_MB = Number(flags['memory-cap-mb']);
const DOCS = Number(flags.docs);
if (!Number.isInteger(DOCS) || DOCS < 10) throw new Error(`--docs must be a whole number ≥ 10, not ${flags.docs}`);

/** The site is served under /kb/ in the browser measurement, as deployed. */
const SITE_BASE = '/kb/';
const NODE = process.execPath;
const ASTRO = path.join(REPO_ROOT, 'node_modules/astro/bin/astro.mjs');
const PAGEFIND = path.join(REPO_ROOT, 'node_modules/.bin/pagefind');
const BASELINE_ROOT = path.join(REPO_ROOT, 'bench/baseline');
const RESULTS_DIR = path.join(REPO_ROOT, 'bench/results');
const QUIET = { FORCE_COLOR: '0', NO_COLOR: '1' };

const log = (message: string) => console.log(`[bench] ${message}`);
const round = (value: number, digits = 1) => Number(value.toFixed(digits));

function failed(what: string, run: Measurement): never {
  console.error(
    run.lines
      .slice(-40)
      .map((line) => line.text)
      .join('\n'),
  );
  if (run.cappedAt !== undefined) {
    throw new Error(
      `${what} stopped at ${round(run.cappedAt)} s: its processes passed ${MEMORY_CAP_MB} MB (peak ${Math.round(run.peakRssMB)} MB)`,
    );
  }
  throw new Error(`${what} failed with exit code ${run.exitCode}`);
}

/**
 * The site is built from a copy of the working tree (node_modules linked), not
 * the repository itself: Astro writes `content-modules.mjs`, the map from MDX
 * files to their modules, into `<root>/.astro/` whatever the cache folder, so
 * two builds in one root overwrite each other's map and MDX pages fail with
 * "Unexpected error while rendering" (found running beside other engineers'
 * test builds). A copy of the sources is about 2 MB.
 */
const NOT_COPIED = new Set(['node_modules', '.git', '.astro', 'dist', 'bench', '.scratch']);

async function isolatedCheckout(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (const entry of await readdir(REPO_ROOT)) {
    if (NOT_COPIED.has(entry) || entry.startsWith('.dist-')) continue;
    await cp(path.join(REPO_ROOT, entry), path.join(dir, entry), { recursive: true });
  }
  await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

/** Corpus, builds and caches of one run, under bench/tmp/ (git-ignored). */
async function workFolders() {
  const work = await mkdtemp(path.join(REPO_ROOT, 'bench/tmp', `run-${DOCS}-`));
  // mkdtemp makes it 0700; nginx's unprivileged workers must pass through it to serve the builds (else each is copied).
  await chmod(work, 0o755);
  const site = await isolatedCheckout(path.join(work, 'site'));
  return {
    work,
    site,
    // Inside the checkout: Astro puts its prerender chunks next to an output folder within the working directory.
    ours: path.join(site, 'dist-bench'),
    oursCache: path.join(work, 'ours-cache'),
    // The baseline runs in its own folder, so its chunks go to bench/baseline/.astro/, used by no one else.
    baseline: path.join(work, 'baseline'),
    baselineCache: path.join(work, 'baseline-cache'),
  };
}

async function buildOurs(site: string, corpus: string, outDir: string, cacheDir: string) {
  return measureCommand('npm', ['run', 'build', '--', '--outDir', outDir], {
    cwd: site,
    memoryCapMB: MEMORY_CAP_MB,
    env: { ...QUIET, GAZETTE_CONTENT_DIR: corpus, GAZETTE_CACHE_DIR: cacheDir, SITE_BASE },
  });
}

/** Edits one document the way an editor would: one more sentence at the end. */
async function editOneDocument(corpus: string, summary: CorpusSummary) {
  await appendFile(path.join(corpus, summary.sampleDocument), '\n本文档已于近日修订，补充了最新工作进展。\n');
}

async function buildBaseline(corpus: string, outDir: string, cacheDir: string) {
  return measureSequence([
    {
      command: NODE,
      args: [ASTRO, 'build', '--outDir', outDir],
      options: {
        cwd: BASELINE_ROOT,
        env: { ...QUIET, GAZETTE_CONTENT_DIR: corpus, GAZETTE_CACHE_DIR: cacheDir },
        memoryCapMB: MEMORY_CAP_MB,
      },
    },
    { command: PAGEFIND, args: ['--site', outDir], options: { cwd: BASELINE_ROOT, env: QUIET, memoryCapMB: MEMORY_CAP_MB } },
  ]);
}

interface Target {
  name: string;
  value: number;
  limit: number;
  /** `max`: value must not exceed limit; `min`: must reach it. */
  kind: 'max' | 'min';
  unit: string;
}

/** Issue 17's targets: every query as fast and as light as stock Pagefind's, the first one too, and exact. */
function sideBySideTargets(result: SideBySide): Target[] {
  const list: Target[] = [];
  const slowest = Math.max(...result.queries.map(({ ours, stock }) => ours.milliseconds / Math.max(stock.milliseconds, 1)));
  const heaviest = Math.max(...result.queries.map(({ ours, stock }) => ours.bytes / Math.max(stock.bytes, 1)));
  const withoutFonts = (metrics: { bytes: number; fontBytes: number }) => metrics.bytes - metrics.fontBytes;
  const heaviestWithoutFonts = Math.max(...result.queries.map(({ ours, stock }) => withoutFonts(ours) / Math.max(withoutFonts(stock), 1)));
  const slowestRanked = Math.max(
    ...result.queries.map(({ ours, stock }) => (ours.rankedMilliseconds ?? ours.milliseconds) / Math.max(stock.milliseconds, 1)),
  );
  const first = result.queries.find((query) => query.first)!;
  list.push(
    { name: 'search time / stock Pagefind, worst query', value: slowest, limit: 1, kind: 'max', unit: '×' },
    { name: 'search time in full relevance order / stock Pagefind, worst query', value: slowestRanked, limit: 1, kind: 'max', unit: '×' },
    { name: 'search bytes / stock Pagefind, worst query', value: heaviest, limit: 1, kind: 'max', unit: '×' },
    { name: 'search bytes without web fonts / stock Pagefind, worst query', value: heaviestWithoutFonts, limit: 1, kind: 'max', unit: '×' },
    {
      name: 'first query of a session / stock Pagefind',
      value: first.ours.milliseconds / Math.max(first.stock.milliseconds, 1),
      limit: 1,
      kind: 'max',
      unit: '×',
    },
    { name: 'warm query time, median', value: result.warmMedianMilliseconds.ours, limit: 50, kind: 'max', unit: 'ms' },
    {
      name: 'search precision, worst query',
      value: Math.min(...result.queries.map(({ ours }) => ours.precision)),
      limit: 1,
      kind: 'min',
      unit: '',
    },
    {
      name: 'search recall, worst query',
      value: Math.min(...result.queries.map(({ ours }) => ours.recall)),
      limit: 1,
      kind: 'min',
      unit: '',
    },
  );
  return list;
}

function targets(ours: OursResult, baseline: BaselineResult | undefined): Target[] {
  const list: Target[] = [
    { name: 'full build wall time', value: ours.wallSeconds, limit: 60, kind: 'max', unit: 's' },
    { name: 'full build peak RSS', value: ours.peakRssMB, limit: 2500, kind: 'max', unit: 'MB' },
  ];
  if (baseline) {
    list.push(
      { name: 'wall time / baseline', value: ours.wallSeconds / baseline.wallSeconds, limit: 0.5, kind: 'max', unit: '×' },
      { name: 'peak RSS / baseline', value: ours.peakRssMB / baseline.peakRssMB, limit: 0.5, kind: 'max', unit: '×' },
    );
  }
  if (ours.search) {
    list.push(
      { name: 'first query fetched', value: ours.search.first.bytes / 1000, limit: 300, kind: 'max', unit: 'KB' },
      { name: 'warm query time', value: ours.search.warm.milliseconds, limit: 50, kind: 'max', unit: 'ms' },
    );
  }
  if (ours.fonts) {
    list.push(
      {
        name: 'document page font bytes, no Chinese font installed (max)',
        value: ours.fonts.withoutLocalFonts.maxBytes / 1024,
        limit: 300,
        kind: 'max',
        unit: 'KB',
      },
      {
        name: 'document page font bytes, Noto SC installed (max)',
        value: ours.fonts.withLocalFonts.maxBytes,
        limit: 0,
        kind: 'max',
        unit: 'B',
      },
    );
  }
  const page = ours.site.documentPages;
  list.push(
    { name: 'document page HTML+CSS gzip (median)', value: page.medianHtmlCssGzipBytes / 1000, limit: 40, kind: 'max', unit: 'KB' },
    { name: 'document page HTML+CSS gzip (max)', value: page.maxHtmlCssGzipBytes / 1000, limit: 40, kind: 'max', unit: 'KB' },
    { name: 'document page JS besides search', value: page.maxJsBytesBesidesSearch, limit: 0, kind: 'max', unit: 'B' },
  );
  if (ours.rebuildSeconds !== undefined) {
    list.push({
      name: 'cold build / rebuild after one edit',
      value: ours.wallSeconds / ours.rebuildSeconds,
      limit: 2,
      kind: 'min',
      unit: '×',
    });
  }
  return list;
}

interface OursResult {
  wallSeconds: number;
  cpuSeconds: number | undefined;
  peakRssMB: number;
  peakProcessRssMB: number;
  /** The phase the peak came in, and which processes held it (MB). */
  peakPhase: string;
  peakByProcess: Record<string, number>;
  pagesPerSecond: number;
  phases: Record<string, number>;
  rebuildSeconds: number | undefined;
  /** Where the rebuild's time went, phase by phase. */
  rebuildPhases: Record<string, number> | undefined;
  site: SiteMetrics;
  search: SearchMetrics | undefined;
  fonts: FontMetrics | undefined;
}

interface BaselineResult {
  wallSeconds: number;
  cpuSeconds: number | undefined;
  peakRssMB: number;
  astroSeconds: number;
  astroPeakRssMB: number;
  pagefindSeconds: number;
  pagefindPeakRssMB: number;
  htmlPages: number;
  pagesPerSecond: number;
  distMB: number;
  searchIndexMB: number;
}

function printTable(corpus: CorpusSummary, ours: OursResult, baseline: BaselineResult | undefined, checks: Target[]) {
  const rows: Array<[string, string, string]> = [
    ['', 'ours', 'baseline'],
    ['wall time (s)', String(round(ours.wallSeconds)), baseline ? String(round(baseline.wallSeconds)) : '–'],
    ['CPU time, user + system (s)', String(round(ours.cpuSeconds ?? 0)), baseline ? String(round(baseline.cpuSeconds ?? 0)) : '–'],
    ['peak RSS, process tree (MB)', String(Math.round(ours.peakRssMB)), baseline ? String(Math.round(baseline.peakRssMB)) : '–'],
    ['HTML pages', String(ours.site.htmlPages), baseline ? String(baseline.htmlPages) : '–'],
    ['pages / s', String(round(ours.pagesPerSecond)), baseline ? String(round(baseline.pagesPerSecond)) : '–'],
    ['dist (MB)', String(round(ours.site.distMB)), baseline ? String(round(baseline.distMB)) : '–'],
    ['search index (MB)', String(round(ours.site.searchIndexMB)), baseline ? String(round(baseline.searchIndexMB)) : '–'],
  ];
  if (baseline) {
    rows.push(['  of which astro build (s / MB)', '', `${round(baseline.astroSeconds)} / ${Math.round(baseline.astroPeakRssMB)}`]);
    rows.push(['  of which pagefind CLI (s / MB)', '', `${round(baseline.pagefindSeconds)} / ${Math.round(baseline.pagefindPeakRssMB)}`]);
  }
  for (const [phase, seconds] of Object.entries(ours.phases)) rows.push([`  phase: ${phase} (s)`, String(round(seconds)), '']);

  const width = Math.max(...rows.map((row) => row[0].length));
  console.log(
    `\nCorpus: ${corpus.docs} documents (${Object.entries(corpus.byKind)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}; ${corpus.mdx} MDX; ${corpus.indicators} indicators)`,
  );
  for (const [label, a, b] of rows) console.log(`${label.padEnd(width)}  ${a.padStart(10)}  ${b.padStart(12)}`);
  const holders = Object.entries(ours.peakByProcess)
    .map(([name, mb]) => `${name} ${mb} MB`)
    .join(', ');
  console.log(`peak RSS came in phase “${ours.peakPhase}”, held by: ${holders}`);
  if (ours.search) {
    const { first, warm, repeat } = ours.search;
    console.log(
      `search: first “${first.query}” ${round(first.bytes / 1000)} KB (${round(first.pagefindBytes / 1000)} KB Pagefind, ${first.requests} requests) in ${first.milliseconds} ms, ${first.results} results; ` +
        `warm “${warm.query}” ${round(warm.milliseconds)} ms, ${round(warm.bytes / 1000)} KB; repeat ${round(repeat.milliseconds)} ms`,
    );
    const byKind = (kinds: Record<string, number>) =>
      Object.entries(kinds)
        .map(([kind, bytes]) => `${kind} ${round(bytes / 1000)} KB`)
        .join(', ');
    console.log(`search bytes from Pagefind: first query ${byKind(first.pagefindByKind)}; warm query ${byKind(warm.pagefindByKind)}`);
  }
  const page = ours.site.documentPages;
  console.log(
    `document page: HTML+CSS gzip median ${round(page.medianHtmlCssGzipBytes / 1000)} KB, max ${round(page.maxHtmlCssGzipBytes / 1000)} KB; JS median ${page.medianJsBytes} B, besides search max ${page.maxJsBytesBesidesSearch} B ${page.scriptsBesidesSearch.join(' ')}`,
  );
  const charts = ours.site.charts;
  if (ours.fonts) {
    const { pages, withoutLocalFonts: none, withLocalFonts: local } = ours.fonts;
    const kb = (bytes: number) => round(bytes / 1024);
    console.log(
      `web fonts, document page (${pages} sampled): no Chinese font installed median ${kb(none.medianBytes)} KB in ${none.medianFiles} files, max ${kb(none.maxBytes)} KB (${none.heaviest}); ` +
        `Noto SC installed median ${kb(local.medianBytes)} KB, max ${kb(local.maxBytes)} KB`,
    );
  }
  console.log(
    `charts: ${charts.count} SVG, median ${round(charts.medianBytes / 1000)} KB (${round(charts.medianGzipBytes / 1000)} KB gzip), max ${round(charts.maxBytes / 1000)} KB`,
  );
  if (ours.rebuildSeconds !== undefined) {
    const phases = Object.entries(ours.rebuildPhases ?? {})
      .map(([phase, seconds]) => `${phase} ${round(seconds)}`)
      .join(', ');
    console.log(`rebuild after editing one document: ${round(ours.rebuildSeconds)} s (${phases})`);
  }
  if (baseline) {
    console.log(
      `ratio ours/baseline: wall ${round(ours.wallSeconds / baseline.wallSeconds, 2)}, peak RSS ${round(ours.peakRssMB / baseline.peakRssMB, 2)}, ` +
        `CPU ${round((ours.cpuSeconds ?? 0) / (baseline.cpuSeconds || 1), 2)}`,
    );
  }
  console.log('\ntargets:');
  for (const check of checks) {
    const met = check.kind === 'max' ? check.value <= check.limit : check.value >= check.limit;
    console.log(
      `  ${met ? 'met    ' : 'NOT MET'}  ${check.name}: ${round(check.value, 2)} ${check.unit} (${check.kind === 'max' ? '≤' : '≥'} ${check.limit})`,
    );
  }
}

/** What every result file starts with: when, what corpus, on what machine. */
function runDescription(summary: CorpusSummary) {
  return {
    date: new Date().toISOString(),
    docs: DOCS,
    seed: flags.seed,
    // The load average says how much other work shared the machine during the run.
    machine: {
      cpus: os.cpus().length,
      memoryGB: round(os.totalmem() / 1e9),
      node: process.version,
      loadAverage: os.loadavg().map((l) => round(l, 2)),
    },
    corpus: { byKind: summary.byKind, mdx: summary.mdx, indicators: summary.indicators, MB: round(summary.bytes / 1e6, 2) },
  };
}

async function writeResult(result: object) {
  await mkdir(RESULTS_DIR, { recursive: true });
  // Date and time (UTC) in the name, so that no run overwrites another: `2026-11-27T1540-10000docs.json`.
  const stamp = new Date().toISOString().slice(0, 16).replace(':', '');
  const file = path.join(RESULTS_DIR, `${stamp}-${DOCS}docs.json`);
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  log(`wrote ${path.relative(REPO_ROOT, file)}`);
}

async function main() {
  const corpus = await mkdtemp(path.join(os.tmpdir(), `gazette-bench-corpus-${DOCS}-`));
  await mkdir(path.join(REPO_ROOT, 'bench/tmp'), { recursive: true });
  const folders = await workFolders();
  try {
    log(`generating ${DOCS} documents in ${corpus}`);
    const summary = await generateCorpus(corpus, { docs: DOCS, seed: flags.seed, mdxShare: Number(flags['mdx-share']) });

    log('building with the real pipeline (npm run build)');
    const cold = await buildOurs(folders.site, corpus, folders.ours, folders.oursCache);
    await writeFile(
      path.join(REPO_ROOT, 'bench/tmp/last-build.log'),
      cold.lines.map((l) => `${l.at.toFixed(2).padStart(7)} ${l.text}`).join('\n'),
    );
    if (cold.exitCode !== 0) {
      // A build that failed or passed the memory cap is a result too (50,000 documents, say).
      await writeResult({
        ...runDescription(summary),
        ours: {
          failed:
            cold.cappedAt !== undefined
              ? `stopped at ${round(cold.cappedAt)} s past the ${MEMORY_CAP_MB} MB cap`
              : `exit code ${cold.exitCode}`,
          wallSeconds: cold.wallSeconds,
          cpuSeconds: cold.cpuSeconds,
          peakRssMB: cold.peakRssMB,
          peakPhase: phaseAt(cold.lines, cold.peakAt),
          peakByProcess: cold.peakByProcess,
          phases: splitPhases(cold.lines, cold.wallSeconds),
        },
      });
      failed('npm run build', cold);
    }
    log(`built in ${round(cold.wallSeconds)} s, peak ${Math.round(cold.peakRssMB)} MB`);
    const site = await measureSite(folders.ours, SITE_BASE);

    let search: SearchMetrics | undefined;
    if (!flags['no-browser'] && site.searchIndexFiles > 0) {
      log('querying in chromium');
      search = await measureSearch(folders.ours, summary.queries);
    }
    let fonts: FontMetrics | undefined;
    if (!flags['no-browser']) {
      log('loading document pages in chromium without and with Chinese fonts installed');
      fonts = await measureFonts(folders.ours);
    }

    let rebuildSeconds: number | undefined;
    let rebuildPhases: Record<string, number> | undefined;
    if (!flags['no-rebuild']) {
      log(`rebuilding after editing ${summary.sampleDocument}`);
      await editOneDocument(corpus, summary);
      const rebuild = await buildOurs(folders.site, corpus, folders.ours, folders.oursCache);
      await writeFile(
        path.join(REPO_ROOT, 'bench/tmp/last-rebuild.log'),
        rebuild.lines.map((l) => `${l.at.toFixed(2).padStart(7)} ${l.text}`).join('\n'),
      );
      if (rebuild.exitCode !== 0) failed('rebuild', rebuild);
      rebuildSeconds = rebuild.wallSeconds;
      rebuildPhases = splitPhases(rebuild.lines, rebuild.wallSeconds);
    }

    const ours: OursResult = {
      wallSeconds: cold.wallSeconds,
      cpuSeconds: cold.cpuSeconds,
      peakRssMB: cold.peakRssMB,
      peakProcessRssMB: cold.peakProcessRssMB,
      peakPhase: phaseAt(cold.lines, cold.peakAt),
      peakByProcess: cold.peakByProcess,
      pagesPerSecond: site.htmlPages / cold.wallSeconds,
      phases: splitPhases(cold.lines, cold.wallSeconds),
      rebuildSeconds,
      rebuildPhases,
      site,
      search,
      fonts,
    };

    let baseline: BaselineResult | undefined;
    if (!flags['no-baseline']) {
      log('building the baseline (plain Astro + Pagefind CLI)');
      // Same corpus as the cold build: undo nothing, the one edited sentence costs nothing.
      const run = await buildBaseline(corpus, folders.baseline, folders.baselineCache);
      const [astro, pagefind] = run.steps;
      if (run.exitCode !== 0) failed('baseline', run.steps.at(-1)!);
      const baselineSite = await measureSite(folders.baseline, '/');
      baseline = {
        wallSeconds: run.wallSeconds,
        cpuSeconds: run.cpuSeconds,
        peakRssMB: run.peakRssMB,
        astroSeconds: astro!.wallSeconds,
        astroPeakRssMB: astro!.peakRssMB,
        pagefindSeconds: pagefind!.wallSeconds,
        pagefindPeakRssMB: pagefind!.peakRssMB,
        htmlPages: baselineSite.htmlPages,
        pagesPerSecond: baselineSite.htmlPages / run.wallSeconds,
        distMB: baselineSite.distMB,
        searchIndexMB: baselineSite.searchIndexMB,
      };
    }

    let sideBySide: SideBySide | undefined;
    if (baseline && search) {
      log('searching both sites side by side in chromium');
      const documents = await readCorpus(corpus);
      sideBySide = await measureSideBySide(folders.ours, folders.baseline, benchQueries(documents), documents);
    }

    const checks = [...targets(ours, baseline), ...(sideBySide ? sideBySideTargets(sideBySide) : [])];
    printTable(summary, ours, baseline, checks);
    if (sideBySide) console.log(`\nsearch, ours vs stock Pagefind (same corpus, nginx, chromium):\n${formatSideBySide(sideBySide)}`);
    await writeResult({
      ...runDescription(summary),
      ours,
      baseline,
      searchSideBySide: sideBySide,
      ratio: baseline
        ? {
            wall: round(ours.wallSeconds / baseline.wallSeconds, 3),
            rss: round(ours.peakRssMB / baseline.peakRssMB, 3),
            cpu: round((ours.cpuSeconds ?? 0) / (baseline.cpuSeconds || 1), 3),
          }
        : undefined,
      targets: checks.map((check) => ({
        ...check,
        value: round(check.value, 3),
        met: check.kind === 'max' ? check.value <= check.limit : check.value >= check.limit,
      })),
    });
  } finally {
    if (flags.keep) {
      log(`kept corpus ${corpus} and builds in ${folders.work}`);
    } else {
      await rm(corpus, { recursive: true, force: true });
      await rm(folders.work, { recursive: true, force: true });
    }
  }
}

await main();
