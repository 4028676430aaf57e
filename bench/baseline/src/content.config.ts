/** One collection per kind, read from the corpus folder without a schema. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const CORPUS_DIR = process.env.GAZETTE_CONTENT_DIR ?? '../../content';
const documents = (kind: string) => defineCollection({ loader: glob({ pattern: '**/*.{md,mdx}', base: `${CORPUS_DIR}/${kind}` }) });

export const collections = {
  bulletins: documents('bulletins'),
  reports: documents('reports'),
  summaries: documents('summaries'),
  reforms: documents('reforms'),
};
