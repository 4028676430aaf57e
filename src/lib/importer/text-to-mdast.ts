/** A plain-text document as Markdown blocks: every non-empty line is one paragraph, kept whole. */
import type { Root } from 'mdast';

// Chinese documents indent paragraphs with ideographic spaces (U+3000); the page does that with CSS.
const EDGE_SPACE = /^[\s\u3000]+|[\s\u3000]+$/g;

export function textToMdast(text: string): Root {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(EDGE_SPACE, ''))
    .filter((line) => line !== '');
  return {
    type: 'root',
    children: lines.map((line) => ({ type: 'paragraph', children: [{ type: 'text', value: line }] })),
  };
}
