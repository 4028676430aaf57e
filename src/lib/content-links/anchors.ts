/** The heading anchors a document's page will have, known before it is built. */
import { renderLikeSite } from '../../markdown/site-render.ts';

/**
 * Each heading's id, and its text, both leading to the id: editors may write
 * `#一、总体情况` (the heading as they see it) as well as the id `#一总体情况`.
 */
export function headingAnchors(source: string, format: 'md' | 'mdx'): Map<string, string> {
  const anchors = new Map<string, string>();
  let headings: ReturnType<typeof renderLikeSite>['headings'] = [];
  try {
    headings = renderLikeSite(source, format).headings;
  } catch {
    // A document that does not compile has its own error; it offers no anchors.
  }
  for (const { slug, text } of headings) {
    anchors.set(slug, slug);
    if (!anchors.has(text)) anchors.set(text, slug);
  }
  return anchors;
}
