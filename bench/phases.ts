/**
 * Splits a build's wall time into phases from the lines it printed: each
 * phase starts at the first line that announces it and ends where the next
 * one starts. Phases that never announce themselves are simply absent.
 */
import type { TimedLine } from './measure-process.ts';

/** Markers in the order the build passes them; the first match of each counts. */
export const BUILD_PHASES: ReadonlyArray<{ phase: string; marker: RegExp }> = [
  { phase: 'content sync', marker: /\[content\] Syncing content/ },
  { phase: 'bundle', marker: /Building static entrypoints/ },
  { phase: 'pages', marker: /generating static routes/ },
  { phase: 'charts', marker: /\[(charts?|indicators?)\]/i },
  { phase: 'search index', marker: /\[pagefind\]|\[search\]/i },
  { phase: 'gates', marker: /\[(gates?|leak|publish)[^\]]*\]/i },
];

export type PhaseTimes = Record<string, number>;

export function splitPhases(lines: readonly TimedLine[], wallSeconds: number): PhaseTimes {
  const starts: Array<{ phase: string; at: number }> = [];
  for (const { phase, marker } of BUILD_PHASES) {
    const line = lines.find((l) => marker.test(l.text));
    if (line) starts.push({ phase, at: line.at });
  }
  starts.sort((a, b) => a.at - b.at);
  const times: PhaseTimes = {};
  if (starts.length > 0) times.startup = starts[0]!.at;
  starts.forEach(({ phase, at }, i) => {
    times[phase] = (starts[i + 1]?.at ?? wallSeconds) - at;
  });
  return times;
}
