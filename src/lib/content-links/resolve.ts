/**
 * Links between documents. Editors link the way their editor previews work:
 * a relative path to the other Markdown file, `[报告](../reports/x.md#一总体情况)`.
 * The site needs the page URL under the base instead. This decides, for one
 * link, what the build should do with it.
 */
import path from 'node:path/posix';
import { withBase } from '../urls.ts';

export interface LinkTarget {
  /** Site path without the base; undefined when the document has no page (bulletin of an unknown journal). */
  urlPath: string | undefined;
  /** False when this build leaves the document out (draft, restricted, or internal in a public build). */
  publishable: boolean;
}

export interface LinkContext {
  /** The linking file, as a path inside the content folder: `summaries/x.md`. */
  fromContentPath: string;
  /** The site base, `/` or `/kb/`. */
  base: string;
  /** Documents by content path. */
  targetAt(contentPath: string): LinkTarget | undefined;
  /** A document's heading anchors: heading id or heading text → the id the build writes. */
  anchorsOf(contentPath: string): ReadonlyMap<string, string>;
}

export type LinkResolution =
  /** Not a link to a content file: left alone. */
  | { type: 'other' }
  | { type: 'document'; href: string; target: string }
  | { type: 'excluded'; target: string }
  | { type: 'missing-document'; target: string }
  | { type: 'missing-anchor'; target: string; anchor: string; available: string[] };

const DOCUMENT_FILE = /\.mdx?$/i;
// `https:`, `mailto:`, `//host`: anything with a scheme or a host is not a file path.
const HAS_SCHEME_OR_HOST = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function resolveContentLink(url: string, context: LinkContext): LinkResolution {
  if (HAS_SCHEME_OR_HOST.test(url) || url.startsWith('/') || url.startsWith('#')) return { type: 'other' };
  const hashAt = url.indexOf('#');
  const pathPart = (hashAt === -1 ? url : url.slice(0, hashAt)).replace(/\?.*$/, '');
  const fragment = hashAt === -1 ? '' : url.slice(hashAt + 1);
  const filePath = decode(pathPart);
  if (!DOCUMENT_FILE.test(filePath)) return { type: 'other' };

  const target = path.normalize(path.join(path.dirname(context.fromContentPath), filePath));
  const document = target.startsWith('../') ? undefined : context.targetAt(target);
  if (!document || document.urlPath === undefined) return { type: 'missing-document', target };
  if (!document.publishable) return { type: 'excluded', target };
  let anchor = '';
  if (fragment) {
    const anchors = context.anchorsOf(target);
    const id = anchors.get(decode(fragment));
    if (id === undefined) {
      return { type: 'missing-anchor', target, anchor: decode(fragment), available: [...new Set(anchors.values())] };
    }
    anchor = `#${id}`;
  }
  return { type: 'document', target, href: withBase(context.base, document.urlPath) + anchor };
}
