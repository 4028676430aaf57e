/**
 * `npm run build`: the only way a site reaches `dist/`.
 *
 * 1. `astro build` into a staging folder (beside the output folder when it
 *    is in the repository, see `stagingFolder`);
 * 2. the search index of the pages Astro wrote (src/search/build-index.ts),
 *    side by side with the publishing gate's leak scan of those pages, their
 *    gzip copies for nginx, and the web fonts subset to their characters
 *    (src/web-fonts/build.ts);
 * 3. the leak scan and gzip copies of the search index;
 * 4. every folder and file is made readable by the web server's user
 *    (scripts/publish/output-modes.ts);
 * 5. the folder is swapped in for the output folder; the previous output is
 *    deleted by a detached process once the new one is live.
 *
 * Any failure (bad content, a gate, a crash) stops before step 5 and leaves
 * the previous output exactly as it was.
 *
 * Usage: node scripts/build.ts [--outDir dist]
 * Reads the same environment as the site (SITE_AUDIENCE, SITE_BASE,
 * GAZETTE_CONTENT_DIR, ...).
 */
import { spawn } from 'node:child_process';
import { finished } from 'node:stream/promises';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatLeakReport, type LeakHit } from '../src/leak-gate/scan.ts';
import { astroBuildEnv } from '../src/lib/build-memory.ts';
import { isCollectionEntry, listContentFiles } from '../src/lib/content-files/load.ts';
import { CACHE_DIR, CONTENT_DIR, SEARCH_SHARD_SIZE, SITE_AUDIENCE } from '../src/site-settings.ts';
import { buildWebFonts, webFontsReport } from '../src/web-fonts/build.ts';
import { WEB_FONT_STYLESHEET } from '../src/web-fonts/faces.ts';
import { createLeakScanner, documentsForScan, type LeakScanner } from '../src/leak-gate/gate.ts';
import { AstroOutputLines } from './publish/astro-output.ts';
import { listOutputFiles } from './publish/output-files.ts';
import { setPublishedModes, unreadableByOthersNote } from './publish/output-modes.ts';
import { precompress } from './publish/precompress.ts';
import { SEARCH_BUNDLE_DIR } from '../src/search/shards.ts';
import { readSearchDocuments, takeSearchRecords, writeSearchIndex } from '../src/search/build-index.ts';
import { moveNextTo, removeInBackground, replaceDirectory, siblingTempDir } from './publish/replace-directory.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A failure the build reports in its own words, without a stack trace. */
class BuildFailure extends Error {}

function astroBuild(outDir: string, strict: boolean): Promise<void> {
  const astro = path.join(REPO_ROOT, 'node_modules/astro/bin/astro.mjs');
  // `--strict` turns figure warnings into errors (see STRICT_FIGURES in src/site-settings.ts).
  const args = [astro, 'build', '--outDir', outDir, ...(strict ? ['--strict'] : [])];
  // Astro's memory is sized for the archive (src/lib/build-memory.ts).
  const entries = listContentFiles(CONTENT_DIR).filter(isCollectionEntry).length;
  return new Promise((resolve, reject) => {
    // The web fonts are written in step 2, not by Astro (WEB_FONTS_AFTER_ASTRO in src/site-settings.ts).
    const env = { ...astroBuildEnv(process.env, entries), GAZETTE_WEB_FONTS_AFTER_ASTRO: '1' };
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['inherit', 'pipe', 'inherit'], env });
    // One line per route, without the render times Astro attaches to the wrong one (scripts/publish/astro-output.ts).
    const lines = child.stdout.pipe(new AstroOutputLines());
    lines.pipe(process.stdout, { end: false });
    child.on('error', reject);
    child.on('close', (code, signal) =>
      // Astro's last lines are printed before anything that follows.
      finished(lines).then(() =>
        code === 0 ? resolve() : reject(new BuildFailure(`astro build 失败（astro build failed: ${signal ?? `exit code ${code}`}）`)),
      ),
    );
  });
}

/**
 * Like `Promise.all`, but a failure is thrown only once every step has
 * ended, so that none is still writing into a folder being removed.
 */
async function allEnded<T extends readonly unknown[] | []>(steps: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const results = await Promise.allSettled(steps);
  for (const result of results) if (result.status === 'rejected') throw result.reason;
  return results.map((result) => (result as PromiseFulfilledResult<unknown>).value) as never;
}

/**
 * Steps 2 and 3. The pages are read for the search index first, so that
 * Pagefind's own process starts early; while it indexes shard after shard,
 * this one scans the pages and each shard as it is written, and zlib's
 * thread pool compresses the pages: both cores stay busy.
 */
