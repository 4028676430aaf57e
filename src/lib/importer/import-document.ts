/**
 * `npm run import`: a received .txt or .docx becomes one Markdown document
 * in `content/<kind>/`, with front matter filled as far as the text allows,
 * official headings as Markdown headings, and a review file listing the
 * figures found. Refuses rather than guesses: an unreadable or empty file,
 * an unknown kind, a file name that gives no URL, an output outside the
 * kind's folder (symbolic links followed), or a document or review file that
 * exists (unless `force`). Files are written whole or not at all: both are
 * checked, then both prepared, before either is put in place.
 */
import { randomUUID } from 'node:crypto';
import { lstatSync, realpathSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Root } from 'mdast';
import { stringify } from 'yaml';
import { isCollectionEntry, listContentFiles, loadEntry } from '../content-files/load.ts';
import { DOCUMENT_KINDS, isDocumentKind, type DocumentKind } from '../kinds.ts';
import { slugify } from '../slug.ts';
import { decodeText } from './decode.ts';
import { docxToMdast } from './docx-to-mdast.ts';
import { findFigures, suggestIndicator, type Figure, type IndicatorReference } from './figures.ts';
import { buildFrontMatter } from './front-matter.ts';
import { mdastToMarkdown } from './markdown.ts';
import { importMessages, reviewHeader } from './messages.ts';
import { extractMetadata, type DocumentMetadata } from './metadata.ts';
import { applyOfficialStructure } from './official-structure.ts';
import { ImportRefusal } from './refusal.ts';
import { textToMdast } from './text-to-mdast.ts';

export const IMPORTABLE_EXTENSIONS = ['.txt', '.docx'] as const;

export interface ConvertInput {
  bytes: Uint8Array;
  /** The received file's name, for messages and the type. */
  fileName: string;
  kind: DocumentKind;
  indicators: readonly IndicatorReference[];
}

export interface ConvertedDocument {
  /** The whole file: front matter and body. */
  markdown: string;
  /** The body alone. */
  body: string;
  metadata: DocumentMetadata;
  /** Front-matter fields left as TODO. */
  todo: string[];
  figures: Figure[];
  /** `utf-8`, `gb18030`, `utf-16le`… or `docx`. */
  encoding: string;
}

async function readStructure(bytes: Uint8Array, fileName: string): Promise<{ root: Root; title?: string; encoding: string }> {
  if (path.extname(fileName).toLowerCase() === '.docx') {
    try {
      const { root, styledTitle } = await docxToMdast(bytes);
      return { root, ...(styledTitle ? { title: styledTitle } : {}), encoding: 'docx' };
    } catch {
      throw new ImportRefusal(importMessages.unreadable(fileName));
    }
  }
  const { text, encoding } = decodeText(bytes, fileName);
  return { root: textToMdast(text), encoding };
}

/** Converts a received file without touching the disk. */
export async function convertDocument(input: ConvertInput): Promise<ConvertedDocument> {
  if (input.bytes.length === 0) throw new ImportRefusal(importMessages.empty(input.fileName));
  const { root, title, encoding } = await readStructure(input.bytes, input.fileName);
  if (root.children.length === 0) throw new ImportRefusal(importMessages.empty(input.fileName));
  const metadata = extractMetadata(root, title);
  applyOfficialStructure(root);
  const frontMatter = buildFrontMatter(input.kind, metadata);
  const body = mdastToMarkdown(root);
  const figures = findFigures(root).map((figure) => {
    const suggestedIndicator = suggestIndicator(figure, input.indicators);
    return suggestedIndicator ? { ...figure, suggestedIndicator } : figure;
  });
  return { markdown: `${frontMatter.text}\n${body}`, body, metadata, todo: frontMatter.todo, figures, encoding };
}

/** The indicators defined in `content/indicators/`, for suggestions; files that do not validate are skipped. */
export function loadIndicatorReferences(contentDir: string): IndicatorReference[] {
  const references: IndicatorReference[] = [];
  // Only the files the site reads: never through a symbolic link (which the list now includes).
  for (const file of listContentFiles(contentDir).filter((f) => isCollectionEntry(f) && f.collection?.name === 'indicators')) {
    const validation = loadEntry(file).validation;
    if (!validation?.success) continue;
    const group = validation.data as { indicators: Record<string, Omit<IndicatorReference, 'id'>> };
    for (const [id, indicator] of Object.entries(group.indicators)) references.push({ id, ...indicator });
  }
  return references;
}

/** A file's text, written next to it under a temporary name, to be renamed into place. */
interface PreparedFile {
  file: string;
  temporary: string;
}

