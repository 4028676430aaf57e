import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateCorpus } from '../../bench/corpus/generate.ts';
import { bulletinSchema } from '../../src/schemas/bulletin.ts';
import { reformSchema } from '../../src/schemas/reform.ts';
import { reportSchema } from '../../src/schemas/report.ts';
import { summarySchema } from '../../src/schemas/summary.ts';
import { publicationSchema } from '../../src/schemas/publication.ts';
import { indicatorGroupSchema } from '../../src/schemas/indicator.ts';
import { listFiles } from '../helpers/build-site.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const DOCS = 60;

async function readAll(dir: string): Promise<Map<string, string>> {
  const files = await listFiles(dir);
  return new Map(await Promise.all(files.map(async (file) => [file, await readFile(path.join(dir, file), 'utf8')] as const)));
}

describe('benchmark corpus generator', async () => {
  const first = await tempDir('gazette-corpus-');
  const second = await tempDir('gazette-corpus-');
  const otherSeed = await tempDir('gazette-corpus-');
  const summary = await generateCorpus(first, { docs: DOCS, seed: 'test' });
  await generateCorpus(second, { docs: DOCS, seed: 'test' });
  await generateCorpus(otherSeed, { docs: DOCS, seed: 'another' });
  const files = await readAll(first);
  const documents = [...files.keys()].filter((file) => /\.mdx?$/.test(file));

  it('writes the same files for the same seed, and different ones for another', async () => {
    expect(await readAll(second)).toEqual(files);
    expect(await readAll(otherSeed)).not.toEqual(files);
  });

  it('writes the requested number of documents, of every kind, some as MDX', () => {
    expect(documents).toHaveLength(DOCS);
    expect(Object.values(summary.byKind).reduce((a, b) => a + b, 0)).toBe(DOCS);
    for (const kind of ['bulletins', 'reports', 'summaries', 'reforms']) {
      expect(documents.some((file) => file.startsWith(`${kind}/`))).toBe(true);
    }
    expect(documents.filter((file) => file.endsWith('.mdx'))).toHaveLength(summary.mdx);
  });

  it('writes documents, journals and indicators that the site schemas accept', () => {
    const schemas = { bulletins: bulletinSchema, reports: reportSchema, summaries: summarySchema, reforms: reformSchema };
    for (const file of documents) {
      const frontMatter = parse(/^---\n([\s\S]*?)\n---\n/.exec(files.get(file)!)![1]!);
      const schema = schemas[file.split('/')[0] as keyof typeof schemas];
      const result = schema.safeParse(frontMatter);
      expect(result.error, file).toBeUndefined();
    }
    for (const [file, text] of files) {
      if (file.startsWith('publications/')) expect(publicationSchema.safeParse(parse(text)).error, file).toBeUndefined();
      if (file.startsWith('indicators/')) expect(indicatorGroupSchema.safeParse(parse(text)).error, file).toBeUndefined();
    }
  });

  it('builds the text from Chinese sentences with official headings and tables', () => {
    const body = files.get(documents.find((file) => file.startsWith('reports/'))!)!;
    expect(body).toMatch(/\n一、/);
    expect(body).toMatch(/\n（一）/);
    expect(Buffer.byteLength(body)).toBeGreaterThan(2048);
    expect([...files.values()].some((text) => text.includes('| --- |'))).toBe(true);
  });
});
