/**
 * Reading the content folder the way Astro's collections will: which folder
 * (collection) each file belongs to, its YAML with line numbers, and whether
 * it passes the collection's schema.
 *
 * Synchronous on purpose: the Markdown link plugin needs the result inside a
 * synchronous render step, and reading a few thousand small files is quick.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'astro/zod';
import { COLLECTIONS, type CollectionSpec } from './collections.ts';
import { splitFrontMatter, type SplitDocument } from './front-matter.ts';
import { parseYamlSource, type ParsedYaml } from './yaml-source.ts';

export interface ContentFile {
  absolutePath: string;
  /** Path inside the content folder, `/`-separated: `reports/x.md`. */
  contentPath: string;
  /** Path shown to editors: relative to the working directory (the repository root). */
  displayPath: string;
  /** The collection whose folder holds the file, if any. */
  collection: CollectionSpec | undefined;
  /** Path inside the collection folder: `x.md`. */
  pathInCollection: string;
  /** Lower-case extension with the dot. */
  extension: string;
  /**
   * What is at the path: content is only ever read from a regular file. A
   * symbolic link (to a file or a folder) or a device is never followed.
   */
  type: 'file' | 'symlink' | 'other';
  /** Size in bytes, as the file system reports it. */
  size: number;
}

export interface LoadedEntry {
  file: ContentFile;
  source: string;
  /** Front matter and body, for Markdown files. */
  document: SplitDocument | undefined;
  /** The YAML: front matter for Markdown, the whole file for data files. */
  yaml: ParsedYaml | undefined;
  /** The schema's verdict on the YAML, when it parsed. */
  validation: z.ZodSafeParseResult<unknown> | undefined;
  /** Set when the file is not UTF-8: the line of its first byte that is not (the file is then not read further). */
  notUtf8Line?: number | undefined;
}

/**
 * Every file under `contentDir` except dot files (`.gitkeep`), sorted, with
 * symbolic links and anything else that is not a folder, so that the check
 * can refuse them. Links to folders are listed, not followed.
 */
export function listContentFiles(contentDir: string): ContentFile[] {
  const root = path.resolve(contentDir);
  return filesUnder(root)
    .sort()
    .map((absolutePath) => describeFile(root, absolutePath));
}

/**
 * Paths of everything under `dir` that is not a folder or a dot file, by a
 * walk of its own: `readdirSync`'s `recursive` option descends into linked
 * folders (and loops on a link to a parent).
 */
function filesUnder(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const entryPath = path.join(dir, entry.name);
    if (entry.isDirectory()) filesUnder(entryPath, found);
    else found.push(entryPath);
  }
  return found;
}

function describeFile(root: string, absolutePath: string): ContentFile {
  const contentPath = path.relative(root, absolutePath).split(path.sep).join('/');
  const [folder, ...rest] = contentPath.split('/');
  const collection = rest.length > 0 ? COLLECTIONS.find((spec) => spec.name === folder) : undefined;
  const stats = lstatSync(absolutePath);
  return {
    absolutePath,
    contentPath,
    displayPath: path.relative(process.cwd(), absolutePath).split(path.sep).join('/'),
    collection,
    pathInCollection: rest.join('/'),
    extension: path.extname(absolutePath).toLowerCase(),
    type: stats.isFile() ? 'file' : stats.isSymbolicLink() ? 'symlink' : 'other',
    size: stats.size,
  };
}

/** True when the collection's loader reads this file: a regular file of one of its extensions. */
export function isCollectionEntry(file: ContentFile): boolean {
  return file.type === 'file' && file.collection !== undefined && file.collection.extensions.includes(file.extension);
}

// A BOM is kept, as Node's 'utf8' reading keeps it: the front matter split and the YAML reader expect it.
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The file's text, or, when it is not UTF-8, the 1-based line of the first byte that is not. */
function decodeUtf8(bytes: Uint8Array): { text: string } | { badLine: number } {
  try {
    return { text: STRICT_UTF8.decode(bytes) };
  } catch {
    // A newline byte is never part of a longer UTF-8 sequence, so each line decodes on its own.
    let line = 1;
    for (let start = 0; start < bytes.length; line++) {
      const newline = bytes.indexOf(0x0a, start);
      const end = newline === -1 ? bytes.length : newline;
      try {
        STRICT_UTF8.decode(bytes.subarray(start, end));
      } catch {
        return { badLine: line };
      }
      start = end + 1;
    }
    return { badLine: line - 1 };
  }
}

/** Reads and validates one collection file. */
export function loadEntry(file: ContentFile): LoadedEntry {
  const decoded = decodeUtf8(readFileSync(file.absolutePath));
  if ('badLine' in decoded) {
    return { file, source: '', document: undefined, yaml: undefined, validation: undefined, notUtf8Line: decoded.badLine };
  }
  const source = decoded.text;
  const collection = file.collection!;
  let document: SplitDocument | undefined;
  let yaml: ParsedYaml | undefined;
  if (collection.format === 'markdown') {
    document = splitFrontMatter(source);
    if (document.hasFrontMatter) yaml = parseYamlSource(document.yaml, document.yamlFirstLine);
  } else {
    yaml = parseYamlSource(source.replace(/^\uFEFF/, ''));
  }
  const data = yaml?.data ?? (yaml && yaml.errors.length === 0 ? {} : undefined);
  const validation = yaml && yaml.errors.length === 0 ? collection.schema.safeParse(data ?? {}, { reportInput: true }) : undefined;
  return { file, source, document, yaml, validation };
}

/** Every collection file under `contentDir`, read and validated. */
export function loadContent(contentDir: string): LoadedEntry[] {
  return listContentFiles(contentDir).filter(isCollectionEntry).map(loadEntry);
}
