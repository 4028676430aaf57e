/**
 * Two files that the collections' loader gives one id: `ab.md` and `a..b.md`,
 * `x.md` and `x.mdx`, `Case.md` and `case.md`, or a `slug` field that takes
 * another file's name. Astro keeps one entry per id and only warns, so one
 * document would silently vanish from the site; here both files are named.
 */
import { entryIdOf, rawSlug } from '../content-files/content-index.ts';
import type { LoadedEntry } from '../content-files/load.ts';
import { documentUrlPath, journalUrlPath } from '../document-urls.ts';
import { findDuplicates } from '../duplicates.ts';
import { isDocumentKind, KINDS, unreachable } from '../kinds.ts';
import { withBase } from '../urls.ts';
import { checkLabels, checkMessages } from './messages.ts';
import type { ContentProblem } from './problem.ts';

/**
 * What the entry's id makes of it: a page URL for a document addressed by
 * its id, or for a journal; else the id (an issue of a journal is addressed
 * by its journal and number, but two with one id still lose one entry).
 */
function shownAs(collection: string, id: string, base: string): { text: string; isUrl: boolean } {
  if (collection === 'publications') return { text: withBase(base, journalUrlPath(id)), isUrl: true };
  if (!isDocumentKind(collection)) return { text: id, isUrl: false };
  const pattern = KINDS[collection].url;
  switch (pattern) {
    case 'id':
      return { text: withBase(base, documentUrlPath(collection, id)), isUrl: true };
    case 'journal-issue':
      return { text: id, isUrl: false };
    default:
      return unreachable(pattern);
  }
}

export function sameUrlProblems(entries: readonly LoadedEntry[], base: string): ContentProblem[] {
  const keyed = entries.map((entry) => {
    const id = entryIdOf(entry);
    return { entry, id, key: `${entry.file.collection!.name}/${id}` };
  });
  return findDuplicates(keyed, (item) => item.key).flatMap((group) =>
    group.map(({ entry, id }): ContentProblem => {
      const others = group.filter((other) => other.entry !== entry).map((other) => other.entry.file.displayPath);
      const collection = entry.file.collection!;
      const { text, isUrl } = shownAs(collection.name, id, base);
      return {
        severity: 'error',
        file: entry.file.displayPath,
        line: rawSlug(entry) !== undefined ? entry.yaml!.lineOf(['slug']) : undefined,
        field: checkLabels.url,
        found: text,
        // The names that differ only in extension are the collection's own: .md/.mdx, or .yaml/.yml.
        expected: isUrl ? checkMessages.sameUrl(others) : checkMessages.sameEntryName(others, collection.extensions),
      };
    }),
  );
}
