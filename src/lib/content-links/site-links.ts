/**
 * One content index and link resolver per build, shared by every document
 * the Markdown plugin renders. `astro dev` drops it when content changes.
 */
import path from 'node:path';
import type { Audience } from '../access.ts';
import { buildContentIndex, type ContentIndex } from '../content-files/content-index.ts';
import { loadContent } from '../content-files/load.ts';
import { createLinkResolver, type LinkResolver } from './link-resolver.ts';

export interface SiteLinks {
  /** The content folder, absolute. */
  contentDir: string;
  resolve: LinkResolver;
}

let cached: { key: string; links: SiteLinks } | undefined;

const keyOf = (contentDir: string, audience: Audience, base: string) => JSON.stringify([path.resolve(contentDir), audience, base]);

function remember(contentDir: string, audience: Audience, base: string, index: ContentIndex): SiteLinks {
  const links = { contentDir: path.resolve(contentDir), resolve: createLinkResolver(index, base) };
  cached = { key: keyOf(contentDir, audience, base), links };
  return links;
}

export function siteLinks(contentDir: string, audience: Audience, base: string): SiteLinks {
  if (cached?.key === keyOf(contentDir, audience, base)) return cached.links;
  return remember(contentDir, audience, base, buildContentIndex(loadContent(contentDir), audience));
}

/** Hands over the index the content check has just built, so the build does not read the content twice. */
export function primeSiteLinks(contentDir: string, audience: Audience, base: string, index: ContentIndex): void {
  remember(contentDir, audience, base, index);
}

/** Forget the index so the next render reads the content again. */
export function forgetSiteLinks(): void {
  cached = undefined;
}
