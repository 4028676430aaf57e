/**
 * How figures read on the page: numbers in zh-CN style, the qualifier of an
 * approximate figure where the document puts it, changes in percent or in
 * percentage points, and the notes that explain derived or disputed figures.
 */
import type { IndicatorUnit } from '../../schemas/indicator.ts';
import { indicatorUi } from '../../translations/zh-CN.ts';
import type { IndicatorPoint } from './model.ts';
import type { FigureCheck } from './checks.ts';
import { decimalsOf, type YearChange } from './series.ts';

const numberFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 3 });

/** 8555 → 8,555; 91.5 → 91.5. */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** A number with its unit: 8,555份, 78%. */
export function withUnit(value: number, unit: string, decimals?: number): string {
  const number =
    decimals === undefined
      ? formatNumber(value)
      : new Intl.NumberFormat('zh-CN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
  return `${number}${unit}`;
}

/** A figure as the document words it: 8,555份, 500多篇, 超过97%. */
export function formatValue(point: Pick<IndicatorPoint, 'value' | 'qualifier'>, unit: string): string {
  const number = formatNumber(point.value);
  switch (point.qualifier) {
    case '超过':
      return `超过${number}${unit}`;
    case '多':
    case '余':
      return `${number}${point.qualifier}${unit}`;
    default:
      return `${number}${unit}`;
  }
}

/** A recomputed percentage shown with at least one decimal, or as many as the printed figure had. */
export function formatComputedPercent(computed: number, printed: number): string {
  return withUnit(computed, '%', Math.max(1, decimalsOf(printed)));
}

/** 增加3,121份（+57.4%）, 减少2宗（-1.2%）, 提高1.5个百分点 for rates. */
export function formatChange(change: YearChange, unit: IndicatorUnit): string {
  if (change.difference === 0) return indicatorUi.unchanged;
  const direction = change.difference > 0 ? indicatorUi.increase : indicatorUi.decrease;
  const amount = formatNumber(Math.abs(change.difference));
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
    notes.push(indicatorUi.derivedNote(year, withUnit(value, unit), growth));
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
