/**
 * Builds the site from a content folder into a temporary directory and
 * reports what happened. Build tests assert on the HTML this really writes.
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, readdir, writeFile, cp } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from './paths.ts';
import { tempDir } from './temp-dir.ts';

export interface BuildOptions {
  /** Folder with bulletins/, reports/, summaries/, reforms/, publications/, indicators/. */
  contentDir: string;
  /** SITE_BASE, e.g. `/kb/`. */
  base?: string;
  /** SITE_AUDIENCE: `internal` (default) or `public`. */
  audience?: 'internal' | 'public';
  /** Where to write the site; by default a folder the build creates itself, in a fresh temporary folder (see `newOutputFolder`). */
  outDir?: string;
  /** Extra environment variables. */
  env?: Record<string, string>;
  /**
   * Run the whole `npm run build` pipeline (scripts/build.ts: astro build,
   * publishing gates, precompression, swap into `outDir`) instead of a plain
   * `astro build`.
   */
  pipeline?: boolean;
  /** Extra command-line arguments, e.g. `['--strict']`. */
  args?: string[];
}

export interface BuildResult {
  ok: boolean;
  exitCode: number | null;
  /** stdout and stderr together, in order. */
  output: string;
  outDir: string;
}

/** Runs a command in the repository and collects its output; never throws on failure. */
export function run(command: string, args: string[], env: Record<string, string> = {}, cwd = REPO_ROOT) {
  return new Promise<{ exitCode: number | null; output: string }>((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, output }));
  });
}

/**
 * Where a build is to write: a path that does not exist yet, inside a new
 * temporary folder in `parent`. The build makes the output folder itself,
 * as it does when deployed, so its permissions are the build's own and not
 * those of `mkdtemp` (0700, which an nginx with unprivileged workers could
 * not read).
 */
export async function newOutputFolder(prefix = 'gazette-dist-', parent?: string): Promise<string> {
  return path.join(await tempDir(prefix, parent), 'site');
}

/** `astro build` of `contentDir`, with its own output and cache folders. */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const outDir = options.outDir ?? (await newOutputFolder());
  const cacheDir = await tempDir('gazette-cache-');
  const command = [
    ...(options.pipeline
      ? [path.join(REPO_ROOT, 'scripts/build.ts'), '--outDir', outDir]
      : [path.join(REPO_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir]),
    ...(options.args ?? []),
  ];
  const { exitCode, output } = await run(process.execPath, command, {
    GAZETTE_CONTENT_DIR: options.contentDir,
    GAZETTE_CACHE_DIR: cacheDir,
    SITE_BASE: options.base ?? '/',
    SITE_AUDIENCE: options.audience ?? 'internal',
    // Colour codes would make messages harder to match.
    FORCE_COLOR: '0',
    NO_COLOR: '1',
    ...options.env,
  });
  return { ok: exitCode === 0, exitCode, output, outDir };
}

/** Writes `files` (relative path → text) under a new temporary content folder, optionally on top of a copy of `from`. */
export async function makeContent(files: Record<string, string>, from?: string): Promise<string> {
  const dir = await tempDir('gazette-content-');
  if (from) await cp(from, dir, { recursive: true });
  for (const [relative, text] of Object.entries(files)) {
    const file = path.join(dir, relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  return dir;
}

/** Reads a built page by its site path (`reports/x/` → `reports/x/index.html`). */
export function readPage(outDir: string, sitePath: string): Promise<string> {
  const file = sitePath.endsWith('/') || sitePath === '' ? path.join(sitePath, 'index.html') : sitePath;
  return readFile(path.join(outDir, file), 'utf8');
}

/** Every file under `dir`, as paths relative to it, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** Every HTML page under `dir`. */
export async function listHtmlFiles(dir: string): Promise<string[]> {
  return (await listFiles(dir)).filter((file) => file.endsWith('.html'));
}
