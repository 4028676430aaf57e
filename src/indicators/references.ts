/**
 * What `<Indicator>` and `<IndicatorChart>` in an MDX document may cite: an
 * indicator this build publishes, a year it has a figure for, and, in one
 * chart, indicators of one unit. The components apply these rules while the
 * page renders (src/data/indicators.ts); `npm run check` and the start of a
 * build apply them to the attributes as written
 * (src/lib/content-check/indicator-reference-problems.ts).
 */
import type { Indicator } from './model.ts';
import { pointFor } from './series.ts';

const knownIds = (byId: ReadonlyMap<string, Indicator>) => [...byId.keys()].sort().join('、') || '（无）';

/** What is wrong with `<Indicator id year />`, or undefined when it names a figure. */
export function figureReferenceProblem(byId: ReadonlyMap<string, Indicator>, id: unknown, year: unknown): string | undefined {
  if (typeof year !== 'number') return `<Indicator id="${id}"> 缺少 year，应写成 year={2020}（year is required, written as year={2020}）`;
  const indicator = typeof id === 'string' ? byId.get(id) : undefined;
  if (!indicator) return `<Indicator id="${id}"> 指标不存在（unknown indicator id）；已有指标：${knownIds(byId)}`;
  if (!pointFor(indicator.values, year)) {
    return `<Indicator id="${id}" year={${year}}> 该指标没有 ${year} 年的数值（no value for that year）；已有年份：${indicator.values.map((p) => p.year).join('、')}`;
  }
  return undefined;
}

/** What is wrong with `<IndicatorChart ids year? />`, or undefined when it can be drawn. */
export function chartReferenceProblem(byId: ReadonlyMap<string, Indicator>, ids: unknown, year: unknown): string | undefined {
  const tag = `<IndicatorChart ids={${JSON.stringify(ids)}}>`;
  if (!Array.isArray(ids) || ids.length === 0) return `${tag} 需要至少一个指标编号（ids must list at least one indicator id）`;
  const unknown = ids.filter((id) => !byId.has(id));
  if (unknown.length > 0) return `${tag} 指标不存在（unknown indicator id）：${unknown.join('、')}；已有指标：${knownIds(byId)}`;
  const indicators = ids.map((id) => byId.get(id)!);
  const units = [...new Set(indicators.map((indicator) => indicator.unit))];
  if (units.length > 1)
    return `${tag} 各指标单位不同（${units.join('、')}），不能画在同一张图上（indicators in one chart must share a unit）`;
  if (year === undefined) return undefined;
  if (typeof year !== 'number') return `${tag} year 应为年份数字，如 year={2020}（year must be a number such as year={2020}）`;
  const missing = indicators.filter((indicator) => !pointFor(indicator.values, year));
  if (missing.length > 0) return `${tag} year={${year}}：${missing.map((i) => i.id).join('、')} 没有该年数值（no value for that year）`;
  return undefined;
}
