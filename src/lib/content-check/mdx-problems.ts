/**
 * MDX files are programs: an unclosed tag or a component nobody provides
 * fails the build deep inside the compiler, and an `import` or a `{…}` would
 * run code at build time. The same parser (Sätteri) runs here first, so the
 * editor gets the file, the line and the tag instead; what a body may
 * contain is judged by body-problems.ts, for Markdown files too.
 */
import type { LoadedEntry } from '../content-files/load.ts';
import { bodyProblems } from './body-problems.ts';
import type { BodyTree } from './body-tree.ts';
import { checkMessages } from './messages.ts';
import type { ContentProblem } from './problem.ts';

/** `3:1: Expected a closing tag for <Foo> (3:1) (mdx-jsx:…)`: line and column lead the message. */
const COMPILER_POSITION = /^(\d+):(\d+):\s*/;

export function mdxProblems(entry: LoadedEntry, provided: readonly string[], body: BodyTree): ContentProblem[] {
  const file = entry.file.displayPath;
  const { tree, error } = body();
  if (!tree) {
    const message = error instanceof Error ? error.message : String(error);
    const position = COMPILER_POSITION.exec(message);
    return [
      {
        severity: 'error',
        file,
        line: position ? Number(position[1]) : undefined,
        field: 'MDX',
        found: message.replace(COMPILER_POSITION, '').replace(/\s*\(mdx[^)]*\)\s*$/, ''),
        expected: checkMessages.mdxSyntax,
      },
    ];
  }
  return bodyProblems(tree, provided).map((problem) => ({ severity: 'error', file, ...problem }));
}

/** Raw HTML needs a `<`, a link with a scheme `](`, `]:` or `<`: a body with none of them has nothing to judge. */
const MAY_HOLD_HTML_OR_LINK = /<|\]\(|\]:/;

/** Raw HTML outside the allowlist and links to unsafe URLs in a Markdown file. */
export function markdownProblems(entry: LoadedEntry, body: BodyTree): ContentProblem[] {
  if (!MAY_HOLD_HTML_OR_LINK.test(entry.source)) return [];
  const file = entry.file.displayPath;
  const { tree, error } = body();
  if (!tree) throw error;
  return bodyProblems(tree, []).map((problem) => ({ severity: 'error', file, ...problem }));
}
