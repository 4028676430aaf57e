/**
 * Backlinks (引用本文的文档): for each document, the documents whose text
 * links to it. Links are found and resolved as the content check finds them
 * and the build rewrites them (src/lib/content-check/link-problems.ts,
 * ./resolve.ts), so a document is listed exactly when its page shows a
 * working link to the other one.
 *
 * Only the documents passed in exist here: the caller passes what the build
 * publishes, so a link from or to a document left out is no backlink.
 */
import { markdownToMdast, mdxToMdast, type MdastNode } from 'satteri';
import { linkUrls, MAY_LINK } from '../content-check/link-problems.ts';
import { resolveContentLink, type LinkContext } from './resolve.ts';

export interface LinkingDocument {
  /** Path inside the content folder: `reports/x.md`. */
  contentPath: string;
  /** Site path without the base: `reports/x/`. */
  urlPath: string;
  /** The Markdown or MDX body. */
  body: string;
}

/** Content path of a linked document → the documents linking to it, in the order given, each once. */
export function buildBacklinks<T extends LinkingDocument>(docs: readonly T[], base: string): Map<string, T[]> {
  const byContentPath = new Map(docs.map((doc) => [doc.contentPath, doc]));
  const targetAt: LinkContext['targetAt'] = (contentPath) => {
    const target = byContentPath.get(contentPath);
    return target && { urlPath: target.urlPath, publishable: true };
  };
  const backlinks = new Map<string, T[]>();
  for (const doc of docs) {
    // Most documents link to no other document: skip them before parsing.
    if (!MAY_LINK.test(doc.body)) continue;
    let tree: MdastNode;
    try {
      tree = doc.contentPath.endsWith('.mdx') ? mdxToMdast(doc.body) : markdownToMdast(doc.body);
    } catch {
      continue; // The content check reports it, and the build stops.
    }
    const targets = new Set<string>();
    for (const { url, rawHtml, jsx } of linkUrls(tree)) {
      // Only Markdown links are turned into the target's URL; an `<a href>` to a file is left as written and leads nowhere.
      if (rawHtml || jsx) continue;
      // The link leads to the document whichever heading it names, so its anchors need not be read.
      // A link written as a page's address is left as written and never resolves to a document
      // (./resolve.ts), so only links to files count; no lookup by address is needed.
      const resolution = resolveContentLink(url.replace(/#.*$/, ''), {
        fromContentPath: doc.contentPath,
        base,
        targetAt,
        targetAtUrl: () => undefined,
        anchorsOf: () => new Map(),
      });
      if (resolution.type === 'document' && resolution.target !== doc.contentPath) targets.add(resolution.target);
    }
    for (const target of targets) {
      const linking = backlinks.get(target);
      if (linking) linking.push(doc);
      else backlinks.set(target, [doc]);
    }
  }
  return backlinks;
}