async function indexAndGate(outDir: string, previousDir: string): Promise<void> {
  const records = await takeSearchRecords(outDir);
  const pages = await listOutputFiles(outDir);
  const cacheDir = path.resolve(REPO_ROOT, CACHE_DIR);
  const logger = {
    info: (message: string) => console.log(`search: ${message}`),
    warn: (message: string) => console.warn(`search: ${message}`),
  };
  const compression = precompress(outDir, { files: pages, previousDir });
  const fontsStarted = performance.now();
  const fonts = buildWebFonts(outDir, { cacheDir, files: pages }).then((result) => {
    const report = webFontsReport(result, (performance.now() - fontsStarted) / 1000);
    console.log(`fonts: ${report.info}`);
    if (report.warning) console.warn(`fonts: ${report.warning}`);
    return result.written;
  });
  const searchDocuments = await readSearchDocuments(outDir, records, logger);
  // The scans start once the first shard is written: until Pagefind's
  // process has its records, this one must feed it, not read and
  // fingerprint every content file for the leak scanner.
  let leakScanner: LeakScanner | undefined;
  let excluded = 0;
  const scans: Promise<LeakHit[]>[] = [];
  const scanned = new Set<string>();
  const scan = (files: string[]) => {
    if (!leakScanner) {
      // The first shard written: set the scanner up and scan the pages too.
      const documents = documentsForScan(CONTENT_DIR, SITE_AUDIENCE);
      excluded = documents.filter((doc) => !doc.publishable).length;
      leakScanner = createLeakScanner(documents, cacheDir, pages);
      scan(pages);
    }
    for (const file of files) scanned.add(file);
    scans.push(leakScanner.scan(outDir, files));
  };
  const indexed = writeSearchIndex(outDir, searchDocuments, { shardSize: SEARCH_SHARD_SIZE, cacheDir, logger, onShardWritten: scan }).then(
    async () => {
      // What the shards did not cover: the manifest.
      const bundleFiles = await listOutputFiles(path.join(outDir, SEARCH_BUNDLE_DIR));
      scan(bundleFiles.map((file) => `${SEARCH_BUNDLE_DIR}/${file}`).filter((file) => !scanned.has(file)));
    },
  );
  // However the index ends, every scan started has ended before anything is removed.
  const [pagesCompressed, , fontFiles] = await allEnded([compression, indexed.finally(() => Promise.allSettled(scans)), fonts]);
  // The web fonts are scanned like every file shipped, and their stylesheet compressed with the index.
  scan(fontFiles);
  const leaks = (await allEnded(scans)).flat();
  if (leaks.length > 0) throw new BuildFailure(formatLeakReport(leaks));
  await leakScanner!.saveCache();
  // Every output file went through the gate: decoded and searched, or known clean by its hash from the last build.
  const { scanned: searched, knownClean, thirdParty } = leakScanner!.counts;
  console.log(
    excluded === 0
      ? `gates: 泄露检查：已扫描 ${scanned.size} 个文件，本次构建没有需排除的文档（leak scan passed: ${scanned.size} files, no document excluded from this build）`
      : `gates: 泄露检查：已扫描 ${searched + knownClean} 个文件（其中 ${knownClean} 个与上次检查时相同，另有 ${thirdParty} 个 Pagefind 程序文件不必检查），未发现 ${excluded} 篇排除文档的内容` +
          `（leak scan passed: ${searched} files scanned, ${knownClean} unchanged since the last clean scan, ${thirdParty} of Pagefind's program files not searched, for ${excluded} excluded documents）`,
  );
  const indexFiles = [...scanned].filter((file) => file.startsWith(`${SEARCH_BUNDLE_DIR}/`) || file === WEB_FONT_STYLESHEET);
  const indexCompressed = await precompress(outDir, { files: indexFiles, previousDir });
  const compressed = pagesCompressed.written + pagesCompressed.reused + indexCompressed.written + indexCompressed.reused;
  const reused = pagesCompressed.reused + indexCompressed.reused;
  console.log(
    `build: 已预压缩 ${compressed} 个文件（${compressed} files gzipped, ${reused} of them unchanged copies from the previous output）`,
  );
}

/**
 * Where `astro build` writes. Astro keeps its prerender chunks inside the
 * output folder only when that folder is inside the working directory;
 * otherwise it uses `.astro/.prerender/` there, which concurrent builds
 * would share and break. So an output folder outside the repository is
 * built inside it first and moved next to the target afterwards.
 */
async function stagingFolder(target: string): Promise<string> {
  if (target.startsWith(`${REPO_ROOT}${path.sep}`)) return siblingTempDir(target, 'build');
  const builds = path.join(REPO_ROOT, '.astro');
  await mkdir(builds, { recursive: true });
  return mkdtemp(path.join(builds, 'staging-'));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { outDir: { type: 'string', default: 'dist' }, strict: { type: 'boolean', default: false } },
  });
  const target = path.resolve(REPO_ROOT, values.outDir);
  // Read before anything runs: reading the umask sets it and sets it back (Node has no other way).
  const umask = process.umask();
  let staging = await stagingFolder(target);
  try {
    await astroBuild(staging, values.strict);
    await indexAndGate(staging, target);
    if (path.dirname(staging) !== path.dirname(target)) staging = await moveNextTo(staging, target);
    setPublishedModes(staging, umask);
    const previous = await replaceDirectory(staging, target);
    console.log(`build: ${path.relative(process.cwd(), target) || '.'}/ 已更新（updated）`);
    const note = unreadableByOthersNote(umask);
    if (note) console.warn(`build: ${note}`);
    removeInBackground(previous);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    const message = error instanceof BuildFailure ? error.message : (error as Error).stack;
    console.error(`\n${message}\n\n构建失败，${values.outDir}/ 保持原样（build failed; ${values.outDir}/ left as it was）`);
    process.exitCode = 1;
  }
}

await main();
