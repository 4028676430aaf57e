/**
 * The heading ids a document's page will have, worked out by rendering it
 * with the site's own Markdown pipeline: Sätteri with the official-heading
 * plugin (which turns `（一）…。` into headings) and Astro's heading-id plugin.
 */
import { satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import { markdownToHtml, mdxToJs } from 'satteri';
import { officialHeadingsPlugin } from '../../markdown/official-headings.ts';

interface AstroRenderData {
  astro: { frontmatter: Record<string, unknown>; headings: Array<{ slug: string; text: string }> };
}

// Astro's defaults for the satteri processor (gfm and smart punctuation on);
// smart punctuation changes heading text and therefore ids.
const FEATURES = { gfm: true, smartPunctuation: true } as const;

/**
 * The heading anchors of a Markdown (`format: 'md'`) or MDX document: each
 * heading's id, and its text, both leading to the id. Editors may write
 * `#一、总体情况` (the heading as they see it) as well as the id `#一总体情况`.
 */
export function headingAnchors(source: string, format: 'md' | 'mdx'): Map<string, string> {
  const data: AstroRenderData = { astro: { frontmatter: {}, headings: [] } };
  const options = {
    mdastPlugins: [officialHeadingsPlugin],
    hastPlugins: [satteriHeadingIdsPlugin()],
    features: FEATURES,
    data: data as unknown as Record<string, unknown>,
  };
  try {
    if (format === 'mdx') mdxToJs(source, { ...options, jsxImportSource: 'astro' });
    else markdownToHtml(source, options);
  } catch {
    // A document that does not compile has its own error; it offers no anchors.
  }
  const anchors = new Map<string, string>();
  for (const { slug, text } of data.astro.headings) {
    anchors.set(slug, slug);
    if (!anchors.has(text)) anchors.set(text, slug);
  }
  return anchors;
}
