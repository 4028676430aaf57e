/**
 * Sätteri mdast plugin, for Markdown and MDX alike: links between documents,
 * written as relative paths to the other Markdown file
 * (`[报告](../reports/x.md)`), become the page's URL under the site base. A
 * link to a document this build leaves out (draft, restricted, internal in a
 * public build) becomes its own text, in whatever form it names it: file,
 * page URL with or without the base, relative URL, and an MDX `<a href>`;
 * a link to a missing document or heading stops the build, naming both.
 *
 * `npm run check` and the content-check integration report the same links
 * before the build starts; this is where they are rewritten.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  defineMdastPlugin,
  type MdastVisitorContext,
  type MdxJsxFlowElement,
  type MdxJsxTextElement,
  type PluginFactoryContext,
} from 'satteri';
import type { Definition, Link, LinkReference, Root, RootContent } from 'mdast';
import { jsxLinkHref, MAY_LINK } from '../lib/content-check/link-problems.ts';
import { checkLabels, checkMessages } from '../lib/content-check/messages.ts';
import { formatProblem } from '../lib/content-check/report.ts';
import type { LinkResolution } from '../lib/content-links/resolve.ts';
import { siteLinks } from '../lib/content-links/site-links.ts';
import { CONTENT_DIR, SITE_AUDIENCE, SITE_BASE } from '../site-settings.ts';

export class BrokenLinkError extends Error {
  override name = 'BrokenLinkError';
}

function fail(file: string, node: Link | Definition, resolution: LinkResolution): never {
  const expected =
    resolution.type === 'missing-anchor' ? checkMessages.missingAnchor(resolution.available) : checkMessages.missingLinkTarget;
  const problem = { severity: 'error' as const, file, line: node.position?.start.line, field: checkLabels.link, found: node.url, expected };
  throw new BrokenLinkError(formatProblem(problem));
}

export function internalLinksPlugin(context: PluginFactoryContext) {
  // Most documents link to nothing: skip them before parsing.
  if (!context.fileURL || !MAY_LINK.test(context.source)) return null;
  const links = siteLinks(CONTENT_DIR, SITE_AUDIENCE, SITE_BASE);
  const file = fileURLToPath(context.fileURL);
  const contentPath = path.relative(links.contentDir, file).split(path.sep).join('/');
  if (contentPath.startsWith('..')) return null;
  const displayPath = path.relative(process.cwd(), file);
  const excludedDefinitions = new Set<string>();
  /**
   * An MDX `<a href>` to an excluded document becomes its content, like a
   * Markdown link; one to a published document's file (`../reports/x.md`)
   * gets the page's URL, as a Markdown link does, instead of a link to a
   * file the site does not serve.
   */
  const rewriteJsxLink = (node: Readonly<MdxJsxTextElement | MdxJsxFlowElement>, ctx: MdastVisitorContext) => {
    const href = jsxLinkHref(node);
    if (href === undefined) return;
    const resolution = links.resolve(contentPath, href);
    if (resolution.type === 'excluded') ctx.replaceNode(node, [...node.children]);
    else if (resolution.type === 'document' && resolution.href !== href) {
      const attributes = node.attributes.map((attribute) =>
        attribute.type === 'mdxJsxAttribute' && attribute.name === 'href' ? { ...attribute, value: resolution.href } : attribute,
      );
      ctx.replaceNode(node, { ...node, attributes, children: [...node.children] } as typeof node);
    }
  };

  return defineMdastPlugin({
    name: 'gazette-internal-links',
    // Line numbers for the error message.
    options: { position: true },
    // Reference-style links take their URL from a definition; find the
    // definitions whose target is left out before visiting the references.
    // (A definition may stand inside a block quote or a list item.)
    before(root: Readonly<Root>) {
      const visit = (node: Readonly<RootContent | Root>) => {
        if (node.type === 'definition' && links.resolve(contentPath, node.url).type === 'excluded') {
          excludedDefinitions.add(node.identifier);
        }
        if ('children' in node) node.children.forEach(visit);
      };
      visit(root);
    },
    link(node, ctx) {
      const resolution = links.resolve(contentPath, node.url);
      if (resolution.type === 'document') ctx.setProperty(node, 'url', resolution.href);
      else if (resolution.type === 'excluded') ctx.replaceNode(node, [...node.children]);
      else if (resolution.type !== 'other') fail(displayPath, node, resolution);
    },
    definition(node, ctx) {
      const resolution = links.resolve(contentPath, node.url);
      if (resolution.type === 'document') ctx.setProperty(node, 'url', resolution.href);
      else if (resolution.type === 'missing-document' || resolution.type === 'missing-anchor') fail(displayPath, node, resolution);
    },
    linkReference(node: Readonly<LinkReference>, ctx) {
      if (excludedDefinitions.has(node.identifier)) ctx.replaceNode(node, [...node.children]);
    },
    mdxJsxTextElement: rewriteJsxLink,
    mdxJsxFlowElement: rewriteJsxLink,
  });
}
