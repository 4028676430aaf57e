/** 改革事项: a reform project or pilot. */
import { z } from 'astro/zod';
import { documentSchema } from './document-base.ts';
import { count, text, year } from './fields.ts';

export const REFORM_LEVELS = ['国家试点', '省级试点', '市级试点', '区级'] as const;
export const REFORM_STATUSES = ['谋划中', '推进中', '已完成', '已暂停'] as const;

export const reformSchema = documentSchema({
  /** 试点层级: who set the reform or pilot. */
  level: z.enum(REFORM_LEVELS, { error: `应为 ${REFORM_LEVELS.join('、')} 之一` }),
  /** 推进状态. */
  status: z.enum(REFORM_STATUSES, { error: `应为 ${REFORM_STATUSES.join('、')} 之一` }),
  /** 牵头单位: the lead unit. */
  lead: text.optional(),
  /** The year the reform started. */
  startYear: year.optional(),
  /** 改革举措: number of reform measures. */
  measures: count.optional(),
  /** 制度成果: number of institutional results. */
  outcomes: count.optional(),
});

export type ReformData = z.output<typeof reformSchema>;
