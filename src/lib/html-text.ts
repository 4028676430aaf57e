/**
 * The searchable text of a built page: the blocks of text inside the element
 * marked `data-pagefind-body`, leaving out everything inside an element
 * marked `data-pagefind-ignore` (navigation, tables of contents, labels).
 *
 * Read with htmlparser2's streaming parser, which tokenizes HTML as a browser
 * does (raw text in `<script>` and `<style>`, `>` inside attribute values,
 * implied end tags, entities) without building a tree; it runs once per
 * document in every build. It replaced a regex tokenizer that read
 * `title="… data-pagefind-ignore …"` as the attribute itself. Same blocks on
 * all 2,209 pages of a 2,000-document build (49 MB), in 521 ms instead of
 * 318 ms (median of 9, load average 3.4): about +0.1 ms a page, +1 s at
 * 10,000 documents (bench/README.md).
 */
import { Parser } from 'htmlparser2';
import { detachedString } from './detached-string.ts';

/** Elements whose start and end separate blocks of text. */
const BLOCK_ELEMENTS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);
/** Elements whose content is never reader-visible prose (Pagefind skips them too). */
const SKIPPED_ELEMENTS = new Set(['script', 'style', 'svg', 'template', 'noscript', 'textarea', 'math', 'object', 'iframe']);

interface OpenElement {
  body: boolean;
  ignored: boolean;
}

const OUTSIDE: OpenElement = { body: false, ignored: false };

/** Text blocks (paragraphs, headings, cells…) of the page's `data-pagefind-body` element, whitespace collapsed. */
export function extractBodyBlocks(html: string): string[] {
  const blocks: string[] = [];
  // htmlparser2 reports an end for every start (void and implied ones included), so the stack stays in step.
  const stack: OpenElement[] = [];
  let current = '';
  const flush = () => {
    const text = current.replace(/\s+/gu, ' ').trim();
    // A block is often one text token as it stands in the page: a copy, so that keeping it does not keep the page.
    if (text) blocks.push(detachedString(text));
    current = '';
  };
  const parser = new Parser({
    onopentag(name, attributes) {
      if (BLOCK_ELEMENTS.has(name) || name === 'br') flush();
      const parent = stack.at(-1) ?? OUTSIDE;
      stack.push({
        body: parent.body || 'data-pagefind-body' in attributes,
        ignored: parent.ignored || SKIPPED_ELEMENTS.has(name) || 'data-pagefind-ignore' in attributes,
      });
    },
    onclosetag(name) {
      stack.pop();
      if (BLOCK_ELEMENTS.has(name)) flush();
    },
    ontext(text) {
      const { body, ignored } = stack.at(-1) ?? OUTSIDE;
      if (body && !ignored) current += text;
    },
  });
  parser.end(html);
  flush();
  return blocks;
}
