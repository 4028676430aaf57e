/**
 * The attributes editors may give each component in an MDX document, and
 * the one kind of literal value each takes. Nothing else may be written in
 * MDX braces: this table is what `npm run check` and the MDX compile accept
 * (src/lib/content-check/body-problems.ts). Every component in this folder
 * has an entry (a unit test keeps the two equal).
 */
export type AttributeKind = 'string' | 'number' | 'string[]';

export const COMPONENT_ATTRIBUTES: Readonly<Record<string, Readonly<Record<string, AttributeKind>>>> = {
  Indicator: { id: 'string', year: 'number' },
  IndicatorChart: { ids: 'string[]', year: 'number', title: 'string' },
};

/** How each kind is written, for messages. */
export const ATTRIBUTE_EXAMPLES: Readonly<Record<AttributeKind, string>> = {
  string: '"…"',
  number: '{2020}',
  'string[]': '{["…", "…"]}',
};
