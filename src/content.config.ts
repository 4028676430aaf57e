/**
 * Content collections: one per kind of document, each a folder of `.md`/`.mdx`
 * files under `content/`, plus the journals as data.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { CONTENT_DIR } from './site-settings.ts';
import { bulletinSchema } from './schemas/bulletin.ts';
import { reportSchema } from './schemas/report.ts';
import { summarySchema } from './schemas/summary.ts';
import { reformSchema } from './schemas/reform.ts';
import { publicationSchema } from './schemas/publication.ts';
import { indicatorGroupSchema } from './schemas/indicator.ts';

const documents = (folder: string) => glob({ pattern: '**/*.{md,mdx}', base: `${CONTENT_DIR}/${folder}` });

export const collections = {
  bulletins: defineCollection({ loader: documents('bulletins'), schema: bulletinSchema }),
  reports: defineCollection({ loader: documents('reports'), schema: reportSchema }),
  summaries: defineCollection({ loader: documents('summaries'), schema: summarySchema }),
  reforms: defineCollection({ loader: documents('reforms'), schema: reformSchema }),
  publications: defineCollection({
    loader: glob({ pattern: '**/*.{yaml,yml}', base: `${CONTENT_DIR}/publications` }),
    schema: publicationSchema,
  }),
  // One YAML file per group of indicators; each file holds several, keyed by id.
  indicators: defineCollection({
    loader: glob({ pattern: '**/*.{yaml,yml}', base: `${CONTENT_DIR}/indicators` }),
    schema: indicatorGroupSchema,
  }),
};
