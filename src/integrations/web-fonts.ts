/**
 * The web fonts (src/web-fonts/): written into the output once `astro build`
 * has written every page, since they are subset to the characters the pages
 * use; served whole by `astro dev`. Under `npm run build` the pipeline writes
 * them itself after Astro has exited (WEB_FONTS_AFTER_ASTRO, scripts/build.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CACHE_DIR, SITE_BASE, WEB_FONTS_AFTER_ASTRO } from '../site-settings.ts';
import { buildWebFonts, webFontsReport } from '../web-fonts/build.ts';
import { devWebFonts } from '../web-fonts/dev.ts';

export function webFonts(): AstroIntegration {
  return {
    name: 'gazette-web-fonts',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(devWebFonts(SITE_BASE));
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (WEB_FONTS_AFTER_ASTRO) return;
        const started = performance.now();
        const result = await buildWebFonts(fileURLToPath(dir), { cacheDir: path.resolve(CACHE_DIR) });
        const report = webFontsReport(result, (performance.now() - started) / 1000);
        logger.info(report.info);
        if (report.warning) logger.warn(report.warning);
      },
    },
  };
}
