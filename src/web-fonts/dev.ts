/**
 * The web fonts under `astro dev`: the whole fonts, unsliced, straight from
 * node_modules, so that a preview is legible on a machine without Chinese
 * fonts without a build first. The browser loads each font once (tens of MB
 * from localhost) and keeps it.
 */
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { withoutBase } from '../lib/urls.ts';
import { webFontStylesheet } from './stylesheet.ts';
import { WEB_FONT_DIR, WEB_FONT_FACES, WEB_FONT_STYLESHEET } from './faces.ts';
import { packageFilePath } from './font-file.ts';

function devStylesheet(): string {
  const rules = WEB_FONT_FACES.map((face) => ({
    family: face.family,
    weight: face.weight,
    url: `dev/${face.id}.ttf`,
    format: 'truetype' as const,
  }));
  return webFontStylesheet('Web fonts under astro dev: whole, unsliced (src/web-fonts/dev.ts)', rules);
}

/**
 * A connect middleware serving the stylesheet and the fonts under `base`;
 * anything else goes on. Vite may have taken the base off the URL already.
 */
export function devWebFonts(base: string) {
  const fonts = new Map(WEB_FONT_FACES.map((face) => [`${WEB_FONT_DIR}/dev/${face.id}.ttf`, face.source]));
  return (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    const pathname = decodeURI((request.url ?? '').split('?')[0]!);
    const url = withoutBase(base, pathname);
    if (url === WEB_FONT_STYLESHEET) {
      response.setHeader('Content-Type', 'text/css; charset=utf-8');
      response.end(devStylesheet());
      return;
    }
    const source = fonts.get(url);
    if (!source) return next();
    response.setHeader('Content-Type', 'font/ttf');
    // The whole fonts are some 36 MB: kept by the browser for the preview session, not fetched on every page.
    response.setHeader('Cache-Control', 'max-age=3600');
    createReadStream(packageFilePath(source)).pipe(response);
  };
}
