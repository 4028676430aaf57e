/** 年度工作总结/计划: an annual summary and plan. */
import { z } from 'astro/zod';
import { documentSchema } from './document-base.ts';
import { text, year } from './fields.ts';

export const summarySchema = documentSchema({
  /** The year summarised. */
  year,
  /** The department whose year it is, when not the issuer itself. */
  department: text.optional(),
});

export type SummaryData = z.output<typeof summarySchema>;
