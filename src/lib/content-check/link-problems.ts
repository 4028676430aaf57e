/** Links from one document to others that are missing, or that this build leaves out. */
import { decodeHTML } from 'entities';
import type { MdastNode } from 'satteri';
import type { LoadedEntry } from '../content-files/load.ts';
import type { LinkResolver } from '../content-links/link-resolver.ts';
import type { BodyTree } from './body-tree.ts';
import { checkLabels, checkMessages } from './messages.ts';
import type { ContentProblem } from './problem.ts';

interface UrlNode {
  url: string;
  line: number | undefined;
  /** Written as raw HTML, which the build cannot turn into plain text. */
  rawHtml?: boolean;
  /** Written as an MDX `<a href>`, which the build leaves as written unless it leads to an excluded document. */
  jsx?: boolean;
}

// `href="…"`, `href='…'` or `href=…` in a raw HTML tag.
const HREF_ATTRIBUTE = /\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

/** The href of an MDX `<a>` element, when it is written as a string. */
export function jsxLinkHref(node: { name?: string | null; attributes?: readonly unknown[] }): string | undefined {
  if (node.name !== 'a') return undefined;
  for (const attribute of node.attributes ?? []) {
    const { type, name, value } = attribute as { type: string; name?: string; value?: unknown };
    if (type === 'mdxJsxAttribute' && name === 'href' && typeof value === 'string') return value;
  }
  return undefined;
}

/** Every link and link definition URL in a document's tree, with its line. */
export function linkUrls(node: MdastNode, found: UrlNode[] = []): UrlNode[] {
  const line = node.position?.start.line;
  if ((node.type === 'link' || node.type === 'definition') && 'url' in node) found.push({ url: node.url, line });
  if (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') {
    const href = jsxLinkHref(node);
    if (href !== undefined) found.push({ url: href, line, jsx: true });
  }
  if (node.type === 'html' && 'value' in node) {
    for (const match of node.value.matchAll(HREF_ATTRIBUTE)) {
      found.push({ url: decodeHTML(match[1] ?? match[2] ?? match[3] ?? ''), line, rawHtml: true });
    }
  }
  if ('children' in node) for (const child of node.children as MdastNode[]) linkUrls(child, found);
  return found;
}

/**
 * Only a document with a Markdown link (`](`, a `]:` definition) or an
 * `href` can link to another; parsing the others would find nothing. The
 * Markdown plugin skips the same documents, so both see the same links.
 */
export const MAY_LINK = /\]\(|\]:|href/i;

export function linkProblems(entry: LoadedEntry, resolve: LinkResolver, body: BodyTree): ContentProblem[] {
  if (!MAY_LINK.test(entry.source)) return [];
  const file = entry.file.displayPath;
  const { tree } = body();
  if (!tree) return []; // An MDX syntax error is reported on its own.
  const problems: ContentProblem[] = [];
  for (const { url, line, rawHtml } of linkUrls(tree)) {
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
        problems.push(
          rawHtml
            ? { ...problem, severity: 'error', expected: checkMessages.excludedRawHtmlLink }
            : { ...problem, severity: 'warning', expected: checkMessages.excludedLinkTarget },
        );
        break;
    }
  }
  return problems;
}
