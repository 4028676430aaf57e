/**
 * One content index and link resolver per build, shared by every document
 * the Markdown plugin renders. `astro dev` drops it when content changes.
 */
import path from 'node:path';
import type { Audience } from '../access.ts';
import { buildContentIndex } from '../content-files/content-index.ts';
import { loadContent } from '../content-files/load.ts';
import { createLinkResolver, type LinkResolver } from './link-resolver.ts';

export interface SiteLinks {
  /** The content folder, absolute. */
  contentDir: string;
  resolve: LinkResolver;
}

let cached: { key: string; links: SiteLinks } | undefined;

export function siteLinks(contentDir: string, audience: Audience, base: string): SiteLinks {
  const absolute = path.resolve(contentDir);
  const key = JSON.stringify([absolute, audience, base]);
  if (cached?.key !== key) {
    const index = buildContentIndex(loadContent(absolute), audience);
    cached = { key, links: { contentDir: absolute, resolve: createLinkResolver(index, base) } };
  }
  return cached.links;
}

/** Forget the index so the next render reads the content again. */
export function forgetSiteLinks(): void {
  cached = undefined;
}
