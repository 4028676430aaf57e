/**
 * Two files that Astro's glob loader gives one id: `ab.md` and `a..b.md`,
 * `x.md` and `x.mdx`, `Case.md` and `case.md`, or a `slug` field that takes
 * another file's name. Astro keeps one entry per id and only warns, so one
 * document would silently vanish from the site; here both files are named.
 */
import { entryIdOf } from '../content-files/content-index.ts';
import type { LoadedEntry } from '../content-files/load.ts';
import { documentUrlPath } from '../document-urls.ts';
import { findDuplicates } from '../duplicates.ts';
import { isDocumentKind } from '../kinds.ts';
import { withBase } from '../urls.ts';
import { checkLabels, checkMessages } from './messages.ts';
import type { ContentProblem } from './problem.ts';

/** What the entry's id makes of it: a page URL for a document (other than a bulletin) or a journal, else the id. */
function shownAs(collection: string, id: string, base: string): { text: string; isUrl: boolean } {
  if (isDocumentKind(collection) && collection !== 'bulletins') return { text: withBase(base, documentUrlPath(collection, id)), isUrl: true };
  if (collection === 'publications') return { text: withBase(base, `bulletins/${id}/`), isUrl: true };
  return { text: id, isUrl: false };
}

function hasSlugField(entry: LoadedEntry): boolean {
  const data = entry.yaml?.data;
  return data !== null && typeof data === 'object' && 'slug' in data;
}

export function sameUrlProblems(entries: readonly LoadedEntry[], base: string): ContentProblem[] {
  const keyed = entries.map((entry) => ({ entry, key: `${entry.file.collection!.name}/${entryIdOf(entry)}` }));
  return findDuplicates(keyed, (item) => item.key).flatMap((group) =>
    group.map(({ entry }): ContentProblem => {
      const others = group.filter((other) => other.entry !== entry).map((other) => other.entry.file.displayPath);
      const { text, isUrl } = shownAs(entry.file.collection!.name, entryIdOf(entry), base);
      return {
        severity: 'error',
        file: entry.file.displayPath,
        line: hasSlugField(entry) ? entry.yaml!.lineOf(['slug']) : undefined,
        field: checkLabels.url,
        found: text,
        expected: isUrl ? checkMessages.sameUrl(others) : checkMessages.sameEntryName(others),
      };
    }),
  );
}
