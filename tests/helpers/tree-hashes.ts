/** Content hashes of a folder tree, to tell whether two trees are byte-identical. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { listFiles } from './build-site.ts';

/** Relative path → sha256 of every file under `dir`. */
export async function treeHashes(dir: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const file of await listFiles(dir)) {
    hashes.set(
      file,
      createHash('sha256')
        .update(await readFile(path.join(dir, file)))
        .digest('hex'),
    );
  }
  return hashes;
}
