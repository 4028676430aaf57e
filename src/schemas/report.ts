/** 调研报告: policy research, often with leaders' written instructions. */
import { z } from 'astro/zod';
import { documentSchema } from './document-base.ts';
import { calendarDate, labelList, text } from './fields.ts';

/** 领导批示: a leader's written instruction on the report. */
const instructionSchema = z.strictObject({
  /** Who wrote the instruction (name and post). */
  by: text,
  /** When it was written, `YYYY-MM-DD`. */
  date: calendarDate,
  /** The instruction's words, where they may be quoted. */
  text: text.optional(),
});

export const reportSchema = documentSchema({
  /** 承办部门: the department that did the research. */
  department: text.optional(),
  /** 执笔人/课题组: authors. */
  authors: labelList,
  /** 领导批示 received, oldest first. */
  instructions: z.array(instructionSchema).default([]),
});

export type ReportData = z.output<typeof reportSchema>;
