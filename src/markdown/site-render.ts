/**
 * Renders a document's Markdown or MDX the way the site's pages do, outside
 * Astro: Sätteri with the official-heading plugin and Astro's heading ids,
 * under Astro's default features (GFM and smart punctuation on, which change
 * heading text and so heading ids). Used to know a page's anchors before it
 * is built, and by tests that compare two sources by what they render to.
 */
import { satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import { markdownToHtml, mdxToJs } from 'satteri';
import { officialHeadingsPlugin } from './official-headings.ts';

export interface RenderedHeading {
  depth: number;
  slug: string;
  text: string;
}

export interface SiteRender {
  /** The HTML (Markdown only; MDX compiles to a module). */
  html: string;
  headings: RenderedHeading[];
}

export function renderLikeSite(source: string, format: 'md' | 'mdx'): SiteRender {
  const data = { astro: { frontmatter: {}, headings: [] as RenderedHeading[] } };
  const options = {
    mdastPlugins: [officialHeadingsPlugin],
    hastPlugins: [satteriHeadingIdsPlugin()],
    features: { gfm: true, smartPunctuation: true },
    data,
  };
  const html = format === 'mdx' ? (mdxToJs(source, { ...options, jsxImportSource: 'astro' }), '') : markdownToHtml(source, options).html;
  return { html, headings: data.astro.headings };
}
