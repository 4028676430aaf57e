/**
 * Sätteri mdast plugin: turns official numbering (一、 （一） 1． （1）) into
 * h2–h5 and splits run-in headings into a heading and the paragraph after it.
 *
 * It runs at render time, so the seed and every imported document are treated
 * the same way and nobody edits source text by hand. The rules themselves live
 * in `src/official-headings/headings.ts`.
 */
import { defineMdastPlugin } from 'satteri';
import type { Heading, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { detectOfficialHeading, splitRunIn, type HeadingDepth } from './headings.ts';

/**
 * Splits inline children after the first 。 found in a top-level text node.
 * Returns null when nothing follows the heading sentence.
 */
function splitInlineRunIn(children: readonly PhrasingContent[]): { heading: PhrasingContent[]; body: PhrasingContent[] } | null {
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type !== 'text') continue;
    const { heading, body } = splitRunIn(child.value);
    if (heading === child.value) continue;
    const rest = children.slice(i + 1);
    const bodyNodes: PhrasingContent[] = body ? [{ type: 'text', value: body }, ...rest] : [...rest];
    if (bodyNodes.length === 0) return null;
    return { heading: [...children.slice(0, i), { type: 'text', value: heading }], body: bodyNodes };
  }
  return null;
}

function officialBlocks(depth: HeadingDepth, children: readonly PhrasingContent[]): RootContent[] {
  const split = splitInlineRunIn(children);
  if (!split) return [{ type: 'heading', depth, children: [...children] } satisfies Heading];
  return [
    { type: 'heading', depth, children: split.heading } satisfies Heading,
    { type: 'paragraph', children: split.body } satisfies Paragraph,
  ];
}

export const officialHeadingsPlugin = defineMdastPlugin({
  name: 'gazette-official-headings',
  paragraph(node, ctx) {
    // Only top-level paragraphs: numbering inside lists, quotes or tables is prose.
    if (ctx.parent(node)?.type !== 'root') return;
    const official = detectOfficialHeading(ctx.textContent(node));
    if (!official) return;
    ctx.replaceNode(node, officialBlocks(official.depth, node.children));
  },
  heading(node, ctx) {
    // An author's explicit `###` keeps its depth; only the run-in body is split off.
    if (!detectOfficialHeading(ctx.textContent(node))) return;
    const blocks = officialBlocks(node.depth as HeadingDepth, node.children);
    if (blocks.length > 1) ctx.replaceNode(node, blocks);
  },
});
