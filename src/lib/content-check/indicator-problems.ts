/**
 * Indicators that point at documents or indicators that do not exist. The
 * rules are the indicators' own (src/indicators/checks.ts), run here so
 * `npm run check` and the start of a build report them with everything else.
 */
import type { ContentIndex } from '../content-files/content-index.ts';
import type { LoadedEntry } from '../content-files/load.ts';
import { findReferenceErrors } from '../../indicators/checks.ts';
import { indicatorsFromGroup } from '../../indicators/model.ts';
import type { IndicatorGroupData } from '../../schemas/indicator.ts';
import type { ContentProblem } from './problem.ts';

export function indicatorProblems(entries: readonly LoadedEntry[], index: ContentIndex): ContentProblem[] {
  const groups = entries.filter((entry) => entry.file.collection?.name === 'indicators' && entry.validation?.success);
  if (groups.length === 0) return [];
  const indicators = groups.flatMap((entry) => indicatorsFromGroup(entry.file.displayPath, entry.validation!.data as IndicatorGroupData));
  // Document keys as src/data/documents.ts makes them: every document, published or not.
  const documentKeys = new Set([...index.documents.values()].map((doc) => `${doc.kind}/${doc.id}`));
  return findReferenceErrors(indicators, documentKeys).map((message): ContentProblem => {
    // Each message names the file it is about; the first one named is where to look.
    const group = groups
      .filter((entry) => message.includes(entry.file.displayPath))
      .sort((a, b) => message.indexOf(a.file.displayPath) - message.indexOf(b.file.displayPath))[0];
    const file = (group ?? groups[0]!).file.displayPath;
    // Most read `<file>: indicators.<id>…: <what is wrong>`; split off the file and the field.
    const located = message.startsWith(`${file}: `)
      ? /^(indicators\.([^.:（\s]+)[^:]*): ([\s\S]*)$/.exec(message.slice(file.length + 2))
      : null;
    if (!located) return { severity: 'error', file, expected: message };
    const [, field, id, expected] = located;
    return { severity: 'error', file, line: group?.yaml?.lineOf(['indicators', id!]), field, expected: expected! };
  });
}
