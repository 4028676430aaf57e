/**
 * Resolves links against the content index, reading a target's headings only
 * when a link asks for one of its anchors, and only once.
 */
import { readFileSync } from 'node:fs';
import type { ContentIndex, IndexedDocument } from '../content-files/content-index.ts';
import { headingAnchors } from './anchors.ts';
import { resolveContentLink, type LinkResolution } from './resolve.ts';

export type LinkResolver = (fromContentPath: string, url: string) => LinkResolution;

export function createLinkResolver(index: ContentIndex, base: string): LinkResolver {
  const anchors = new Map<string, Map<string, string>>();
  const anchorsOf = (contentPath: string): Map<string, string> => {
    let found = anchors.get(contentPath);
    if (!found) {
      const document = index.documents.get(contentPath);
      found = document
        ? headingAnchors(readFileSync(document.absolutePath, 'utf8'), contentPath.endsWith('.mdx') ? 'mdx' : 'md')
        : new Map();
      anchors.set(contentPath, found);
    }
    return found;
  };
  const targetAt = (contentPath: string) => index.documents.get(contentPath);
  const byUrl = new Map<string, IndexedDocument>();
  for (const document of index.documents.values()) {
    if (document.urlPath !== undefined) byUrl.set(document.urlPath.toLowerCase(), document);
  }
  const targetAtUrl = (urlPath: string) => byUrl.get(urlPath.toLowerCase());
  return (fromContentPath, url) => resolveContentLink(url, { fromContentPath, base, targetAt, targetAtUrl, anchorsOf });
}
