/**
 * Entries that publishing steps keep in the build cache folder between
 * builds (search index shards, leak scan results). An entry is kept while
 * builds use it, and for a week after its last use, so that builds that
 * alternate (the intranet and the public site from one checkout) do not
 * throw each other's entries away, while the folder does not grow forever.
 */
import { readdir, rm, stat, utimes } from 'node:fs/promises';
import path from 'node:path';

const UNUSED_FOR_MS = 7 * 24 * 60 * 60 * 1000;

/** Marks an entry as used by this build. */
export async function touchCacheEntry(entry: string): Promise<void> {
  const now = new Date();
  await utimes(entry, now, now);
}

/** Removes the entries of `folder` that this build did not use (`used`, by name) and no build has used for a week. */
export async function pruneCache(folder: string, used: ReadonlySet<string>): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    if (used.has(name)) continue;
    const entry = path.join(folder, name);
    const { mtimeMs } = await stat(entry);
    if (Date.now() - mtimeMs > UNUSED_FOR_MS || name.endsWith('.partial')) await rm(entry, { recursive: true, force: true });
  }
}
