/**
 * The searchable text of a built page: the blocks of text inside the element
 * marked `data-pagefind-body`, leaving out everything inside an element
 * marked `data-pagefind-ignore` (navigation, tables of contents, labels).
 *
 * Built pages are Astro's own well-formed output, so a small tokenizer does
 * the job of a DOM at a fraction of the cost; it runs once per document in
 * every build.
 */
import { decodeHTML } from 'entities';
import { detachedString } from './detached-string.ts';

/** Elements whose start and end separate blocks of text. */
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main',
  'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
/** Elements that never have an end tag. */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Elements whose content is never reader-visible prose (Pagefind skips them too). */
const SKIPPED_ELEMENTS = new Set(['script', 'style', 'svg', 'template', 'noscript', 'textarea', 'math', 'object', 'iframe']);
/** Elements whose content is raw text, not markup: jump to their end tag. */
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'textarea']);

const TOKEN = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|[^<]+|</g;

function hasAttribute(attributes: string, name: string): boolean {
  return new RegExp(`(?:^|\\s)${name}(?=[\\s=/]|$)`).test(attributes);
}

interface OpenElement {
  name: string;
  body: boolean;
  ignored: boolean;
}

/** Text blocks (paragraphs, headings, cells…) of the page's `data-pagefind-body` element, whitespace collapsed. */
export function extractBodyBlocks(html: string): string[] {
  const blocks: string[] = [];
  const stack: OpenElement[] = [];
  let current = '';
  const flush = () => {
    const text = current.replace(/\s+/gu, ' ').trim();
    // A block is often one text token as it stands in the page: a copy, so that keeping it does not keep the page.
    if (text) blocks.push(detachedString(text));
    current = '';
  };
  const state = () => stack.at(-1) ?? { name: '', body: false, ignored: false };

  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(html); match; match = TOKEN.exec(html)) {
    const [token, closing, rawName, attributes = ''] = match;
    if (token.startsWith('<!--')) continue;
    if (rawName === undefined) {
      const { body, ignored } = state();
      if (body && !ignored) current += decodeHTML(token);
      continue;
    }
    const name = rawName.toLowerCase();
    if (closing) {
      const index = stack.findLastIndex((element) => element.name === name);
      if (index === -1) continue;
      stack.length = index;
      if (BLOCK_ELEMENTS.has(name)) flush();
      continue;
    }
    if (BLOCK_ELEMENTS.has(name) || name === 'br') flush();
    if (RAW_TEXT_ELEMENTS.has(name)) {
      const endTag = new RegExp(`</${name}`, 'gi');
      endTag.lastIndex = TOKEN.lastIndex;
      TOKEN.lastIndex = endTag.exec(html)?.index ?? html.length;
      continue;
    }
    if (VOID_ELEMENTS.has(name) || attributes.trimEnd().endsWith('/')) continue;
    const parent = state();
    stack.push({
      name,
      body: parent.body || hasAttribute(attributes, 'data-pagefind-body'),
      ignored: parent.ignored || SKIPPED_ELEMENTS.has(name) || hasAttribute(attributes, 'data-pagefind-ignore'),
    });
  }
  flush();
  return blocks;
}
