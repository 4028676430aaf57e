/** 内刊: a journal whose numbered issues are bulletins. The file name is its URL slug. */
import { z } from 'astro/zod';
import { entrySlug, text } from './fields.ts';

export const publicationSchema = z.strictObject({
  /** Journal name without 《》, as bulletins write it in `publication`. */
  name: text,
  /** Who edits the journal. */
  issuer: text,
  /** What the journal is for, one or two sentences. */
  description: text.optional(),
  /** 刊期, e.g. 不定期, 月刊. */
  frequency: text.optional(),
  /** Replaces the file name as the journal's URL slug; Astro reads it. Rarely needed. */
  slug: entrySlug,
});

export type PublicationData = z.output<typeof publicationSchema>;
