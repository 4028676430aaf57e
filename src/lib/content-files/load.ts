/**
 * Reading the content folder the way Astro's collections will: which folder
 * (collection) each file belongs to, its YAML with line numbers, and whether
 * it passes the collection's schema.
 *
 * Synchronous on purpose: the Markdown link plugin needs the result inside a
 * synchronous render step, and reading a few thousand small files is quick.
 */
import { readdirSync, readFileSync } from 'node:fs';
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
}

/** Every file under `contentDir` except dot files (`.gitkeep`), sorted. */
export function listContentFiles(contentDir: string): ContentFile[] {
  const root = path.resolve(contentDir);
  const entries = readdirSync(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((absolutePath) => !path.relative(root, absolutePath).split(path.sep).some((part) => part.startsWith('.')))
    .sort()
    .map((absolutePath) => describeFile(root, absolutePath));
}

function describeFile(root: string, absolutePath: string): ContentFile {
  const contentPath = path.relative(root, absolutePath).split(path.sep).join('/');
  const [folder, ...rest] = contentPath.split('/');
  const collection = rest.length > 0 ? COLLECTIONS.find((spec) => spec.name === folder) : undefined;
  return {
    absolutePath,
    contentPath,
    displayPath: path.relative(process.cwd(), absolutePath).split(path.sep).join('/'),
    collection,
    pathInCollection: rest.join('/'),
    extension: path.extname(absolutePath).toLowerCase(),
  };
}

/** True when the collection's loader reads this file. */
export function isCollectionEntry(file: ContentFile): boolean {
  return file.collection !== undefined && file.collection.extensions.includes(file.extension);
}

/** Reads and validates one collection file. */
export function loadEntry(file: ContentFile): LoadedEntry {
  const source = readFileSync(file.absolutePath, 'utf8');
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
  const validation =
    yaml && yaml.errors.length === 0 ? collection.schema.safeParse(data ?? {}, { reportInput: true }) : undefined;
  return { file, source, document, yaml, validation };
}

/** Every collection file under `contentDir`, read and validated. */
export function loadContent(contentDir: string): LoadedEntry[] {
  return listContentFiles(contentDir).filter(isCollectionEntry).map(loadEntry);
}
