/**
 * The web fonts as readers meet them (src/web-fonts/): the font bytes a
 * document page downloads in chromium with an empty cache, on a machine with
 * no Chinese font (the web fonts draw everything) and on one with the Noto SC
 * fonts installed (they should download nothing). The site is served by
 * nginx with the repository's config, as in search-metrics.ts.
 */
import { launchChromium } from '../tests/helpers/browser.ts';
import { listFiles } from '../tests/helpers/build-site.ts';
import { fontBytes, withLocalCjkFonts, withoutCjkFonts } from '../tests/helpers/fonts.ts';
import { serveWithNginx } from '../tests/helpers/nginx.ts';
import { removeTempDirs } from '../tests/helpers/temp-dir.ts';
import { isDocumentPage, median } from './site-metrics.ts';

/** Document pages measured, spread evenly over the archive. */
const PAGE_SAMPLE = 10;

export interface FontBytes {
  medianBytes: number;
  maxBytes: number;
  /** The page of `maxBytes`. */
  heaviest: string;
  medianFiles: number;
}

export interface FontMetrics {
  pages: number;
  withoutLocalFonts: FontBytes;
  withLocalFonts: FontBytes;
}

async function measurePages(fontconfig: string, siteUrl: string, pages: readonly string[]): Promise<FontBytes> {
  const browser = await launchChromium({ env: { FONTCONFIG_FILE: fontconfig } });
  try {
    const measured: Array<{ page: string; bytes: number; files: number }> = [];
    for (const page of pages) measured.push({ page, ...(await fontBytes(browser, `${siteUrl}${page}`)) });
    const heaviest = measured.reduce((top, page) => (page.bytes > top.bytes ? page : top), measured[0]!);
    return {
      medianBytes: median(measured.map((page) => page.bytes)),
      maxBytes: heaviest.bytes,
      heaviest: `/${heaviest.page}`,
      medianFiles: median(measured.map((page) => page.files)),
    };
  } finally {
    await browser.close();
  }
}

export async function measureFonts(distDir: string): Promise<FontMetrics> {
  const documents = (await listFiles(distDir)).filter(isDocumentPage);
  const step = Math.max(1, Math.floor(documents.length / PAGE_SAMPLE));
  const pages = documents
    .filter((_, i) => i % step === 0)
    .slice(0, PAGE_SAMPLE)
    .map((file) => file.replace(/index\.html$/, ''));
  const server = await serveWithNginx(distDir);
  try {
    return {
      pages: pages.length,
      withoutLocalFonts: await measurePages(await withoutCjkFonts(), server.siteUrl, pages),
      withLocalFonts: await measurePages(await withLocalCjkFonts(), server.siteUrl, pages),
    };
  } finally {
    await server.stop();
    // nginx's and fontconfig's files, in temporary folders of their own.
    await removeTempDirs();
  }
}
