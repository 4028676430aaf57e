/**
 * Checks across indicators. Reference errors (an unknown document or
 * indicator, one id in two files) fail the build; figure checks recompute
 * rates and stated growth and report where the printed figure disagrees.
 */
import { findDuplicates } from '../lib/duplicates.ts';
import type { Indicator, IndicatorPoint } from './model.ts';
import { agreesWithPrinted, percentOf, pointFor } from './series.ts';

/** Problems that make the data unusable, one message per problem, each naming the file and the indicator. */
export function findReferenceErrors(indicators: readonly Indicator[], documentKeys: ReadonlySet<string>): string[] {
  const errors: string[] = [];
  for (const group of findDuplicates(indicators, (indicator) => indicator.id)) {
    errors.push(`指标编号 ${group[0]!.id} 重复（duplicate indicator id）：同时出现在 ${group.map((i) => i.file).join(' 和 ')}`);
  }
  const byId = new Map(indicators.map((indicator) => [indicator.id, indicator]));
  for (const indicator of indicators) {
    const where = `${indicator.file}: indicators.${indicator.id}`;
    for (const point of indicator.values) {
      if (point.source && !point.derivedFrom && !documentKeys.has(point.source)) {
        errors.push(
          `${where}.values（${point.year}年）: source 指向的文档“${point.source}”不存在（unknown source document; expected a key like summaries/2020-annual-summary, the document's folder and file name without extension）`,
        );
      }
    }
    if (indicator.rate) {
      for (const role of ['numerator', 'denominator'] as const) {
        const target = indicator.rate[role];
        const other = byId.get(target);
        if (!other) {
          errors.push(`${where}.rate.${role}: 指标“${target}”不存在（unknown indicator）`);
        } else if (other.rate) {
          errors.push(
            `${where}.rate.${role}: 指标“${target}”本身是比率，不能再作${role === 'numerator' ? '分子' : '分母'}（a rate of rates is not supported）`,
          );
        }
      }
      const numerator = byId.get(indicator.rate.numerator);
      const denominator = byId.get(indicator.rate.denominator);
      if (numerator && denominator && numerator.unit !== denominator.unit) {
        errors.push(
          `${where}.rate: 分子“${numerator.id}”（${numerator.unit}）与分母“${denominator.id}”（${denominator.unit}）单位不同（numerator and denominator must share a unit）`,
        );
      }
    }
  }
  return errors;
}

export interface FigureInput {
  /** Id of the indicator the input figure belongs to. */
  indicator: string;
  year: number;
  value: number;
}

/** One recomputed figure: a rate from its parts, or a stated growth from two years. */
export interface FigureCheck {
  kind: 'rate' | 'growth';
  indicator: string;
  file: string;
  year: number;
  /** Key of the document that printed the figure. */
  source: string | undefined;
  /** The figure as printed, in percent. */
  printed: number;
  /** The figure recomputed from `inputs`, in percent, unrounded. */
  computed: number;
  /** For a rate: numerator then denominator. For growth: the year before, then the year. */
  inputs: [FigureInput, FigureInput];
  ok: boolean;
}

function figureCheck(
  kind: FigureCheck['kind'],
  indicator: Indicator,
  point: IndicatorPoint,
  printed: number,
  computed: number,
  inputs: [FigureInput, FigureInput],
): FigureCheck {
  const { id, file } = indicator;
  return {
    kind,
    indicator: id,
    file,
    year: point.year,
    source: point.source,
    printed,
    computed,
    inputs,
    ok: agreesWithPrinted(printed, computed),
  };
}

function rateChecks(indicator: Indicator, byId: ReadonlyMap<string, Indicator>): FigureCheck[] {
  const numerator = indicator.rate && byId.get(indicator.rate.numerator);
  const denominator = indicator.rate && byId.get(indicator.rate.denominator);
  if (!numerator || !denominator) return [];
  const checks: FigureCheck[] = [];
  for (const point of indicator.values) {
    const top = pointFor(numerator.values, point.year);
    const bottom = pointFor(denominator.values, point.year);
    // A qualified figure (500多) is a bound, not a value to recompute from.
    if (!top || !bottom || bottom.value === 0 || top.qualifier || bottom.qualifier || point.qualifier) continue;
    checks.push(
      figureCheck('rate', indicator, point, point.value, percentOf(top.value, bottom.value), [
        { indicator: numerator.id, year: point.year, value: top.value },
        { indicator: denominator.id, year: point.year, value: bottom.value },
      ]),
    );
  }
  return checks;
}

function growthChecks(indicator: Indicator): FigureCheck[] {
  const checks: FigureCheck[] = [];
  for (const point of indicator.values) {
    const previous = pointFor(indicator.values, point.year - 1);
    // A derived prior year agrees with its growth by construction; only a written one is worth checking.
    if (point.growth === undefined || !previous || previous.derivedFrom || previous.value === 0) continue;
    checks.push(
      figureCheck('growth', indicator, point, point.growth, percentOf(point.value - previous.value, previous.value), [
        { indicator: indicator.id, year: previous.year, value: previous.value },
        { indicator: indicator.id, year: point.year, value: point.value },
      ]),
    );
  }
  return checks;
}

/** Every rate and stated growth that can be recomputed, passing or not. */
export function checkFigures(indicators: readonly Indicator[]): FigureCheck[] {
  const byId = new Map(indicators.map((indicator) => [indicator.id, indicator]));
  return indicators.flatMap((indicator) => [...rateChecks(indicator, byId), ...growthChecks(indicator)]);
}
