/**
 * `buildSite` into a folder inside the repository. Astro writes its prerender
 * chunks under the output folder only when that folder is inside the working
 * directory; otherwise they go to the shared `.astro/.prerender/`, where
 * builds running at the same time overwrite each other's chunks. The folders
 * live in the ignored `.astro/test-builds/`.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { buildSite, type BuildOptions, type BuildResult } from './build-site.ts';
import { REPO_ROOT } from './paths.ts';

const made: string[] = [];

export async function buildIsolated(options: Omit<BuildOptions, 'outDir'>, prefix = 'build-'): Promise<BuildResult> {
  const parent = path.join(REPO_ROOT, '.astro', 'test-builds');
  await mkdir(parent, { recursive: true });
  const outDir = await mkdtemp(path.join(parent, prefix));
  made.push(outDir);
  return buildSite({ ...options, outDir });
}

/** Deletes the output folders this test file built (call from `afterAll`), so they do not pile up in the repository. */
export async function removeIsolatedBuilds(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}
