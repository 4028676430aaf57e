/**
 * Sätteri plugins that keep raw HTML and unsafe URLs out of every Markdown
 * page: the hast tree of a document is passed through rehype-sanitize with
 * the site's allowlist (src/lib/html-allowlist.ts), so a pasted
 * `<meta http-equiv="refresh">`, `<iframe>`, `<form>`, `onclick=…`,
 * `style=…` or `javascript:` link never reaches the output.
 *
 * `npm run check` reports each of these as an error first; this is what
 * makes sure that, whatever happens, they are not published. The Markdown
 * processor must parse raw HTML into elements (`features.rawHtml`), or the
 * sanitizer would see only opaque strings.
 *
 * Sanitising copies the whole tree in JavaScript, about ten times the cost of
 * rendering it, so the mdast plugin marks the documents that need it (raw
 * HTML, or a link or image whose URL the allowlist refuses) and the others,
 * which hold only what Markdown generates and the allowlist keeps whole, are
 * left as they are. MDX is not sanitised here: it is refused at compile time
 * by src/markdown/mdx-guard.ts instead.
 */
import type { Root } from 'hast';
import { defineHastPlugin, defineMdastPlugin, type PluginFactoryContext } from 'satteri';
import { allowedUrl, sanitizeHtml } from '../lib/html-allowlist.ts';

/** Set in the document's data bag by the mdast plugin, read by the hast plugin. */
const NEEDS_SANITIZING = 'gazetteNeedsSanitizing';

export function markUnsafeMarkdownPlugin(context: PluginFactoryContext) {
  if (context.sourceFormat !== 'markdown') return null;
  return defineMdastPlugin({
    name: 'gazette-mark-unsafe-markdown',
    html(_node, ctx) {
      ctx.data[NEEDS_SANITIZING] = true;
    },
    link(node, ctx) {
      if (!allowedUrl(node.url, 'href')) ctx.data[NEEDS_SANITIZING] = true;
    },
    definition(node, ctx) {
      if (!allowedUrl(node.url, 'href')) ctx.data[NEEDS_SANITIZING] = true;
    },
    image(node, ctx) {
      if (!allowedUrl(node.url, 'src')) ctx.data[NEEDS_SANITIZING] = true;
    },
  });
}

export function sanitizeHtmlPlugin(context: PluginFactoryContext) {
  if (context.sourceFormat !== 'markdown') return null;
  return defineHastPlugin({
    name: 'gazette-sanitize-html',
    before(root, ctx) {
      if (ctx.data[NEEDS_SANITIZING]) ctx.replaceNode(root, sanitizeHtml(root as Root));
    },
  });
}
