/**
 * What a document body may contain, judged on its syntax tree:
 *
 * - MDX runs no code: no `import`/`export`, no `{…}` expressions (a comment
 *   `{/* … *\/}` is fine), only the site's components with the attributes of
 *   src/user-components/attributes.ts, each a literal (`"…"`, `{2020}`,
 *   `{["…", "…"]}`);
 * - HTML, raw in Markdown or written as tags in MDX, stays inside the
 *   allowlist of src/lib/html-allowlist.ts;
 * - links and images point to http(s), mailto or the site itself.
 *
 * `npm run check` reports every problem this finds (mdx-problems.ts,
 * check-content.ts); the MDX compile refuses a file with any of them
 * (src/markdown/mdx-guard.ts), so nothing here can be got around by skipping
 * the check.
 */
import { parse } from 'acorn';
import type { Expression, PrivateIdentifier, Property, SpreadElement } from 'acorn';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { h } from 'hastscript';
import { find, html } from 'property-information';
import type { MdastNode, MdxJsxAttributeUnion } from 'satteri';
import { ALLOWED_TAGS, allowedAttributes, judgeElement, allowedUrl } from '../html-allowlist.ts';
import { ATTRIBUTE_EXAMPLES, COMPONENT_ATTRIBUTES, type AttributeKind } from '../../user-components/attributes.ts';
import { checkLabels, checkMessages } from './messages.ts';
import { showValue } from './problem.ts';

/** One problem in a body, before it is given its file. */
export interface BodyProblem {
  line: number | undefined;
  field: string;
  found: string;
  expected: string;
}

type Node = MdastNode;
type Line = number | undefined;

/** A JSX tag that names a component (`Indicator`, `a.b`) rather than an HTML element (`div`). */
function isComponentName(name: string): boolean {
  return name.includes('.') || name[0] !== name[0]!.toLowerCase();
}

/** Parses `code` as one JavaScript expression; undefined when it is anything else. */
function expressionOf(code: string): Expression | undefined {
  try {
    const program = parse(`(${code}\n)`, { ecmaVersion: 'latest' });
    const [statement, ...rest] = program.body;
    return statement?.type === 'ExpressionStatement' && rest.length === 0 ? statement.expression : undefined;
  } catch {
    return undefined;
  }
}

/** What `literalValue` gives for code that is not a literal. */
export const NOT_A_LITERAL = Symbol('not a literal');

type LiteralNode = Expression | SpreadElement | Property | PrivateIdentifier | null;

function valueOfNode(node: LiteralNode): unknown {
  switch (node?.type) {
    case 'Literal':
      return 'regex' in node || 'bigint' in node ? NOT_A_LITERAL : node.value;
    case 'ArrayExpression': {
      const values = node.elements.map(valueOfNode);
      return values.includes(NOT_A_LITERAL) ? NOT_A_LITERAL : values;
    }
    case 'UnaryExpression': {
      const value = node.operator === '-' || node.operator === '+' ? valueOfNode(node.argument) : NOT_A_LITERAL;
      return typeof value === 'number' ? (node.operator === '-' ? -value : value) : NOT_A_LITERAL;
    }
    default:
      return NOT_A_LITERAL;
  }
}

/**
 * The value of an attribute's code when it is a literal as JavaScript reads
 * it (`2020`, `2_020`, `-1`, `"x"`, `['a', "b"]`), which is what the MDX
 * compile will render; NOT_A_LITERAL for anything else.
 */
export function literalValue(code: string): unknown {
  const expression = expressionOf(code);
  return expression ? valueOfNode(expression) : NOT_A_LITERAL;
}

/** `{/* … *\/}` is how MDX writes a comment: an expression holding nothing but comments. */
function isCommentOnly(code: string): boolean {
  try {
    return parse(code, { ecmaVersion: 'latest' }).body.length === 0;
  } catch {
    return false;
  }
}

/** The kind of literal an attribute's value is, or undefined for anything that is not a literal. */
function literalKind(value: MdxJsxAttributeUnion['value']): AttributeKind | undefined {
  if (typeof value === 'string') return 'string';
  if (!value || typeof value !== 'object') return undefined;
  const expression = expressionOf(value.value);
  if (expression?.type === 'Literal') {
    if (typeof expression.value === 'string') return 'string';
    if (typeof expression.value === 'number') return 'number';
  }
  if (
    expression?.type === 'ArrayExpression' &&
    expression.elements.every((element) => element?.type === 'Literal' && typeof element.value === 'string')
  ) {
    return 'string[]';
  }
  return undefined;
}

/** An attribute as the editor wrote it. */
function showAttribute(attribute: MdxJsxAttributeUnion): string {
  if (attribute.type === 'mdxJsxExpressionAttribute') return `{${attribute.value}}`;
  if (attribute.value === null || attribute.value === undefined) return attribute.name;
  if (typeof attribute.value === 'string') return `${attribute.name}="${attribute.value}"`;
  return `${attribute.name}={${attribute.value.value}}`;
}

