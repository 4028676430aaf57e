/**
 * Renders a document's Markdown or MDX the way the site's pages do, outside
 * Astro: Sätteri with the official-heading plugin and Astro's heading ids,
 * under Astro's default features (GFM and smart punctuation on, which change
 * heading text and so heading ids). Used to know a page's anchors before it
 * is built, and by tests that compare two sources by what they render to.
 */
import { satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import { markdownToHtml, mdxToJs } from 'satteri';
import { officialHeadingsPlugin } from '../official-headings/mdast-plugin.ts';

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

/** Every plugin here is synchronous, so satteri's results are too; a promise would mean that changed. */
function now<T>(result: T | Promise<T>): T {
  if (result instanceof Promise) throw new Error('renderLikeSite: expected a synchronous render');
  return result;
}

export function renderLikeSite(source: string, format: 'md' | 'mdx'): SiteRender {
  // The shape Astro's heading-id plugin fills in (see @astrojs/markdown-satteri); it replaces `headings`.
  const data = {
    astro: { frontmatter: {}, headings: [] as RenderedHeading[], localImagePaths: new Set<string>(), remoteImagePaths: new Set<string>() },
  };
  const options = {
    mdastPlugins: [officialHeadingsPlugin],
    hastPlugins: [satteriHeadingIdsPlugin()],
    // rawHtml as the site has it (astro.config.mjs): a raw <h2> is a heading with an id there too.
    features: { gfm: true, smartPunctuation: true, rawHtml: true },
    data,
  };
  if (format === 'mdx') {
    now(mdxToJs(source, { ...options, jsxImportSource: 'astro' }));
    return { html: '', headings: data.astro.headings };
  }
  const { html } = now(markdownToHtml(source, options));
  return { html, headings: data.astro.headings };
}
