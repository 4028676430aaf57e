/**
 * `<Indicator id year />` and `<IndicatorChart ids year? />` that cite an
 * indicator, a year or a mix of units the data does not have. The build
 * finds these only while rendering the page; here they are found from the
 * attributes as written, with the components' own rules
 * (src/indicators/references.ts) against the indicators this build
 * publishes, so `npm run check` says what the build would.
 */
import type { MdastNode } from 'satteri';
import type { ContentIndex } from '../content-files/content-index.ts';
import type { LoadedEntry } from '../content-files/load.ts';
import { indicatorsFromGroup, limitToPublished, type Indicator } from '../../indicators/model.ts';
import { chartReferenceProblem, figureReferenceProblem } from '../../indicators/references.ts';
import type { IndicatorGroupData } from '../../schemas/indicator.ts';
import { literalValue, NOT_A_LITERAL } from './body-problems.ts';
import type { BodyTree } from './body-tree.ts';
import type { ContentProblem } from './problem.ts';

const CHECKED_TAGS: Record<string, (byId: ReadonlyMap<string, Indicator>, attributes: Attributes) => string | undefined> = {
  Indicator: (byId, { id, year }) => figureReferenceProblem(byId, id, year),
  IndicatorChart: (byId, { ids, year }) => chartReferenceProblem(byId, ids, year),
};

/** Only a document that mentions a component can use one; parsing the others would find nothing. */
const MENTIONS_COMPONENT = new RegExp(`<(?:${Object.keys(CHECKED_TAGS).join('|')})\\b`);

type Attributes = Record<string, unknown>;

interface JsxAttribute {
  type: string;
  name?: string;
  value?: string | { type: string; value: string } | null;
}

/** The attribute values as written: `"x"` and `{2020}`, `{['a', 'b']}`, read as literals (a value that is code: the MDX check reports it). */
function attributesOf(attributes: readonly JsxAttribute[]): Attributes | undefined {
  const values: Attributes = {};
  for (const attribute of attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) return undefined;
    const value = attribute.value;
    if (value === null || value === undefined) values[attribute.name] = true;
    else if (typeof value === 'string') values[attribute.name] = value;
    else values[attribute.name] = literalValue(value.value);
  }
  return Object.values(values).includes(NOT_A_LITERAL) ? undefined : values;
}

function componentUses(node: MdastNode, found: { name: string; attributes: Attributes; line: number | undefined }[] = []) {
  if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && 'name' in node) {
    const name = node.name as string | null;
    const attributes = name && name in CHECKED_TAGS ? attributesOf(node.attributes as JsxAttribute[]) : undefined;
    if (name && attributes) found.push({ name, attributes, line: node.position?.start.line });
  }
  if ('children' in node) for (const child of node.children as MdastNode[]) componentUses(child, found);
  return found;
}

/**
 * The indicators as a build for this audience has them: figures from
 * unpublished documents left out. Undefined while a group file has errors of
 * its own: its indicators would seem missing, and that error comes first.
 */
function publishedIndicators(entries: readonly LoadedEntry[], index: ContentIndex): Map<string, Indicator> | undefined {
  const groups = entries.filter((entry) => entry.file.collection?.name === 'indicators');
  if (groups.some((entry) => !entry.validation?.success)) return undefined;
  const all = groups.flatMap((entry) => indicatorsFromGroup(entry.file.displayPath, entry.validation!.data as IndicatorGroupData));
  const published = new Set([...index.documents.values()].filter((doc) => doc.publishable).map((doc) => `${doc.kind}/${doc.id}`));
  return new Map(limitToPublished(all, (key) => published.has(key)).map((indicator) => [indicator.id, indicator]));
}

/**
 * A checker for the MDX documents of one content folder. Like the build, it
 * looks only at the documents this build publishes: the others are never rendered.
 */
export function indicatorReferenceChecker(entries: readonly LoadedEntry[], index: ContentIndex) {
  let byId: Map<string, Indicator> | undefined | null;
  return (entry: LoadedEntry, body: BodyTree): ContentProblem[] => {
    if (entry.file.extension !== '.mdx' || !MENTIONS_COMPONENT.test(entry.source)) return [];
    if (!index.documents.get(entry.file.contentPath)?.publishable) return [];
    if (byId === undefined) byId = publishedIndicators(entries, index) ?? null;
    if (byId === null) return [];
    const { tree } = body();
    if (!tree) return []; // An MDX syntax error is reported on its own.
    const indicators = byId;
    return componentUses(tree).flatMap(({ name, attributes, line }): ContentProblem[] => {
      const problem = CHECKED_TAGS[name]!(indicators, attributes);
      return problem ? [{ severity: 'error', file: entry.file.displayPath, line, field: 'MDX', expected: problem }] : [];
    });
  };
}
