/**
 * The HTML a document body may contain: one allowlist, in rehype-sanitize's
 * schema form, used both where pages are rendered (src/markdown/sanitize-html.ts
 * runs it over every Markdown body that has raw HTML or a link with a scheme)
 * and where `npm run check` and the MDX compile judge what an editor wrote
 * (src/lib/content-check/body-problems.ts). What the sanitizer would remove
 * is exactly what the check reports, because the check asks the sanitizer.
 *
 * It starts from GitHub's rules (rehype-sanitize's `defaultSchema`) and keeps
 * what Markdown itself produces here: GFM tables (with their alignment),
 * task lists, strikethrough, footnotes with their ids and ARIA links, code
 * blocks with a language class, headings and links. Heading ids are added
 * after sanitising (Astro's heading-id plugin runs later), so they are not
 * affected. Everything that runs code, loads or embeds other pages, submits,
 * redirects or restyles the page is left out: <script>, <style>, <meta>,
 * <base>, <link>, <iframe>, <object>, <embed>, <form> and its controls,
 * event handlers (on…), `style` and `javascript:` or `data:` URLs.
 */
import type { Element, ElementContent, Properties, Root } from 'hast';
import { find, html } from 'property-information';
import rehypeSanitize, { defaultSchema, type Options as Schema } from 'rehype-sanitize';

/** ARIA links GFM footnotes put on their references and back links. */
const FOOTNOTE_ARIA = ['ariaDescribedBy', 'ariaLabel'];
/** GFM table alignment, exactly as the Markdown renderer writes it. */
const CELL_ALIGNMENT = ['style', 'text-align: left', 'text-align: center', 'text-align: right'] as const;

export const HTML_ALLOWLIST: Schema = {
  tagNames: [
    'a',
    'abbr',
    'b',
    'blockquote',
    'br',
    'caption',
    'cite',
    'code',
    'col',
    'colgroup',
    'dd',
    'del',
    'details',
    'div',
    'dl',
    'dt',
    'em',
    'figcaption',
    'figure',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'hr',
    'i',
    'img',
    'input',
    'ins',
    'kbd',
    'li',
    'mark',
    'ol',
    'p',
    'pre',
    'q',
    'rp',
    'rt',
    'ruby',
    's',
    'samp',
    'section',
    'small',
    'span',
    'strike',
    'strong',
    'sub',
    'summary',
    'sup',
    'table',
    'tbody',
    'td',
    'tfoot',
    'th',
    'thead',
    'tr',
    'tt',
    'u',
    'ul',
    'var',
    'wbr',
  ],
  attributes: {
    a: ['href', ...FOOTNOTE_ARIA, 'dataFootnoteRef', 'dataFootnoteBackref', ['className', 'data-footnote-backref']],
    blockquote: ['cite'],
    code: [['className', /^language-./]],
    col: ['span'],
    colgroup: ['span'],
    del: ['cite'],
    details: ['open'],
    // The footnote section's heading, read by screen readers only.
    h2: [['className', 'sr-only']],
    img: ['src', 'alt', 'width', 'height'],
    // Task list checkboxes, which Markdown writes as disabled inputs.
    input: [['type', 'checkbox'], ['disabled', true], 'checked'],
    ins: ['cite'],
    li: [['className', 'task-list-item']],
    ol: ['start', 'reversed', ['className', 'contains-task-list']],
    q: ['cite'],
    section: ['dataFootnotes', ['className', 'footnotes']],
    td: ['colSpan', 'rowSpan', 'headers', [...CELL_ALIGNMENT]],
    th: ['colSpan', 'rowSpan', 'headers', 'scope', [...CELL_ALIGNMENT]],
    ul: [['className', 'contains-task-list']],
    // Ids only as footnotes have them: an id of the editor's could shadow a
    // global the page's scripts use (DOM clobbering), and headings get theirs anyway.
    '*': ['title', 'lang', 'dir', ['id', /^user-content-/, 'footnote-label']],
  },
  // Ids are limited above instead of prefixed: a prefix would break the links
  // between footnote references and notes, which already carry one.
  clobber: [],
  clobberPrefix: '',
  protocols: {
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https'],
    cite: ['http', 'https'],
  },
  required: { input: { type: 'checkbox', disabled: true } },
  // A checkbox only where Markdown puts one, in a task list item.
  ancestors: { ...defaultSchema.ancestors, input: ['li'] },
  // Removed with their content; any other element outside the list is
  // replaced by its content.
  strip: ['script', 'style', 'template', 'noscript', 'textarea', 'title'],
};

