/**
 * How large one content file may be. A 20 MB Markdown file builds into a
 * 21 MB page and a 13 MB search fragment that no reader's browser handles
 * well; no real document comes near 2 MB of text, so a file that size is a
 * mistake (a pasted export, an embedded image as text) to stop at the check.
 */

/** The default limit: 2 MB (2 MiB) of UTF-8 text. */
export const DEFAULT_MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

/** Reads `GAZETTE_MAX_DOCUMENT_BYTES`: a whole number of bytes, or the default when unset. */
export function parseMaxDocumentBytes(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_MAX_DOCUMENT_BYTES;
  const bytes = Number(value);
  if (!Number.isInteger(bytes) || bytes < 1) {
    throw new Error(
      `GAZETTE_MAX_DOCUMENT_BYTES 的值“${value}”无效，应为正整数字节数，如 2097152（invalid GAZETTE_MAX_DOCUMENT_BYTES, expected a whole number of bytes such as 2097152）`,
    );
  }
  return bytes;
}
