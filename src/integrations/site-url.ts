/**
 * A production build without SITE_URL says what that means: citations and
 * downloads print paths only, and feeds and the sitemap, which need absolute
 * URLs, carry a stand-in origin until it is set (src/site-settings.ts).
 */
import type { AstroIntegration } from 'astro';
import { FEED_ORIGIN, SITE_URL } from '../site-settings.ts';

export const SITE_URL_MISSING =
  `未设置 SITE_URL：引用和下载数据中的链接只写站内路径，订阅源和站点地图暂用 ${FEED_ORIGIN}；` +
  `部署前请设置站点网址，如 SITE_URL=http://intranet.example npm run build` +
  `（SITE_URL is not set: citations and downloads show paths only, and feeds and the sitemap use ${FEED_ORIGIN}; set it for a deployed build）`;

export function siteUrlNotice(): AstroIntegration {
  return {
    name: 'gazette-site-url',
    hooks: {
      'astro:build:start': ({ logger }) => {
        if (!SITE_URL) logger.warn(SITE_URL_MISSING);
      },
    },
  };
}
