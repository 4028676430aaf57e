/** Walking a build's output folder. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Every file under `dir`, as `/`-separated paths relative to it, sorted. */
export async function listOutputFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}
