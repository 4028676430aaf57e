/**
 * Gzip copies of the text files, written next to them at build time, so
 * nginx's `gzip_static` sends them without compressing on every request.
 * (No `.br`: Debian's nginx has no brotli module, so they would never be sent.)
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';
import { listOutputFiles } from './output-files.ts';

const gzipAsync = promisify(gzip);

/** Text types worth compressing. Pagefind's own files are gzip already. */
export const COMPRESSIBLE_EXTENSIONS = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.svg', '.txt', '.csv', '.webmanifest']);
/** Below this, the saving is smaller than a network packet. */
export const PRECOMPRESS_MIN_BYTES = 1024;

/** Writes `<file>.gz` for every compressible file of `files` (relative to `outDir`, all by default) that gets smaller; returns how many. */
export async function precompress(outDir: string, files?: readonly string[]): Promise<number> {
  let written = 0;
  for (const file of files ?? (await listOutputFiles(outDir))) {
    if (!COMPRESSIBLE_EXTENSIONS.has(path.extname(file))) continue;
    const absolute = path.join(outDir, file);
    const content = await readFile(absolute);
    if (content.length < PRECOMPRESS_MIN_BYTES) continue;
    // Node writes no timestamp or file name into the gzip header, so the output is reproducible.
    const compressed = await gzipAsync(content, { level: constants.Z_BEST_COMPRESSION });
    if (compressed.length >= content.length) continue;
    await writeFile(`${absolute}.gz`, compressed);
    written++;
  }
  return written;
}
