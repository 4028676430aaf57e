/**
 * How figures read on the page: numbers as Chinese official documents print
 * them (GB/T 15835: 8555份 without grouping commas, 100万件 and 1.2亿元 where
 * the document used 万 or 亿), the qualifier of an approximate figure where
 * the document puts it, changes in percent or in percentage points, and the
 * notes that explain derived or disputed figures. Downloads keep the raw numbers.
 */
import type { IndicatorUnit, Qualifier, Scale } from '../schemas/indicator.ts';
import { indicatorUi } from '../translations/zh-CN.ts';
import type { IndicatorPoint } from './model.ts';
import type { FigureCheck } from './checks.ts';
import { decimalsOf, roundTo, type YearChange } from './series.ts';

/** What 万 and 亿 stand for. */
export const SCALE_FACTORS: Record<Scale, number> = { 万: 1e4, 亿: 1e8 };

/** Official documents group no digits: 8555, 1930, 1000000 (GB/T 15835 leaves grouping to technical texts). */
const plainNumber = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 3, useGrouping: false });
/** A figure in 万 is never finer than a whole one: 12345 → 1.2345万. */
const scaledNumber = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4, useGrouping: false });

/** The digits of `value` counted in `scale`, without the scale: 1000000 in 万 → 100. */
function digits(value: number, scale: Scale | undefined): string {
  return scale ? scaledNumber.format(roundTo(value / SCALE_FACTORS[scale], 4)) : plainNumber.format(value);
}

/** 8555 → 8555; 91.5 → 91.5; 1000000 in 万 → 100万; 120000000 in 亿 → 1.2亿. */
export function formatNumber(value: number, scale?: Scale): string {
  return `${digits(value, scale)}${scale ?? ''}`;
}

/** A number with its unit, optionally at a fixed number of decimals: 8555份, 78%, 79.3%, 100万件. */
export function withUnit(value: number, unit: string, decimals?: number, scale?: Scale): string {
  if (decimals === undefined) return `${formatNumber(value, scale)}${unit}`;
  const fixed = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false });
  return `${fixed.format(scale ? value / SCALE_FACTORS[scale] : value)}${scale ?? ''}${unit}`;
}

/** A figure as the document words it: 8555份, 500多篇, 超过97%, 超过100万件, 120多万件. */
export function formatValue(point: { value: number; qualifier?: Qualifier | undefined; scale?: Scale | undefined }, unit: string): string {
  const number = digits(point.value, point.scale);
  const scale = point.scale ?? '';
  switch (point.qualifier) {
    case '超过':
      return `超过${number}${scale}${unit}`;
    case '多':
    case '余':
      // The qualifier goes between the digits and 万: 120多万件.
      return `${number}${point.qualifier}${scale}${unit}`;
    default:
      return `${number}${scale}${unit}`;
  }
}

/** A recomputed percentage shown with at least one decimal, or as many as the printed figure had. */
export function formatComputedPercent(computed: number, printed: number): string {
  return withUnit(computed, '%', Math.max(1, decimalsOf(printed)));
}

/** 增加3121份（+57.4%）, 减少2宗（−1.2%）, 增加20万件 in the later figure's scale, 提高1.5个百分点 for rates. */
export function formatChange(change: YearChange, unit: IndicatorUnit, scale?: Scale): string {
  if (change.difference === 0) return indicatorUi.unchanged;
  const direction = change.difference > 0 ? indicatorUi.increase : indicatorUi.decrease;
  const amount = formatNumber(Math.abs(change.difference), scale);
  if (unit === '%') return `${direction}${amount}${indicatorUi.percentagePoints}`;
  if (change.percent === undefined) return `${direction}${amount}${unit}`;
  const sign = change.percent > 0 ? '+' : '−';
  return `${direction}${amount}${unit}（${sign}${formatNumber(Math.round(Math.abs(change.percent) * 10) / 10)}%）`;
}

/** The notes to print beside a figure: the editor's note, then how a derived figure was obtained. */
export function pointNotes(point: IndicatorPoint, unit: string): string[] {
  const notes = point.note ? [point.note] : [];
  if (point.derivedFrom) {
    const { year, value, growth } = point.derivedFrom;
    notes.push(indicatorUi.derivedNote(year, withUnit(value, unit, undefined, point.scale), growth));
  }
  return notes;
}

/** The note beside a printed figure that the recomputation disagrees with. */
export function checkNote(check: FigureCheck, unitOf: (indicatorId: string) => string, nameOf: (indicatorId: string) => string): string {
  if (check.kind === 'growth') return indicatorUi.growthCheckNote(formatComputedPercent(check.computed, check.printed), check.printed);
  const [numerator, denominator] = check.inputs.map(
    (input) => `${nameOf(input.indicator)}${withUnit(input.value, unitOf(input.indicator))}`,
  ) as [string, string];
  return indicatorUi.checkNote(formatComputedPercent(check.computed, check.printed), numerator, denominator);
}
