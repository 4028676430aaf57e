/**
 * Indicators as the site uses them: one object per indicator with its
 * group's defaults filled in, its values sorted by year, and the prior-year
 * values that a stated growth rate implies added and marked as derived.
 */
import type { IndicatorGroupData, IndicatorUnit, IndicatorValueData, Qualifier, Scale } from '../schemas/indicator.ts';
import { SCALE_FACTORS } from './format.ts';
import { decimalsOf, derivePriorValue, pointFor, roundTo } from './series.ts';

export interface IndicatorPoint {
  year: number;
  value: number;
  qualifier: Qualifier | undefined;
  /** 万 or 亿 when the document prints the figure in it (100万件); `value` is the whole number. */
  scale: Scale | undefined;
  /** Key of the document that reports the figure (or, for a derived value, the figure it was derived from). */
  source: string | undefined;
  note: string | undefined;
  /** Growth over the year before as the document states it, in percent. */
  growth: number | undefined;
  /** Set when the value was not printed but derived from the next year's value and its stated growth. */
  derivedFrom: { year: number; value: number; growth: number } | undefined;
}

export interface Indicator {
  id: string;
  name: string;
  unit: IndicatorUnit;
  category: string;
  issuer: string;
  description: string | undefined;
  rate: { numerator: string; denominator: string } | undefined;
  /** Oldest first. */
  values: IndicatorPoint[];
  /** The YAML file it comes from, for error messages. */
  file: string;
}

function toPoint(entry: IndicatorValueData): IndicatorPoint {
  return {
    year: entry.year,
    value: entry.value,
    qualifier: entry.qualifier,
    scale: entry.scale,
    source: entry.source,
    note: entry.note,
    growth: entry.growth,
    derivedFrom: undefined,
  };
}

/** The smallest step of a figure as printed: 1 for 8555, 1万 for 100万, 0.1亿 for 1.2亿. */
function printedStep(point: IndicatorPoint): number {
  const factor = point.scale ? SCALE_FACTORS[point.scale] : 1;
  return factor / 10 ** decimalsOf(roundTo(point.value / factor, 4));
}

/**
 * Adds, for each value with a stated growth whose year before is missing, the
 * derived prior-year value. A year the data already has is left as written
 * (the consistency checks compare it with the stated growth instead).
 */
export function withDerivedValues(points: readonly IndicatorPoint[]): IndicatorPoint[] {
  const result = [...points];
  for (const point of points) {
    if (point.growth === undefined || pointFor(result, point.year - 1)) continue;
    result.push({
      year: point.year - 1,
      // Rounded in the figure's own scale, to the places it was printed with:
      // 100万 with 增长26% gives 79万, not 793651; 1.2亿 with 增长10% gives 1.1亿, not 1亿.
      value: derivePriorValue(point.value, point.growth, printedStep(point)),
      qualifier: point.qualifier,
      scale: point.scale,
      source: point.source,
      note: undefined,
      growth: undefined,
      derivedFrom: { year: point.year, value: point.value, growth: point.growth },
    });
  }
  return result.sort((a, b) => a.year - b.year);
}

/** The indicators of one group file. */
export function indicatorsFromGroup(file: string, group: IndicatorGroupData): Indicator[] {
  return Object.entries(group.indicators).map(([id, data]) => ({
    id,
    name: data.name,
    unit: data.unit,
    category: data.category ?? group.category,
    issuer: data.issuer ?? group.issuer,
    description: data.description,
    rate: data.rate,
    values: withDerivedValues(data.values.map(toPoint)),
    file,
  }));
}

/**
 * The indicators as a build for some audience may show them: a value whose
 * source document this build does not publish is left out (its figures are
 * that document's content), and an indicator left with no values is dropped.
 */
export function limitToPublished(indicators: readonly Indicator[], isPublished: (documentKey: string) => boolean): Indicator[] {
  return indicators
    .map((indicator) => ({
      ...indicator,
      values: indicator.values.filter((point) => point.source === undefined || isPublished(point.source)),
    }))
    .filter((indicator) => indicator.values.length > 0);
}
