/**
 * Yearly series arithmetic: the latest figure, the change from the year
 * before, prior-year values derived from a stated growth rate, and whether a
 * recomputed figure agrees with the one a document prints.
 */

export interface Point {
  year: number;
  value: number;
}

/**
 * The prior year's value implied by `value` and a stated growth of
 * `growthPercent` (26 for 增长26%), rounded to a whole number of `step`
 * (1, or 10000 for a figure printed in 万).
 */
export function derivePriorValue(value: number, growthPercent: number, step = 1): number {
  if (growthPercent <= -100) throw new RangeError(`growth of ${growthPercent}% leaves no prior value`);
  return Math.round(value / (1 + growthPercent / 100) / step) * step;
}

/** The point for `year`, if the series has one. */
export function pointFor<P extends Point>(points: readonly P[], year: number): P | undefined {
  return points.find((point) => point.year === year);
}

/** The most recent point. */
export function latestPoint<P extends Point>(points: readonly P[]): P | undefined {
  let latest: P | undefined;
  for (const point of points) if (!latest || point.year > latest.year) latest = point;
  return latest;
}

export interface YearChange {
  fromYear: number;
  toYear: number;
  from: number;
  to: number;
  /** `to - from`, in the series' unit (percentage points for rates). */
  difference: number;
  /** Relative change in percent; undefined when the year before is zero. */
  percent: number | undefined;
}

/** The change into `year` (default: the latest) from the calendar year before, when the series has both. */
export function changeFromYearBefore(points: readonly Point[], year = latestPoint(points)?.year): YearChange | undefined {
  if (year === undefined) return undefined;
  const current = pointFor(points, year);
  const previous = pointFor(points, year - 1);
  if (!current || !previous) return undefined;
  return {
    fromYear: previous.year,
    toYear: current.year,
    from: previous.value,
    to: current.value,
    difference: roundTo(current.value - previous.value, 10),
    percent: previous.value === 0 ? undefined : ((current.value - previous.value) / previous.value) * 100,
  };
}

/** `part / whole` in percent. */
export function percentOf(part: number, whole: number): number {
  if (whole === 0) throw new RangeError('a rate needs a non-zero denominator');
  return (part / whole) * 100;
}

/** Decimal places as written: 78 → 0, 91.5 → 1. */
export function decimalsOf(value: number): number {
  const [, fraction = ''] = String(value).split('.');
  return fraction.length;
}

/**
 * True when `computed` rounds to `printed` at the precision the document
 * printed it with: 91.503 agrees with 91.5, 79.3 does not agree with 78.
 */
export function agreesWithPrinted(printed: number, computed: number): boolean {
  const halfUnit = 0.5 * 10 ** -decimalsOf(printed);
  // A hair of tolerance so that a value exactly on the rounding boundary counts as agreeing.
  return Math.abs(computed - printed) <= halfUnit + 1e-9;
}

/** Rounds to `decimals` places without binary noise (0.1 + 0.2 → 0.3). */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
