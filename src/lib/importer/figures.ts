/**
 * Figures in the prose (`8555份`, `1930个`, `78%`, `100万件`, `同比增长26%`):
 * candidates for indicators, listed for an editor to review. Nothing here
 * writes an indicator; a figure only gets a suggested indicator id when one
 * in `content/indicators/` fits it.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Scale } from '../../schemas/indicator.ts';
import { SCALE_FACTORS } from '../../indicators/format.ts';
import { roundTo } from '../../indicators/series.ts';

export interface Figure {
  /** The sentence the figure stands in. */
  sentence: string;
  /** The figure as written: `3500余篇`, `同比增长26%`. */
  text: string;
  /** The whole number, as the indicator data writes it: 100万件 → 1000000. */
  value: number;
  /** `份`, `件`, `%`. */
  unit: string;
  /** 万 or 亿 when the figure is written in it (100万件), as the indicator data's `scale`. */
  scale?: Scale;
  /** 约数 as written: 多, 余. */
  qualifier?: string;
  /** A change rather than a count: `同比增长`, `下降`. */
  change?: string;
  /** The indicator this figure most likely belongs to. */
  suggestedIndicator?: string;
}

/** An indicator as `content/indicators/` defines it, reduced to what matching needs. */
export interface IndicatorReference {
  id: string;
  name: string;
  unit: string;
  values: ReadonlyArray<{ value: number; growth?: number | undefined }>;
}

// Counting words of office prose, longest first so `个百分点` wins over `个`.
const UNITS = [
  '个百分点',
  '平方公里',
  '平方米',
  '公里',
  '小时',
  '%',
  '％',
  '份',
  '个',
  '件',
  '次',
  '篇',
  '项',
  '条',
  '宗',
  '人',
  '名',
  '位',
  '家',
  '户',
  '场',
  '期',
  '批',
  '套',
  '台',
  '辆',
  '所',
  '处',
  '座',
  '元',
  '吨',
  '天',
  '卷',
  '册',
  '部',
  '档',
];
const CHANGE = '(?:同比|比上年|较上年)?(?:增长|下降|提高|减少|上升|增加)';
// Not a part of a code (`G11项目`) or an ordinal (`第12次`).
const FIGURE = new RegExp(`(${CHANGE})?(\\d+(?:\\.\\d+)?)(多|余)?(万|亿)?(${UNITS.join('|')})`, 'gu');
const NOT_A_COUNT_BEFORE = /[A-Za-z0-9.第]$/;

function sentencesOf(root: Root): string[] {
  const blocks: string[] = [];
  const visit = (node: Root | Root['children'][number]) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      blocks.push(toString(node));
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Root['children'][number]);
  };
  visit(root);
  return blocks
    .flatMap((block) => block.split(/(?<=[。；！？])/))
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

export function findFigures(root: Root): Figure[] {
  const figures: Figure[] = [];
  for (const sentence of sentencesOf(root)) {
    for (const match of sentence.matchAll(FIGURE)) {
      const [text, change, number, qualifier, scale, unit] = match;
      if (NOT_A_COUNT_BEFORE.test(sentence.slice(0, match.index))) continue;
      figures.push({
        sentence,
        text,
        value: scale ? roundTo(Number(number) * SCALE_FACTORS[scale as Scale], 6) : Number(number),
        unit: unit === '％' ? '%' : unit!,
        ...(scale ? { scale: scale as Scale } : {}),
        ...(qualifier ? { qualifier } : {}),
        ...(change ? { change } : {}),
      });
    }
  }
  return figures;
}

/** Length of the longest run of characters two strings share. */
function longestCommonRun(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (a[i + k] !== undefined && a[i + k] === b[j + k]) k++;
      best = Math.max(best, k);
    }
  }
  return best;
}

/** The clause a figure closes: what it counts is named there. */
function clauseBefore(figure: Figure): string {
  const end = figure.sentence.indexOf(figure.text);
  const start = Math.max(...['，', ',', '；', '：', '。'].map((mark) => figure.sentence.lastIndexOf(mark, end - 1))) + 1;
  return figure.sentence.slice(start, end);
}

/**
 * The best-fitting indicator: same unit, and either the same figure already
 * recorded (a count, or a stated growth) or a name that the clause mostly
 * repeats. Undefined when nothing fits well.
 */
export function suggestIndicator(figure: Figure, indicators: readonly IndicatorReference[]): string | undefined {
  const isGrowth = figure.change !== undefined && figure.unit === '%';
  let best: { id: string; score: number } | undefined;
  for (const indicator of indicators) {
    const sameFigure = isGrowth
      ? indicator.values.some((entry) => entry.growth === figure.value)
      : indicator.unit === figure.unit && indicator.values.some((entry) => entry.value === figure.value);
    if (!isGrowth && indicator.unit !== figure.unit) continue;
    const overlap = longestCommonRun(indicator.name, clauseBefore(figure) || figure.sentence);
    const namesIt = overlap >= 2 && overlap * 2 >= indicator.name.length;
    if (!sameFigure && !namesIt) continue;
    const score = (sameFigure ? 100 : 0) + overlap;
    if (!best || score > best.score) best = { id: indicator.id, score };
  }
  return best?.id;
}
