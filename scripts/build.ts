/**
 * `npm run build`: the only way a site reaches `dist/`.
 *
 * 1. `astro build` into a staging folder (beside the output folder when it
 *    is in the repository, see `stagingFolder`);
 * 2. the publishing gates on that folder (the leak scan);
 * 3. gzip copies of the text files for nginx;
 * 4. the folder is swapped in for the output folder.
 *
 * Any failure (bad content, a gate, a crash) stops before step 4 and leaves
 * the previous output exactly as it was.
 *
 * Usage: node scripts/build.ts [--outDir dist]
 * Reads the same environment as the site (SITE_AUDIENCE, SITE_BASE,
 * GAZETTE_CONTENT_DIR, ...).
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatLeakReport } from '../src/lib/leak-scan.ts';
import { CONTENT_DIR, SITE_AUDIENCE } from '../src/site-settings.ts';
import { documentsForScan, findLeaks } from './publish/leak-gate.ts';
import { precompress } from './publish/precompress.ts';
import { moveNextTo, replaceDirectory, siblingTempDir } from './publish/replace-directory.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A failure the build reports in its own words, without a stack trace. */
class BuildFailure extends Error {}

function astroBuild(outDir: string, strict: boolean): Promise<void> {
  const astro = path.join(REPO_ROOT, 'node_modules/astro/bin/astro.mjs');
  // `--strict` turns figure warnings into errors (see STRICT_FIGURES in src/site-settings.ts).
  const args = [astro, 'build', '--outDir', outDir, ...(strict ? ['--strict'] : [])];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code, signal) =>
      code === 0 ? resolve() : reject(new BuildFailure(`astro build 失败（astro build failed: ${signal ?? `exit code ${code}`}）`)),
    );
  });
}

async function runGates(outDir: string): Promise<void> {
  const leaks = await findLeaks(outDir, documentsForScan(CONTENT_DIR, SITE_AUDIENCE));
  if (leaks.length > 0) throw new BuildFailure(formatLeakReport(leaks));
  console.log('gates: 泄露检查通过（leak scan passed）');
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
  let staging = await stagingFolder(target);
  try {
    await astroBuild(staging, values.strict);
    // The leak scan runs on the main thread and the gzip copies in zlib's
    // thread pool: side by side they use both cores. (Should the scan list a
    // .gz copy already written, it holds the same text and is scanned alike.)
    // Both finish before anything is removed or moved.
    const [gates, compression] = await Promise.allSettled([runGates(staging), precompress(staging)]);
    if (gates.status === 'rejected') throw gates.reason;
    if (compression.status === 'rejected') throw compression.reason;
    const compressed = compression.value;
    console.log(`build: 已预压缩 ${compressed} 个文件（${compressed} files gzipped）`);
    if (path.dirname(staging) !== path.dirname(target)) staging = await moveNextTo(staging, target);
    await replaceDirectory(staging, target);
    console.log(`build: ${path.relative(process.cwd(), target) || '.'}/ 已更新（updated）`);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    const message = error instanceof BuildFailure ? error.message : (error as Error).stack;
    console.error(`\n${message}\n\n构建失败，${values.outDir}/ 保持原样（build failed; ${values.outDir}/ left as it was）`);
    process.exitCode = 1;
  }
}

await main();
