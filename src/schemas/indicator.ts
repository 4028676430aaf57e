/**
 * 指标: yearly figures, one YAML file per group of indicators under
 * `content/indicators/`. A group shares a category and an issuer; each
 * indicator is keyed by its id so that every error names the indicator.
 */
import { z } from 'astro/zod';
import { DOCUMENT_KINDS } from '../lib/kinds.ts';
import { findDuplicates } from '../lib/duplicates.ts';
import { text, year } from './fields.ts';

/** Units an indicator may be counted in. Add one here when a document needs it. */
export const INDICATOR_UNITS = [
  '份',
  '个',
  '宗',
  '项',
  '条',
  '次',
  '件',
  '篇',
  '人',
  '档',
  '家',
  '户',
  '名',
  '场',
  '期',
  '%',
  '元',
  '万元',
  '亿元',
] as const;

/** How a document words an approximate figure: 500多篇, 3500余篇, 超过97%. */
export const QUALIFIERS = ['多', '余', '超过'] as const;

/** The large-number words a document may print a figure in (GB/T 15835): 100万件, 1.2亿元. */
export const SCALES = ['万', '亿'] as const;

/** Units that already carry a scale or are not counts, which a figure's `scale` cannot go with. */
const UNITS_WITHOUT_SCALE: readonly string[] = ['%', '万元', '亿元'];

/** Ids that would clash with the dataset downloads under `/indicators/`. */
const RESERVED_IDS = ['data'];

const ID_MESSAGE = `指标编号应由小写字母、数字和连字符组成，如 documents-received，且不能为 ${RESERVED_IDS.join('、')}（expected a slug like documents-received）`;

/** Stable URL slug: lower-case letters, digits and single hyphens. */
export const indicatorId = z
  .string({ error: ID_MESSAGE })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: ID_MESSAGE })
  .refine((id) => !RESERVED_IDS.includes(id), { error: ID_MESSAGE });

/** A document key, `<kind>/<file name without extension>`, as in `summaries/2020-annual-summary`. */
const documentKey = z
  .string({ error: '应为文档编号（expected a document key）' })
  .regex(new RegExp(`^(${DOCUMENT_KINDS.join('|')})/[^/\\s]+(/[^/\\s]+)*$`), {
    error: `应为“类别/文件名”形式的文档编号，如 summaries/2020-annual-summary；类别为 ${DOCUMENT_KINDS.join('、')} 之一（expected a document key like summaries/2020-annual-summary）`,
  });

const valueSchema = z.strictObject(
  {
    /** The year the figure is for. */
    year,
    /** The figure as the document prints it; rates are in percent (78 for 78%). */
    value: z.number({ error: '应为数字，不带单位和千分位逗号（expected a plain number such as 8555）' }),
    /** 显示单位: the document prints the value in 万 or 亿 (1000000 with 万 prints 100万); the value itself stays whole. */
    scale: z.enum(SCALES, { error: `应为 ${SCALES.join('、')} 之一（expected 万 or 亿）` }).optional(),
    /** 约数: how the document qualifies the figure (多, 余, 超过); the value is then a bound. */
    qualifier: z.enum(QUALIFIERS, { error: `应为 ${QUALIFIERS.join('、')} 之一` }).optional(),
    /** Year-on-year growth in percent as the document states it (26 for 同比增长26%); the year before is derived from it. */
    growth: z.number({ error: '应为百分数的数值，如 26 表示增长26%（expected a percentage such as 26）' }).optional(),
    /** The document that reports the figure, by key: `summaries/2020-annual-summary`. */
    source: documentKey.optional(),
    /** A remark shown beside the figure. */
    note: text.optional(),
  },
  { error: '应为 { year, value } 形式的一项（expected an entry with year and value）' },
);

const indicatorSchema = z
  .strictObject({
    /** 指标名称, e.g. 收文数量. */
    name: text,
    /** 计量单位: one of INDICATOR_UNITS. */
    unit: z.enum(INDICATOR_UNITS, {
      error: `单位应为 ${INDICATOR_UNITS.join(' ')} 之一（unknown unit; add it to INDICATOR_UNITS in src/schemas/indicator.ts）`,
    }),
    /** 指标类别, when it differs from the group's. */
    category: text.optional(),
    /** 发布机构, when it differs from the group's. */
    issuer: text.optional(),
    /** 指标说明: what is counted, in a sentence or two. */
    description: text.optional(),
    /** Declares the indicator a rate of two others; the build recomputes it and warns when the printed value differs. */
    rate: z
      .strictObject({
        /** Id of the indicator counted on top, e.g. hazards-rectified. */
        numerator: indicatorId,
        /** Id of the indicator counted below, e.g. hazards-identified. */
        denominator: indicatorId,
      })
      .optional(),
    /** The figures, one per year. */
    values: z.array(valueSchema).min(1, { error: '至少需要一个年度数值（at least one value）' }),
  })
  .superRefine((indicator, ctx) => {
    for (const group of findDuplicates(indicator.values, (entry) => String(entry.year))) {
      ctx.addIssue({
        code: 'custom',
        path: ['values'],
        message: `年份 ${group[0]!.year} 重复出现 ${group.length} 次（duplicate year）`,
      });
    }
    indicator.values.forEach((entry, index) => {
      if (entry.scale && UNITS_WITHOUT_SCALE.includes(indicator.unit)) {
        ctx.addIssue({
          code: 'custom',
          path: ['values', index, 'scale'],
          message: `单位为 ${indicator.unit} 的指标不能再写 scale（scale does not go with the unit ${indicator.unit}; write the value in 份, 件, 元… and scale: 万）`,
        });
      }
    });
    if (indicator.rate && indicator.unit !== '%') {
      ctx.addIssue({ code: 'custom', path: ['unit'], message: '比率指标的单位应为 %（a rate is in %）' });
    }
  });

export const indicatorGroupSchema = z.strictObject({
  /** 指标类别 shared by the group, e.g. 文件处理. */
  category: text,
  /** 发布机构 shared by the group. */
  issuer: text,
  /** The indicators, keyed by their stable id. */
  indicators: z.record(indicatorId, indicatorSchema, {
    // Zod reports a bad key as "Invalid key in record"; say what a key must look like instead.
    error: (issue) => (issue.code === 'invalid_key' ? ID_MESSAGE : undefined),
  }),
});

export type IndicatorGroupData = z.output<typeof indicatorGroupSchema>;
export type IndicatorData = z.output<typeof indicatorSchema>;
export type IndicatorValueData = z.output<typeof valueSchema>;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];
export type Qualifier = (typeof QUALIFIERS)[number];
export type Scale = (typeof SCALES)[number];
