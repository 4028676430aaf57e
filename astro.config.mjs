// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { officialHeadingsPlugin } from './src/official-headings/mdast-plugin.ts';
import { internalLinksPlugin } from './src/markdown/internal-links.ts';
import { mdxGuardPlugin } from './src/markdown/mdx-guard.ts';
import { markUnsafeMarkdownPlugin, sanitizeHtmlPlugin } from './src/markdown/sanitize-html.ts';
import { tableScrollPlugin } from './src/markdown/table-scroll.ts';
import { contentCheck } from './src/integrations/content-check.ts';
import { figuresReport } from './src/integrations/figures-report.ts';
import { contentDataFromDisk } from './src/integrations/content-data-from-disk.ts';
import { CACHE_DIR, FEED_ORIGIN, SITE_BASE } from './src/site-settings.ts';
import { siteUrlNotice } from './src/integrations/site-url.ts';
import { devSearch } from './src/integrations/dev-search.ts';
import { webFonts } from './src/integrations/web-fonts.ts';
import { ui } from './src/translations/zh-CN.ts';
import { CSP_DIRECTIVES } from './src/lib/csp.ts';

/** The 403 page is nginx's error page (scripts/nginx/gazette.conf), not a page to list; the sitemap leaves out 404 by itself. */
const notAnErrorPage = (/** @type {string} */ page) => !new URL(page).pathname.endsWith('/403/');

export default defineConfig({
  // Feeds and the sitemap need an origin; without SITE_URL a stand-in, and a warning (siteUrlNotice).
  site: FEED_ORIGIN,
  base: SITE_BASE,
  trailingSlash: 'always',
  cacheDir: CACHE_DIR,
  build: {
    format: 'directory',
    // Stylesheets are always files: nginx's CSP header allows style-src 'self'
    // only, and an inlined <style> would need 'unsafe-inline' there.
    inlineStylesheets: 'never',
    // Pages render four at a time: while one waits for a chart from the chart
    // worker (src/charts/render.ts) or for a file write, the others go on.
    // Measured in bench/README.md.
    concurrency: 4,
  },
  security: {
    // Every page gets a CSP <meta> that allows only the site's own origin,
    // with sha256 hashes for Astro's inline scripts and styles. The search
    // page adds 'wasm-unsafe-eval' for Pagefind itself (see SEARCH_PAGE_SCRIPT_SOURCES in
    // src/lib/csp.ts); nginx sends the same origin-only policy as a header.
    csp: { directives: [...CSP_DIRECTIVES] },
  },
  markdown: {
    // Shiki colours code with inline style attributes, which the CSP blocks;
    // documents have no code worth colouring, so code blocks stay plain.
    syntaxHighlight: false,
    processor: satteri({
      // mdxGuardPlugin first: an MDX file that would run code is refused before anything else reads it.
      mdastPlugins: [mdxGuardPlugin, officialHeadingsPlugin, internalLinksPlugin, markUnsafeMarkdownPlugin],
      // sanitizeHtmlPlugin first: it replaces the whole tree of a document it cleans.
      hastPlugins: [sanitizeHtmlPlugin, tableScrollPlugin],
      features: {
        // Raw HTML becomes elements, which sanitizeHtmlPlugin passes through the allowlist (src/lib/html-allowlist.ts).
        rawHtml: true,
        gfm: { footnotes: { label: ui.footnotesLabel, backLabel: ui.footnoteBackLabel } },
      },
    }),
  },
  // contentCheck first: it reports every content error before anything else runs.
  // The search index is not an integration: `npm run build` writes it once Astro has exited (scripts/build.ts);
  // under `astro dev`, devSearch makes one with the same code from the pages the dev server renders.
  // webFonts() subsets the fonts to the characters of the pages written (src/web-fonts/).
  integrations: [
    contentCheck(),
    contentDataFromDisk(),
    mdx(),
    sitemap({ filter: notAnErrorPage }),
    figuresReport(),
    siteUrlNotice(),
    devSearch(),
    webFonts(),
  ],
  experimental: {
    // A rebuild copies each document page whose cache key (src/data/page-cache-keys.ts)
    // and code are unchanged from Astro's cache folder instead of rendering it again.
    incrementalBuild: true,
  },
  vite: {
    build: {
      rollupOptions: {
        // Every .mdx module logs a harmless MODULE_LEVEL_DIRECTIVE warning (withastro/astro#18087).
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
        // The registry of kinds holds each kind's schema (src/lib/kinds.ts), and the search page's script
        // reaches it through src/search/record.ts without using it. Importing these modules does nothing but
        // define values, so a bundle that uses none of their exports may leave them out: without this the
        // search page's script carried zod, 135 KB instead of 47 KB (tests/build/foundation.test.ts checks).
        treeshake: { moduleSideEffects: (id) => !/\/src\/(schemas\/[^/]+|lib\/kinds)\.ts$/.test(id) },
      },
    },
  },
});