function componentProblems(
  name: string,
  attributes: readonly MdxJsxAttributeUnion[],
  line: Line,
  components: readonly string[],
): BodyProblem[] {
  const problems: BodyProblem[] = [];
  const known = components.includes(name) ? COMPONENT_ATTRIBUTES[name] : undefined;
  if (!known) problems.push({ line, field: 'MDX', found: `<${name}>`, expected: checkMessages.unknownComponent(components) });
  const documented = Object.entries(known ?? {}).map(([attribute, kind]) => `${attribute}=${ATTRIBUTE_EXAMPLES[kind]}`);
  for (const attribute of attributes) {
    const kind = attribute.type === 'mdxJsxAttribute' ? literalKind(attribute.value) : undefined;
    // Of a component that does not exist only code is worth a second message.
    const wanted = known ? attribute.type === 'mdxJsxAttribute' && known[attribute.name] : kind;
    if (kind !== undefined && kind === wanted) continue;
    problems.push({
      line,
      field: 'MDX',
      found: showValue(`<${name} ${showAttribute(attribute)}>`),
      expected: known ? checkMessages.componentAttributes(name, documented) : checkMessages.mdxExpression,
    });
  }
  return problems;
}

function htmlVerdictProblems(element: Element, ancestors: readonly Element[], line: Line): BodyProblem[] {
  const verdict = judgeElement(element, ancestors);
  const tag = element.tagName;
  if (verdict.removed) return [{ line, field: 'HTML', found: `<${tag}>`, expected: checkMessages.htmlElement(ALLOWED_TAGS) }];
  return verdict.attributes.map((attribute) => ({
    line,
    field: 'HTML',
    found: showValue(`<${tag} ${attributeText(element, attribute)}>`),
    expected: checkMessages.htmlAttribute(tag, allowedAttributes(tag)),
  }));
}

/** `name="value"` of one attribute of a hast element, by its HTML name. */
function attributeText(element: Element, attribute: string): string {
  const value = element.properties[find(html, attribute).property];
  if (value === true || value === '' || value === undefined || value === null) return attribute;
  return `${attribute}="${Array.isArray(value) ? value.join(' ') : String(value)}"`;
}

/** Raw HTML in Markdown: every element of the fragment, at its own line. */
function rawHtmlProblems(value: string, line: Line): BodyProblem[] {
  const problems: BodyProblem[] = [];
  const visit = (node: Element, ancestors: Element[]) => {
    const at = line !== undefined && node.position ? line + node.position.start.line - 1 : line;
    problems.push(...htmlVerdictProblems(node, ancestors, at));
    for (const child of node.children) if (child.type === 'element') visit(child, [...ancestors, node]);
  };
  for (const child of fromHtml(value, { fragment: true }).children) if (child.type === 'element') visit(child, []);
  return problems;
}

/**
 * Every problem in `tree` (an mdast from satteri's `markdownToMdast` or
 * `mdxToMdast`, positions on), in document order. `components` are the
 * component names the site provides.
 */
export function bodyProblems(tree: Node, components: readonly string[]): BodyProblem[] {
  const problems: BodyProblem[] = [];
  const walk = (node: Node, htmlAncestors: Element[]) => {
    const line = node.position?.start.line;
    let inside = htmlAncestors;
    switch (node.type) {
      case 'mdxjsEsm':
        problems.push({ line, field: 'MDX', found: showValue(node.value.split('\n')[0]), expected: checkMessages.mdxImport(components) });
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!isCommentOnly(node.value))
          problems.push({ line, field: 'MDX', found: showValue(`{${node.value}}`), expected: checkMessages.mdxExpression });
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        if (node.name === null) {
          problems.push({ line, field: 'MDX', found: '<>', expected: checkMessages.mdxFragment });
        } else if (isComponentName(node.name)) {
          problems.push(...componentProblems(node.name, node.attributes, line, components));
          inside = [];
        } else {
          const literal: Record<string, string | true> = {};
          for (const attribute of node.attributes) {
            if (attribute.type === 'mdxJsxAttribute' && (typeof attribute.value === 'string' || attribute.value == null)) {
              literal[attribute.name] = attribute.value ?? true;
            } else {
              problems.push({
                line,
                field: 'HTML',
                found: showValue(`<${node.name} ${showAttribute(attribute)}>`),
                expected: checkMessages.htmlAttributeExpression,
              });
            }
          }
          const element: Element = { ...h(node.name, literal), tagName: node.name };
          problems.push(...htmlVerdictProblems(element, htmlAncestors, line));
          inside = [...htmlAncestors, element];
        }
        break;
      }
      case 'html':
        problems.push(...rawHtmlProblems(node.value, line));
        return;
      case 'link':
      case 'definition':
        if (!allowedUrl(node.url, 'href'))
          problems.push({ line, field: checkLabels.link, found: showValue(node.url), expected: checkMessages.unsafeUrl });
        break;
      case 'image':
        if (!allowedUrl(node.url, 'src'))
          problems.push({ line, field: checkLabels.link, found: showValue(node.url), expected: checkMessages.unsafeUrl });
        break;
    }
    if ('children' in node) for (const child of node.children as Node[]) walk(child, inside);
  };
  walk(tree, []);
  return problems;
}
