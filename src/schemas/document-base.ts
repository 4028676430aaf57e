/**
 * The government-document base that every kind of document shares
 * (GB/T 9704 and the 政府信息公开 metadata conventions).
 */
import { z } from 'astro/zod';
import { ACCESS_LEVELS } from '../lib/access.ts';
import { calendarDate, entrySlug, labelList, text } from './fields.ts';

export const VALIDITY_STATES = ['现行有效', '已修订', '已废止'] as const;

/** 修订说明: an editor's note telling readers what changed in a revision. */
const revisionNoteSchema = z.strictObject({
  /** The day of the revision, `YYYY-MM-DD`; it need not be a day git saw the file change. */
  date: calendarDate,
  /** What changed, for readers, in Chinese: `补充2021年第二季度数据`. */
  // An empty note is already an error of `text`: no second one about the language.
  note: text.refine((value) => value === '' || /\p{Script=Han}/u.test(value), {
    error: '应为中文修订说明，如“补充2021年第二季度数据”（expected a note in Chinese）',
  }),
});

export const documentBaseShape = {
  /** 标题: the document's full title. */
  title: text,
  /** 成文日期: the date the document was signed, `YYYY-MM-DD`. */
  date: calendarDate,
  /** 发布日期: the date it was released, not before `date`. */
  published: calendarDate.optional(),
  /** 发布机构: the issuing body's full name. */
  issuer: text,
  /** 发文字号, e.g. `深光综〔2020〕12号`. */
  docNo: text.optional(),
  /** 索引号: the public-information index number, unique across the site. */
  indexNo: text.optional(),
  /** 主题分类: subject categories, used for topic pages and related documents. */
  topics: labelList,
  /** 主题词: keywords, used for related documents and search. */
  keywords: labelList,
  /** 内容概述: a short abstract shown in listings, at most 200 characters. */
  summary: text.max(200, { error: '不能超过 200 个字符（at most 200 characters）' }).optional(),
  /** 有效性: whether the document is still in force. */
  validity: z.enum(VALIDITY_STATES, { error: `应为 ${VALIDITY_STATES.join('、')} 之一` }).optional(),
  /** Who may read it: `public`, `internal` (default) or `restricted` (never published). */
  access: z
    .enum(ACCESS_LEVELS, { error: `应为 ${ACCESS_LEVELS.join('、')} 之一（expected one of ${ACCESS_LEVELS.join(', ')}）` })
    .default('internal'),
  /** Work in progress: never published while true. */
  draft: z.boolean({ error: '应为 true 或 false（expected true or false）' }).default(false),
  /** 修订记录 notes, `[{ date, note }]`, shown beside the dates of change git records (never commit messages). */
  revisions: z
    .array(revisionNoteSchema, { error: '应为修订说明列表，每项含 date 和 note（expected a list of { date, note }）' })
    .default([]),
  /** Replaces the file name in the URL; Astro reads it. Rarely needed. */
  slug: entrySlug,
};

/** True when `value` has a valid `date` and, if it has one, a valid `published`. */
function hasValidDates(value: unknown): boolean {
  const { date, published } = (value ?? {}) as { date?: unknown; published?: unknown };
  return calendarDate.safeParse(date).success && (published === undefined || calendarDate.safeParse(published).success);
}

/**
 * Builds a kind's schema from the base plus its own fields, with the checks
 * that span fields. (Zod cannot `.extend()` a refined object, hence a function.)
 *
 * Strict: a key the schema does not know (`acess`, `Draft`) fails, so a
 * misspelt `access` or `draft` can never publish a document by mistake.
 */
export function documentSchema<Shape extends z.ZodRawShape>(kindShape: Shape) {
  return z.strictObject({ ...documentBaseShape, ...kindShape }).superRefine(
    (doc, ctx) => {
      // The generic shape hides the base fields from TypeScript; they are always there.
      const { date, published } = doc as { date: string; published?: string };
      if (published && published < date) {
        ctx.addIssue({
          code: 'custom',
          path: ['published'],
          message: `发布日期 ${published} 早于成文日期 ${date}（published must not be before date）`,
        });
      }
    },
    // Whenever both dates are valid, even if another field fails, so that one run reports
    // every problem; and never when one of them is not a date, which is reported on its own.
    { when: (payload) => hasValidDates(payload.value) },
  );
}
