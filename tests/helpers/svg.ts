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
              elements.push({
                name: node.name,
                attributes: { ...node.attributes },
                parent: parent.type === 'element' ? parent.name : undefined,
              });
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

/** What a line chart draws in one series colour, each distinct shape once (the canvas draws a chart twice). */
export interface SeriesMarks {
  /** Points filled with the colour. */
  filledPoints: string[];
  /** Points drawn as a ring: filled white inside an outline of the colour. */
  hollowPoints: string[];
  /** Unbroken line paths (stroked, open). */
  solidLines: string[];
  /** Dashed lines: the canvas writes dashes as one filled path of many small parts. */
  dashedLines: string[];
}

const subpaths = (d: string) => (d.match(/[mM]/g) ?? []).length;

/** The points and lines of the series drawn in `colour` (`#a4161a`), read from the chart's paths. */
export function seriesMarks(svg: ParsedSvg, colour: string): SeriesMarks {
  const paths = svg.elements.filter((element) => element.name === 'path' && element.attributes.d);
  const distinct = (list: SvgElement[]) => [...new Set(list.map((element) => element.attributes.d!))];
  const filled = paths.filter((element) => element.attributes.fill === colour);
  const outlines = paths.filter((element) => element.attributes.stroke === colour && element.attributes.fill === 'none');
  // A ring's white inside starts where its outline does; the white canvas background is a rectangle from 0 0.
  const outlineStarts = new Set(outlines.map((element) => element.attributes.d!.slice(0, 8)));
  return {
    filledPoints: distinct(filled.filter((element) => subpaths(element.attributes.d!) === 1)),
    hollowPoints: distinct(
      paths.filter((element) => element.attributes.fill === '#fff' && outlineStarts.has(element.attributes.d!.slice(0, 8))),
    ),
    solidLines: distinct(outlines.filter((element) => !/z/i.test(element.attributes.d!))),
    dashedLines: distinct(filled.filter((element) => subpaths(element.attributes.d!) > 4)),
  };
}