/** rehype-sanitize with the allowlist: a function from a hast root to a safe copy. */
export const sanitizeHtml: (tree: Root) => Root = rehypeSanitize(HTML_ALLOWLIST);

/** What the sanitizer does to one element where it stands. */
export interface ElementVerdict {
  /** The element itself is removed (its content stays, unless the element is one of `strip`). */
  removed: boolean;
  /** Attributes removed or changed, as written in HTML (`onclick`, `href`, `style`). */
  attributes: string[];
}

const MARKER = '\u0000gazette-marker\u0000';

/** The elements from the root down to the marker text in `tree`, or undefined when the marker is gone. */
function pathToMarker(node: Root | ElementContent, path: Element[] = []): Element[] | undefined {
  if (node.type === 'text') return node.value === MARKER ? path : undefined;
  if (node.type !== 'root' && node.type !== 'element') return undefined;
  const inside = node.type === 'element' ? [...path, node] : path;
  for (const child of node.children) {
    const found = pathToMarker(child as ElementContent, inside);
    if (found) return found;
  }
  return undefined;
}

/** `ancestors` and then `innermost` as a chain of single children ending in the marker. */
function chain(ancestors: readonly Element[], innermost?: Element): Root {
  let content: ElementContent = { type: 'text', value: MARKER };
  for (const element of innermost ? [...ancestors, innermost].reverse() : [...ancestors].reverse()) {
    content = { type: 'element', tagName: element.tagName, properties: { ...element.properties }, children: [content] };
  }
  return { type: 'root', children: [content] };
}

const attributeName = (property: string) => find(html, property).attribute;

/** The marker on its own, sanitized: the same for every element without ancestors (every link and image URL judged), so sanitized once. */
const AT_TOP_LEVEL = pathToMarker(sanitizeHtml(chain([])));

/**
 * Asks the sanitizer what it does to `element` inside `ancestors` (the raw
 * HTML elements around it, outermost first), without its children.
 */
export function judgeElement(element: Element, ancestors: readonly Element[] = []): ElementVerdict {
  const around = ancestors.length === 0 ? AT_TOP_LEVEL : pathToMarker(sanitizeHtml(chain(ancestors)));
  const within = pathToMarker(sanitizeHtml(chain(ancestors, element)));
  // Inside an element that is removed with its content: that one is reported.
  if (!around) return { removed: false, attributes: [] };
  if (!within || within.length === around.length) return { removed: true, attributes: [] };
  const kept: Properties = within.at(-1)!.properties;
  const attributes = Object.entries(element.properties)
    .filter(([, value]) => value !== undefined && value !== null && value !== false)
    .filter(([property, value]) => JSON.stringify(kept[property]) !== JSON.stringify(value))
    .map(([property]) => attributeName(property));
  return { removed: false, attributes };
}

/** Whether a link (`href`) or image (`src`) may point to `url`. */
export function allowedUrl(url: string, attribute: 'href' | 'src'): boolean {
  const tagName = attribute === 'href' ? 'a' : 'img';
  return judgeElement({ type: 'element', tagName, properties: { [attribute]: url }, children: [] }).attributes.length === 0;
}

/** The tags of the list, for messages. */
export const ALLOWED_TAGS: readonly string[] = HTML_ALLOWLIST.tagNames ?? [];

/**
 * The attributes `tagName` may have with any value, as written in HTML, for
 * messages. (Those allowed only with certain values, such as the classes and
 * ids Markdown's footnotes use, are left out: editors do not write them.)
 */
export function allowedAttributes(tagName: string): string[] {
  const definitions = [...(HTML_ALLOWLIST.attributes?.[tagName] ?? []), ...(HTML_ALLOWLIST.attributes?.['*'] ?? [])];
  return definitions.filter((definition) => typeof definition === 'string').map(attributeName);
}
