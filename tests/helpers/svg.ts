/**
 * Reads an SVG as XML with svgo's parser (strict: a malformed document
 * throws) and lists its elements and text, for assertions on built charts.
 */
import { optimize } from 'svgo';

export interface SvgElement {
  name: string;
  attributes: Record<string, string>;
  /** Name of the parent element; undefined for the root. */
  parent: string | undefined;
}

export interface ParsedSvg {
  root: SvgElement;
  elements: SvgElement[];
  /** Non-blank character data, with the element that holds it. */
  texts: { parent: string; text: string }[];
}

export function parseSvg(markup: string): ParsedSvg {
  const elements: SvgElement[] = [];
  const texts: ParsedSvg['texts'] = [];
  optimize(markup, {
    plugins: [
      {
        name: 'collectForTests',
        fn: () => ({
          element: {
            enter(node, parent) {
              elements.push({ name: node.name, attributes: { ...node.attributes }, parent: parent.type === 'element' ? parent.name : undefined });
            },
          },
          text: {
            enter(node, parent) {
              if (node.value.trim() !== '') texts.push({ parent: parent.type === 'element' ? parent.name : '', text: node.value });
            },
          },
        }),
      },
    ],
  });
  if (elements.length === 0) throw new Error('no elements in SVG');
  return { root: elements[0]!, elements, texts };
}

/** Every inline `<svg>…</svg>` in an HTML page (charts do not nest). */
export function inlineSvgs(html: string): string[] {
  return html.match(/<svg\b[\s\S]*?<\/svg>/g) ?? [];
}
