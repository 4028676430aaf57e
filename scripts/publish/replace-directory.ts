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
 */
import { cp, mkdtemp, rename, rm, stat } from 'node:fs/promises';
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

/** Replaces the folder `target` with the folder `fresh`, which must be on the same file system. */
export async function replaceDirectory(fresh: string, target: string): Promise<void> {
  if (!(await exists(target))) {
    await rename(fresh, target);
    return;
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
  await rm(aside, { recursive: true, force: true });
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
