/**
 * Gzip copies of the text files, written next to them at build time, so
 * nginx's `gzip_static` sends them without compressing on every request.
 * (No `.br`: Debian's nginx has no brotli module, so they would never be sent.)
 */
import { access, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';
import { linkOrCopyFile, listOutputFiles } from './output-files.ts';

const gzipAsync = promisify(gzip);

/** Text types worth compressing. Pagefind's own files are gzip already. */
export const COMPRESSIBLE_EXTENSIONS = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.svg', '.txt', '.csv', '.webmanifest']);
/** Below this, the saving is smaller than a network packet. */
export const PRECOMPRESS_MIN_BYTES = 1024;

export interface PrecompressOptions {
  /** Files to compress, relative to the output folder; all of them by default. */
  files?: readonly string[];
  /**
   * The output this build replaces: a file identical to its counterpart
   * there takes that one's gzip copy instead of being compressed again.
   */
  previousDir?: string;
}

/** Whether `previousDir` holds `file` with exactly `content`, and its gzip copy. */
async function unchangedSince(previousDir: string, file: string, content: Buffer): Promise<boolean> {
  const previous = await readFile(path.join(previousDir, file)).catch(() => undefined);
  return (
    previous !== undefined &&
    previous.equals(content) &&
    (await access(path.join(previousDir, `${file}.gz`)).then(
      () => true,
      () => false,
    ))
  );
}

/** Writes `<file>.gz` for every compressible file that gets smaller; counts the copies written and those taken from the previous output. */
export async function precompress(outDir: string, options: PrecompressOptions = {}): Promise<{ written: number; reused: number }> {
  const counts = { written: 0, reused: 0 };
  for (const file of options.files ?? (await listOutputFiles(outDir))) {
    if (!COMPRESSIBLE_EXTENSIONS.has(path.extname(file))) continue;
    const absolute = path.join(outDir, file);
    const content = await readFile(absolute);
    if (content.length < PRECOMPRESS_MIN_BYTES) continue;
    if (options.previousDir && (await unchangedSince(options.previousDir, file, content))) {
      // Taken from the previous output as a link, so that deleting that output after the swap frees no data.
      await linkOrCopyFile(path.join(options.previousDir, `${file}.gz`), `${absolute}.gz`);
      counts.reused++;
      continue;
    }
    // Node writes no timestamp or file name into the gzip header, so the output is reproducible.
    const compressed = await gzipAsync(content, { level: constants.Z_BEST_COMPRESSION });
    if (compressed.length >= content.length) continue;
    await writeFile(`${absolute}.gz`, compressed);
    counts.written++;
  }
  return counts;
}
