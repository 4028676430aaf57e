/**
 * The web fonts (src/web-fonts/): written into the output once `astro build`
 * has written every page, since they are subset to the characters the pages
 * use; served whole by `astro dev`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CACHE_DIR, SITE_BASE } from '../site-settings.ts';
import { buildWebFonts } from '../web-fonts/build.ts';
import { devWebFonts } from '../web-fonts/dev.ts';

export function webFonts(): AstroIntegration {
  return {
    name: 'gazette-web-fonts',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(devWebFonts(SITE_BASE));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const result = await buildWebFonts(fileURLToPath(dir), { cacheDir: path.resolve(CACHE_DIR) });
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const kb = (result.bytes / 1024).toFixed(0);
        logger.info(
          `网页字体：${result.characters} 个字符，${result.files} 个文件共 ${kb} KB，其中 ${result.fromCache} 个取自缓存，用时 ${seconds} 秒` +
            `（web fonts: ${result.characters} characters, ${result.files} files, ${kb} KB, ${result.fromCache} from the cache, in ${seconds} s）`,
        );
        if (result.missing.length > 0) {
          const shown = result.missing.slice(0, 40).join(' ');
          logger.warn(
            `网页字体缺少 ${result.missing.length} 个字符：${shown}；没有本机字体的读者会看到方框` +
              `（the web fonts lack ${result.missing.length} characters: ${shown}; readers without a local font that has them see boxes）`,
          );
        }
      },
    },
  };
}
