/**
 * Official numbering becomes Markdown headings in the imported file, so the
 * structure is visible to editors in the source and not only on the page:
 * `一、` → `##`, `（一）` → `###`, `1．` → `####`, `（1）` → `#####`
 * (the levels of src/official-headings/headings.ts, which the site's renderer
 * also uses). A run-in heading (`（一）标题句。正文……`) keeps every character:
 * the heading sentence becomes the heading, the rest the paragraph after it.
 */
import type { Heading, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { detectOfficialHeading, splitRunIn } from '../../official-headings/headings.ts';

type Phrasing = PhrasingContent;

function withChildren(node: Phrasing, children: Phrasing[]): Phrasing {
  return { ...node, children } as Phrasing;
}

/** Splits inline content after `offset` characters of its text, splitting text and formatting nodes where needed. */
export function splitPhrasing(nodes: readonly Phrasing[], offset: number): [Phrasing[], Phrasing[]] {
  const before: Phrasing[] = [];
  const after: Phrasing[] = [];
  let remaining = offset;
  for (const node of nodes) {
    const length = toString(node).length;
    if (remaining <= 0) after.push(node);
    else if (length <= remaining) before.push(node);
    else if (node.type === 'text') {
      before.push({ ...node, value: node.value.slice(0, remaining) });
      after.push({ ...node, value: node.value.slice(remaining) });
    } else if ('children' in node) {
      const [head, tail] = splitPhrasing(node.children as Phrasing[], remaining);
      before.push(withChildren(node, head));
      after.push(withChildren(node, tail));
    } else after.push(node); // An atom (inline code, image) that straddles the split stays with the body.
    remaining -= length;
  }
  return [before, after];
}

function trimStart(nodes: Phrasing[]): Phrasing[] {
  const [first, ...rest] = nodes;
  if (first?.type === 'text') {
    const value = first.value.trimStart();
    return value ? [{ ...first, value }, ...rest] : trimStart(rest);
  }
  return nodes;
}

/** A heading that is all bold in Word is just a heading: headings are bold already. */
function unwrapSoleEmphasis(nodes: Phrasing[]): Phrasing[] {
  const [only] = nodes;
  return nodes.length === 1 && (only!.type === 'strong' || only!.type === 'emphasis') ? only!.children : nodes;
}

function headingBlocks(depth: Heading['depth'], children: Phrasing[]): RootContent[] {
  const { heading } = splitRunIn(toString({ type: 'paragraph', children }));
  const [headingPart, bodyPart] = splitPhrasing(children, heading.length);
  const body = trimStart(bodyPart);
  const blocks: RootContent[] = [{ type: 'heading', depth, children: unwrapSoleEmphasis(headingPart) } satisfies Heading];
  if (toString({ type: 'paragraph', children: body }).trim() !== '') {
    blocks.push({ type: 'paragraph', children: body } satisfies Paragraph);
  }
  return blocks;
}

/**
 * Turns numbered paragraphs into headings at their official level. Word
 * headings without official numbering keep their order, one level below the
 * page title (Heading 1 → `##`).
 */
export function applyOfficialStructure(root: Root): void {
  root.children = root.children.flatMap((node): RootContent[] => {
    if (node.type !== 'paragraph' && node.type !== 'heading') return [node];
    const official = detectOfficialHeading(toString(node));
    if (official) return headingBlocks(official.depth, node.children);
    if (node.type === 'heading') {
      return [{ ...node, depth: Math.min(6, Math.max(2, node.depth + 1)) as Heading['depth'] }];
    }
    return [node];
  });
}
