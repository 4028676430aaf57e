// @ts-check
/**
 * The benchmark's baseline: a plain Astro 7 site that renders each document of
 * the corpus as one page, with Astro's defaults and nothing else. The harness
 * runs the Pagefind CLI over its output.
 */
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  build: { format: 'directory' },
  // A fresh cache per run, as for the site, so that no run reuses another's work.
  cacheDir: process.env.GAZETTE_CACHE_DIR ?? './node_modules/.astro',
  integrations: [mdx()],
});