async function prepare(file: string, text: string): Promise<PreparedFile> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID()}.tmp`);
  await writeFile(temporary, text, { flag: 'wx' });
  return { file, temporary };
}

/**
 * Writes every file whole: all are first written under temporary names, and
 * only when all of them are on disk are they renamed into place, so a full
 * disk or a refused write leaves neither a half file nor a document without
 * its review file. A rename replaces a symbolic link rather than writing
 * through it.
 */
async function writeAllWhole(files: ReadonlyArray<{ file: string; text: string }>): Promise<void> {
  const prepared: PreparedFile[] = [];
  try {
    for (const { file, text } of files) prepared.push(await prepare(file, text));
    for (const { file, temporary } of prepared) await rename(temporary, file);
  } finally {
    await Promise.all(prepared.map(({ temporary }) => rm(temporary, { force: true })));
  }
}

/** True when the path exists, a dangling symbolic link included. */
function exists(file: string): boolean {
  return lstatSync(file, { throwIfNoEntry: false }) !== undefined;
}

/**
 * Where `file` really is: symbolic links resolved in the part of its path
 * that exists (the nearest existing ancestor), the rest appended, as the
 * file would be created there.
 */
function resolveThroughLinks(file: string): string {
  const absolute = path.resolve(file);
  const missing: string[] = [];
  for (let existing = absolute; ; existing = path.dirname(existing)) {
    try {
      return path.join(realpathSync(existing), ...missing);
    } catch {
      if (existing === path.dirname(existing)) return absolute;
      missing.unshift(path.basename(existing));
    }
  }
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative);
}

/** The document's file name from the received one: its slug, or a refusal asking for --out. */
function defaultOutputName(input: string): string {
  const name = path.parse(input).name;
  // slugify throws only for a name with no letter or digit.
  try {
    return `${slugify(name)}.md`;
  } catch {
    throw new ImportRefusal(importMessages.nameGivesNoSlug(input));
  }
}

export function reviewFileFor(output: string): string {
  return output.replace(/\.md$/, '.review.yaml');
}

function reviewText(source: string, output: string, figures: readonly Figure[]): string {
  const comment = reviewHeader
    .split('\n')
    .map((line) => `# ${line}`)
    .join('\n');
  return `${comment}\n${stringify({ source, document: output, figures }, { lineWidth: 0 })}`;
}

export interface ImportOptions {
  input: string;
  kind: string;
  /** Output file; `content/<kind>/<input name>.md` by default. */
  out?: string | undefined;
  force?: boolean | undefined;
  contentDir: string;
}

export interface ImportResult extends ConvertedDocument {
  output: string;
  /** The review file, when figures were found. */
  review: string | undefined;
}

export async function importDocument(options: ImportOptions): Promise<ImportResult> {
  const { input, kind, contentDir } = options;
  if (!isDocumentKind(kind)) throw new ImportRefusal(importMessages.unknownKind(kind, DOCUMENT_KINDS));
  if (!(IMPORTABLE_EXTENSIONS as readonly string[]).includes(path.extname(input).toLowerCase())) {
    throw new ImportRefusal(importMessages.unsupportedType(input));
  }
  const kindFolder = path.join(contentDir, kind);
  const output = options.out ?? path.join(kindFolder, defaultOutputName(input));
  if (!output.endsWith('.md')) throw new ImportRefusal(importMessages.outputNotMarkdown(output));
  if (!isInside(path.resolve(kindFolder), path.resolve(output))) {
    throw new ImportRefusal(importMessages.outputOutsideKind(output, kindFolder));
  }
  // Inside as written is not enough: a link in content/ (a folder, or the kind's folder itself) may lead elsewhere.
  const realOutput = resolveThroughLinks(output);
  if (!isInside(path.join(resolveThroughLinks(contentDir), kind), realOutput)) {
    throw new ImportRefusal(importMessages.outputThroughLink(output, realOutput, kindFolder));
  }
  const existing = [output, reviewFileFor(output)].filter(exists);
  if (existing.length > 0 && !options.force) throw new ImportRefusal(importMessages.outputExists(existing.join('、')));

  let bytes: Uint8Array;
  try {
    bytes = await readFile(input);
  } catch {
    throw new ImportRefusal(importMessages.unreadable(input));
  }
  const converted = await convertDocument({
    bytes,
    fileName: input,
    kind,
    indicators: loadIndicatorReferences(contentDir),
  });

  const review = converted.figures.length > 0 ? reviewFileFor(output) : undefined;
  await mkdir(path.dirname(output), { recursive: true });
  await writeAllWhole([
    { file: output, text: converted.markdown },
    ...(review ? [{ file: review, text: reviewText(input, output, converted.figures) }] : []),
  ]);
  return { ...converted, output, review };
}
