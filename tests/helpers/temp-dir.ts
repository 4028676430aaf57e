/**
 * Temporary folders for tests. Each is removed when the test file that made
 * it has finished (`tests/setup/remove-temp-dirs.ts`), so that runs of the
 * suite do not fill the disk with builds, caches and content copies.
 * `GAZETTE_KEEP_TEST_DIRS=1` keeps them, to look at after a failure.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const made: string[] = [];

/** A new empty folder named `prefix` + random characters, in `parent` (the system's temporary folder by default). */
export async function tempDir(prefix = 'gazette-', parent = os.tmpdir()): Promise<string> {
  const dir = await mkdtemp(path.join(parent, prefix));
  made.push(dir);
  return dir;
}

/** Whether `dir` is a folder `tempDir` made in this test file (so the tests may change its permissions). */
export function isTempDir(dir: string): boolean {
  return made.includes(path.resolve(dir));
}

/** Deletes every folder `tempDir` made in this test file, unless GAZETTE_KEEP_TEST_DIRS is set. */
export async function removeTempDirs(): Promise<void> {
  const dirs = made.splice(0);
  if (process.env.GAZETTE_KEEP_TEST_DIRS) return;
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 3 })));
}
