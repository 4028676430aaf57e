/** 简报/内刊: one numbered issue of an internal journal. */
import { z } from 'astro/zod';
import { documentSchema } from './document-base.ts';
import { text } from './fields.ts';

const issueNumber = z.number({ error: '应为正整数（expected a positive whole number）' }).int().positive();

export const bulletinSchema = documentSchema({
  /** Journal name without 《》, e.g. `光明信息`; must match a file in `content/publications/`. */
  publication: text.refine((name) => !/[《》]/.test(name), { error: '刊名不要带书名号《》（write the name without 《》）' }),
  /** 期号: the issue number within the year. */
  issue: issueNumber,
  /** 总期号: the running number since the journal began (总第N期). */
  totalIssue: issueNumber.optional(),
});

export type BulletinData = z.output<typeof bulletinSchema>;
