/**
 * Sätteri mdast plugin for MDX documents, first in the pipeline: an MDX
 * file that imports, exports, evaluates an expression, uses HTML outside the
 * allowlist, links to an unsafe URL or names a layout is refused before it
 * is compiled to a module, so its code never runs, in `astro build` as in
 * `astro dev`, whether or not the content check ran first. The rules are
 * those of `npm run check` (src/lib/content-check/body-problems.ts); the
 * error lists every problem as the check does.
 *
 * It also gives each component the line it is written on, so that a render
 * error can name it (src/lib/mdx-render-errors.ts).
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
import { bodyProblems, type BodyProblem } from '../lib/content-check/body-problems.ts';
import { checkMessages } from '../lib/content-check/messages.ts';
import { showValue } from '../lib/content-check/problem.ts';
import { formatProblem } from '../lib/content-check/report.ts';
import { SOURCE_LINE_PROP } from '../lib/mdx-render-errors.ts';
import { COMPONENT_ATTRIBUTES } from '../user-components/attributes.ts';

export class ForbiddenMdxError extends Error {
  override name = 'ForbiddenMdxError';
}

const COMPONENTS = Object.keys(COMPONENT_ATTRIBUTES);

/** Astro's MDX integration imports the front matter's `layout` as a module and renders the document inside it. */
function layoutProblem(frontmatter: unknown, source: string): BodyProblem[] {
  const layout = (frontmatter as { layout?: unknown } | undefined)?.layout;
  if (layout === undefined) return [];
  const index = source.split('\n').findIndex((text) => /^layout\s*:/.test(text));
  return [{ line: index === -1 ? undefined : index + 1, field: 'layout', found: showValue(layout), expected: checkMessages.mdxLayout }];
}

/** Adds the `SOURCE_LINE_PROP` attribute to a site component. (The hast phase cannot: raw HTML parsing there drops positions.) */
function addSourceLine(node: Readonly<MdxJsxFlowElement | MdxJsxTextElement>, ctx: MdastVisitorContext) {
  if (!node.name || !COMPONENTS.includes(node.name) || !node.position) return;
  const line = { type: 'mdxJsxAttribute' as const, name: SOURCE_LINE_PROP, value: String(node.position.start.line) };
  ctx.replaceNode(node, { ...node, attributes: [...node.attributes, line], children: [...node.children] } as MdxJsxFlowElement);
}

export function mdxGuardPlugin(context: PluginFactoryContext) {
  if (context.sourceFormat !== 'mdx') return null;
  const file = context.fileURL ? path.relative(process.cwd(), fileURLToPath(context.fileURL)) : 'MDX';
  return defineMdastPlugin({
    name: 'gazette-mdx-guard',
    options: { position: true },
    before(root, ctx) {
      const astro = ctx.data.astro as { frontmatter?: unknown } | undefined;
      const problems = [...layoutProblem(astro?.frontmatter, ctx.source), ...bodyProblems(root, COMPONENTS)];
      if (problems.length === 0) return;
      throw new ForbiddenMdxError(problems.map((problem) => formatProblem({ severity: 'error', file, ...problem })).join('\n\n'));
    },
    mdxJsxFlowElement: addSourceLine,
    mdxJsxTextElement: addSourceLine,
  });
}
