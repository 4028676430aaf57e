/**
 * `npm run import`: a received .txt or .docx becomes one Markdown document
 * in `content/<kind>/`, with front matter filled as far as the text allows,
 * official headings as Markdown headings, and a review file listing the
 * figures found. Refuses rather than guesses: an unreadable or empty file,
 * an unknown kind, or an output that exists (unless `force`). Files are
 * written whole or not at all.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
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

/** Writes `text` to `file` through a temporary file and a rename, so a reader never sees half a file. */
async function writeWhole(file: string, text: string): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID()}.tmp`);
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
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
  const output = options.out ?? path.join(kindFolder, `${slugify(path.parse(input).name)}.md`);
  if (!output.endsWith('.md')) throw new ImportRefusal(importMessages.outputNotMarkdown(output));
  if (path.relative(path.resolve(kindFolder), path.resolve(output)).startsWith('..')) {
    throw new ImportRefusal(importMessages.outputOutsideKind(output, kindFolder));
  }
  if (existsSync(output) && !options.force) throw new ImportRefusal(importMessages.outputExists(output));

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

  await mkdir(path.dirname(output), { recursive: true });
  await writeWhole(output, converted.markdown);
  let review: string | undefined;
  if (converted.figures.length > 0) {
    review = reviewFileFor(output);
    await writeWhole(review, reviewText(input, output, converted.figures));
  }
  return { ...converted, output, review };
}
