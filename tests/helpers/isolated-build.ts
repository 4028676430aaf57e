/**
 * `buildSite` into a folder inside the repository. Astro writes its prerender
 * chunks under the output folder only when that folder is inside the working
 * directory; otherwise they go to the shared `.astro/.prerender/`, where
 * builds running at the same time overwrite each other's chunks. The folders
 * live in the ignored `.astro/test-builds/` and are removed like every
 * `tempDir`.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { buildSite, newOutputFolder, type BuildOptions, type BuildResult } from './build-site.ts';
import { REPO_ROOT } from './paths.ts';

export async function buildIsolated(options: Omit<BuildOptions, 'outDir'>, prefix = 'build-'): Promise<BuildResult> {
  const parent = path.join(REPO_ROOT, '.astro', 'test-builds');
  await mkdir(parent, { recursive: true });
  return buildSite({ ...options, outDir: await newOutputFolder(prefix, parent) });
}
