/**
 * Putting a finished build in place of the live one.
 *
 * Node has no atomic directory exchange (Linux's renameat2 RENAME_EXCHANGE is
 * not exposed), so the swap is two renames on one file system: the live
 * folder is moved aside, the new one moved in, and only then is the old one
 * deleted. The live folder is missing for the instant between the renames;
 * it is never half-written. If the second rename fails the old folder is put
 * back, and if the process dies in between, the old folder is still whole
 * under its aside name.
 *
 * The old folder is deleted by a detached process (`removeInBackground`), so
 * that the build is done once the new output is live: deleting the 43,000
 * files and folders of a 10,000-document site took 3–8 s of every rebuild.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** A new empty folder next to `target` (same file system, so renames are cheap and atomic). */
export function siblingTempDir(target: string, purpose: string): Promise<string> {
  const resolved = path.resolve(target);
  return mkdtemp(path.join(path.dirname(resolved), `.${path.basename(resolved)}-${purpose}-`));
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
}

/**
 * Replaces the folder `target` with the folder `fresh`, which must be on the
 * same file system. Returns the folders left to delete: the previous output,
 * moved aside, and any that an earlier build moved aside and did not get to
 * delete (its machine stopped, say).
 */
export async function replaceDirectory(fresh: string, target: string): Promise<string[]> {
  if (!(await exists(target))) {
    await rename(fresh, target);
    return [];
  }
  const aside = await siblingTempDir(target, 'previous');
  // `rename` onto an empty folder replaces it.
  await rename(target, aside);
  try {
    await rename(fresh, target);
  } catch (error) {
    await rename(aside, target);
    throw error;
  }
  const parent = path.dirname(aside);
  const earlier = (await readdir(parent))
    .filter((name) => name.startsWith(`.${path.basename(target)}-previous-`))
    .map((name) => path.join(parent, name));
  return [aside, ...earlier.filter((dir) => dir !== aside)];
}

/** Run by the detached process: deletes each folder named on its command line. */
const REMOVE_FOLDERS = "for (const dir of process.argv.slice(1)) require('node:fs').rmSync(dir, { recursive: true, force: true });";

/**
 * Deletes `dirs` in a detached process that outlives this one, so that no one
 * waits for it. A deletion cut short is finished by the next build (see
 * `replaceDirectory`).
 */
export function removeInBackground(dirs: readonly string[]): void {
  if (dirs.length === 0) return;
  spawn(process.execPath, ['-e', REMOVE_FOLDERS, ...dirs], { detached: true, stdio: 'ignore' }).unref();
}

/**
 * Moves the folder `dir` next to `target` (a rename, or a copy when they are
 * on different file systems) and returns its new path, ready for
 * `replaceDirectory`.
 */
export async function moveNextTo(dir: string, target: string): Promise<string> {
  const near = await siblingTempDir(target, 'build');
  try {
    await rename(dir, near).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EXDEV') throw error;
      await cp(dir, near, { recursive: true });
      await rm(dir, { recursive: true, force: true });
    });
  } catch (error) {
    await rm(near, { recursive: true, force: true });
    throw error;
  }
  return near;
}
