/**
 * A document body's syntax tree, parsed once for all the checks that read
 * it (mdx-problems.ts, indicator-reference-problems.ts, link-problems.ts):
 * with Sätteri, the site's own parser, as MDX or as Markdown by the file's
 * extension. Each check asks for it only when the body may hold what it
 * looks for, so a body none of them needs is never parsed. On the bench's
 * 2,000-document corpus: 1,029 parses instead of up to 2,109 (every body
 * with a link was parsed once more, an MDX one up to twice more), about
 * 0.3 ms each (one parse of all 2,000 bodies: 583 ms, load average 6).
 */
import { markdownToMdast, mdxToMdast, type MdastNode } from 'satteri';
import type { LoadedEntry } from '../content-files/load.ts';

/** The tree, or the parser's error (an MDX syntax error, which mdx-problems.ts reports). */
export type ParsedBody = { tree: MdastNode; error?: undefined } | { tree?: undefined; error: unknown };

/** The body's tree, parsed on the first call and the same one after. */
export type BodyTree = () => ParsedBody;

export function bodyTree(entry: LoadedEntry): BodyTree {
  let parsed: ParsedBody | undefined;
  return () => {
    if (parsed) return parsed;
    try {
      parsed = { tree: entry.file.extension === '.mdx' ? mdxToMdast(entry.source) : markdownToMdast(entry.source) };
    } catch (error) {
      parsed = { error };
    }
    return parsed;
  };
}
