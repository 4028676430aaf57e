/**
 * Links between documents. Editors link the way their editor previews work:
 * a relative path to the other Markdown file, `[报告](../reports/x.md#一总体情况)`.
 * The site needs the page URL under the base instead. This decides, for one
 * link, what the build should do with it.
 *
 * Editors also write page URLs (`/kb/reports/x/`, `../x/`, `./x`). Those are
 * left as written, unless they name a document this build leaves out: then,
 * like a file link, the link becomes its own text, so that no page names it.
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
  /** The document whose page is at a site path without the base (`reports/x/`), whatever its letter case, with its content path. */
  targetAtUrl(urlPath: string): (LinkTarget & { contentPath: string }) | undefined;
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
  if (HAS_SCHEME_OR_HOST.test(url) || url.startsWith('#')) return { type: 'other' };
  const hashAt = url.indexOf('#');
  const pathPart = (hashAt === -1 ? url : url.slice(0, hashAt)).replace(/\?.*$/, '');
  const fragment = hashAt === -1 ? '' : url.slice(hashAt + 1);
  const linkPath = decode(pathPart);
  if (linkPath === '') return { type: 'other' };
  if (!DOCUMENT_FILE.test(linkPath) || linkPath.startsWith('/')) return resolveUrlLink(linkPath, context);

  const target = path.normalize(path.join(path.dirname(context.fromContentPath), linkPath));
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

/**
 * A link written as a page URL, or as an absolute file path. It works in the
 * browser as written (or is broken, which `npm run check:links` reports
 * after the build), so it is left alone unless it names an excluded document.
 */
function resolveUrlLink(linkPath: string, context: LinkContext): LinkResolution {
  const named = [...placesNamed(linkPath, context)].map((place) => documentAt(place, context));
  // Where the browser goes wins: a relative URL that reaches a published page is not the excluded document's.
  if (named[0]?.publishable) return { type: 'other' };
  const excluded = named.find((document) => document && !document.publishable);
  return excluded ? { type: 'excluded', target: excluded.contentPath } : { type: 'other' };
}

/**
 * The site paths (without a leading slash) a link's path may mean, the
 * browser's reading first. An absolute path is read with and without the
 * base; a relative one from the page (`../x/` from `/reports/y/`) and from
 * the source file's folder (`./x` beside `reports/y.md`), since editors
 * write both and either one names the document.
 */
function* placesNamed(linkPath: string, context: LinkContext): Generator<string> {
  if (linkPath.startsWith('/')) {
    const base = context.base.toLowerCase();
    if (base !== '/' && `${linkPath.toLowerCase()}/`.startsWith(base)) yield linkPath.slice(base.length);
    yield linkPath.slice(1);
    return;
  }
  const page = context.targetAt(context.fromContentPath)?.urlPath;
  if (page !== undefined) yield path.join(page, linkPath);
  yield path.join(path.dirname(context.fromContentPath), linkPath);
}

/** The document at a site path (`reports/x/`, `reports/x/index.html`), or with a file name (`reports/x`, `reports/x.md`). */
function documentAt(place: string, context: LinkContext): (LinkTarget & { contentPath: string }) | undefined {
  // Above the site's root is still its root, as in the browser.
  const clean = path.normalize(`/${place}`).slice(1);
  if (DOCUMENT_FILE.test(clean)) {
    const document = context.targetAt(clean);
    return document && { ...document, contentPath: clean };
  }
  const stem = clean
    .replace(/(?:^|\/)index\.html?$/i, '')
    .replace(/\.html?$/i, '')
    .replace(/\/+$/, '');
  if (stem === '') return undefined;
  const byUrl = context.targetAtUrl(`${stem}/`);
  if (byUrl) return byUrl;
  for (const file of [`${stem}.md`, `${stem}.mdx`]) {
    const document = context.targetAt(file);
    if (document) return { ...document, contentPath: file };
  }
  return undefined;
}
