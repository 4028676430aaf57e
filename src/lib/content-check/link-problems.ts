/** Links from one document to others that are missing, or that this build leaves out. */
import { markdownToMdast, mdxToMdast, type MdastNode } from 'satteri';
import type { LoadedEntry } from '../content-files/load.ts';
import type { LinkResolver } from '../content-links/link-resolver.ts';
import { checkLabels, checkMessages } from './messages.ts';
import type { ContentProblem } from './problem.ts';

interface UrlNode {
  url: string;
  line: number | undefined;
}

/** Every link and link definition URL in a document's tree, with its line. */
export function linkUrls(node: MdastNode, found: UrlNode[] = []): UrlNode[] {
  if ((node.type === 'link' || node.type === 'definition') && 'url' in node) {
    found.push({ url: node.url, line: node.position?.start.line });
  }
  if ('children' in node) for (const child of node.children as MdastNode[]) linkUrls(child, found);
  return found;
}

/** Only a document that mentions a Markdown file can link to one; parsing the others would find nothing. */
export const MENTIONS_MARKDOWN_FILE = /\.mdx?\b/i;

export function linkProblems(entry: LoadedEntry, resolve: LinkResolver): ContentProblem[] {
  if (!MENTIONS_MARKDOWN_FILE.test(entry.source)) return [];
  const file = entry.file.displayPath;
  let tree: MdastNode;
  try {
    tree = entry.file.extension === '.mdx' ? mdxToMdast(entry.source) : markdownToMdast(entry.source);
  } catch {
    return []; // An MDX syntax error is reported on its own.
  }
  const problems: ContentProblem[] = [];
  for (const { url, line } of linkUrls(tree)) {
    const resolution = resolve(entry.file.contentPath, url);
    const problem = { file, line, field: checkLabels.link, found: url };
    switch (resolution.type) {
      case 'missing-document':
        problems.push({ ...problem, severity: 'error', expected: checkMessages.missingLinkTarget });
        break;
      case 'missing-anchor':
        problems.push({ ...problem, severity: 'error', expected: checkMessages.missingAnchor(resolution.available) });
        break;
      case 'excluded':
        problems.push({ ...problem, severity: 'warning', expected: checkMessages.excludedLinkTarget });
        break;
    }
  }
  return problems;
}
