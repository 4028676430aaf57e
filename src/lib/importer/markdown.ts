/** mdast to Markdown text: remark-stringify with GFM, so escaping, tables and footnotes are right by construction. */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';

const processor = unified().use(remarkGfm).use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', rule: '-' });

export function mdastToMarkdown(root: Root): string {
  return processor.stringify(root);
}
