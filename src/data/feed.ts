/** RSS feeds: one for the whole site and one per kind, built from the same document model. */
import rss from '@astrojs/rss';
import type { SiteDocument } from './documents.ts';
import { parseIsoDate } from '../lib/dates.ts';
import { FEED_ORIGIN, SITE_BASE, href } from '../site-settings.ts';
import { ui } from '../translations/zh-CN.ts';

/** Items per feed: feed readers only need the recent ones. */
const FEED_LIMIT = 50;

export function documentFeed(title: string, docs: readonly SiteDocument[]) {
  return rss({
    title: `${title} - ${ui.siteName}`,
    description: ui.siteDescription,
    site: new URL(SITE_BASE, FEED_ORIGIN).href,
    customData: '<language>zh-cn</language>',
    items: docs.slice(0, FEED_LIMIT).map((doc) => ({
      title: doc.data.title,
      link: href(doc.path),
      pubDate: parseIsoDate(doc.data.published ?? doc.date),
      description: doc.data.summary,
      author: doc.data.issuer,
      categories: [...doc.topics],
    })),
  });
}
