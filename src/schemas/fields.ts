/** Field types shared by several schemas, with messages editors can act on. */
import { z } from 'astro/zod';
import { isCalendarDate, toIsoDate } from '../lib/dates.ts';

/**
 * A calendar date written `YYYY-MM-DD`. YAML turns unquoted dates into Date
 * objects; they are turned back into the plain string so no time zone creeps in.
 */
export const calendarDate = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? toIsoDate(value) : value),
  z
    .string({ error: '应为 YYYY-MM-DD 格式的日期（expected a date like 2020-12-31）' })
    .refine(isCalendarDate, { error: '应为存在的日期，格式 YYYY-MM-DD（expected a real date like 2020-12-31）' }),
);

const SLUG_MESSAGE = '应为网址中的名称，只含字母、数字、汉字、连字符和下划线，如 gba-research（expected a URL name such as gba-research）';

/**
 * Astro's own `slug` field: when a file has one, it replaces the file name in
 * the entry's id and so in the document's URL (src/lib/entry-id.ts). Limited
 * to what a slugged file name is made of, so that no slug can hold `/` or `..`.
 */
export const entrySlug = z
  .union([z.string().regex(/^[\p{L}\p{N}_-]+$/u), z.number().int().nonnegative()], { error: SLUG_MESSAGE })
  .optional();

/** A four-digit year such as 2020. */
export const year = z.number({ error: '应为四位数年份，如 2020（expected a year such as 2020）' }).int().min(1949).max(2100);

/** A non-empty line of text. */
export const text = z.string({ error: '应为文字（expected text）' }).trim().min(1, { error: '不能为空（must not be empty）' });

/** A list of short labels; a single string is accepted as a list of one. */
export const labelList = z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(text)).default([]);

/** A whole number of things, zero or more. */
export const count = z.number({ error: '应为整数（expected a whole number）' }).int().min(0);
