/**
 * Splits a build's wall time into phases from the lines it printed: each
 * phase starts at the first line announcing it after the previous phase's
 * start, and ends where the next one starts. A phase that never announces
 * itself is absent and its time counts to the one before.
 */
import type { TimedLine } from './measure-process.ts';

/**
 * Lines that start each phase of `npm run build`, in order. Time before the
 * first marker is Astro's start-up with the config and the content check.
 */
export const BUILD_PHASES: ReadonlyArray<{ phase: string; marker: RegExp }> = [
  { phase: 'content sync', marker: /\[content\] Syncing content/ },
  { phase: 'bundle', marker: /Building static entrypoints/ },
  { phase: 'pages', marker: /generating static routes/ },
  // Astro's build:done hooks (sitemap, figures report) and its exit.
  { phase: 'sitemap', marker: /\[build\] ✓ Completed in/ },
  // Reading the pages' text for the search index (gzip copies start alongside).
  { phase: 'pages read for the index', marker: /\[build\] Complete!/ },
  // The search index, side by side with the leak scan and gzip copies of the pages and the web fonts.
  { phase: 'search index + leak scan', marker: /read \d+ pages for the index/ },
  { phase: 'rest of the leak scan', marker: /search index: \d+ documents indexed/ },
  { phase: 'precompress the index', marker: /leak scan passed/ },
  { phase: 'swap', marker: /files gzipped/ },
];

export type PhaseTimes = Record<string, number>;

function phaseStarts(lines: readonly TimedLine[]): Array<{ phase: string; at: number }> {
  const starts: Array<{ phase: string; at: number }> = [{ phase: 'start-up and content check', at: 0 }];
  let from = 0;
  for (const { phase, marker } of BUILD_PHASES) {
    const index = lines.findIndex((line, i) => i >= from && marker.test(line.text));
    if (index === -1) continue;
    starts.push({ phase, at: lines[index]!.at });
    from = index + 1;
  }
  return starts;
}

export function splitPhases(lines: readonly TimedLine[], wallSeconds: number): PhaseTimes {
  const starts = phaseStarts(lines);
  const times: PhaseTimes = {};
  starts.forEach(({ phase, at }, i) => {
    times[phase] = (starts[i + 1]?.at ?? wallSeconds) - at;
  });
  return times;
}

/** The phase that was running `seconds` into the build. */
export function phaseAt(lines: readonly TimedLine[], seconds: number): string {
  return phaseStarts(lines).findLast(({ at }) => at <= seconds)!.phase;
}
