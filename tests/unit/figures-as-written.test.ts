/**
 * Figures as the documents print them (GB/T 15835): no grouping commas
 * (8555份), 万 and 亿 where the document used them (超过100万件, 1.2亿元),
 * decimals as printed (91.5%). Every figure of the seed is printed back from
 * the form the indicator data holds it in, and every figure the shipped
 * indicator data prints appears word for word in its source document.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { indicatorGroupSchema, type Qualifier, type Scale } from '../../src/schemas/indicator.ts';
import { formatChange, formatNumber, formatValue, pointNotes, withUnit } from '../../src/indicators/format.ts';
import { indicatorsFromGroup } from '../../src/indicators/model.ts';
import { changeFromYearBefore } from '../../src/indicators/series.ts';
import { findFigures } from '../../src/lib/importer/figures.ts';
import { textToMdast } from '../../src/lib/importer/text-to-mdast.ts';
import { REPO_ROOT } from '../helpers/paths.ts';

type Written = [text: string, point: { value: number; qualifier?: Qualifier; scale?: Scale }, unit: string];

/**
 * Every figure of the seed (tests/fixtures/seeds/000_94ad5dffbcaec705.txt),
 * in its order, as written there and as `content/indicators/*.yaml` writes it.
 * A stated growth (同比增长26%) is its percentage.
 */
const SEED_FIGURES: Written[] = [
  ['1930个', { value: 1930 }, '个'],
  ['198次', { value: 198 }, '次'],
  ['500多篇', { value: 500, qualifier: '多' }, '篇'],
  ['4位', { value: 4 }, '位'],
  ['8555份', { value: 8555 }, '份'],
  ['5434份', { value: 5434 }, '份'],
  ['13份', { value: 13 }, '份'],
  ['8次', { value: 8 }, '次'],
  ['275宗', { value: 275 }, '宗'],
  ['12次', { value: 12 }, '次'],
  ['3500余篇', { value: 3500, qualifier: '余' }, '篇'],
  ['5档', { value: 5 }, '档'],
  ['34项', { value: 34 }, '项'],
  ['120余个', { value: 120, qualifier: '余' }, '个'],
  ['30份', { value: 30 }, '份'],
  ['150余条', { value: 150, qualifier: '余' }, '条'],
  ['807份', { value: 807 }, '份'],
  ['26%', { value: 26 }, '%'],
  ['277份', { value: 277 }, '份'],
  ['73%', { value: 73 }, '%'],
  ['457份', { value: 457 }, '份'],
  ['21%', { value: 21 }, '%'],
  ['74份', { value: 74 }, '份'],
  ['24小时', { value: 24 }, '小时'],
  ['25项', { value: 25 }, '项'],
  ['967项', { value: 967 }, '项'],
  ['176份', { value: 176 }, '份'],
  ['87次', { value: 87 }, '次'],
  ['50余个', { value: 50, qualifier: '余' }, '个'],
  ['6个', { value: 6 }, '个'],
  ['31个', { value: 31 }, '个'],
  ['51个', { value: 51 }, '个'],
  ['29个', { value: 29 }, '个'],
  ['200余个', { value: 200, qualifier: '余' }, '个'],
  ['285宗', { value: 285 }, '宗'],
  ['226宗', { value: 226 }, '宗'],
  ['78%', { value: 78 }, '%'],
  ['9宗', { value: 9 }, '宗'],
  ['41个', { value: 41 }, '个'],
  ['468项', { value: 468 }, '项'],
  ['35项', { value: 35 }, '项'],
  ['76份', { value: 76 }, '份'],
  ['69份', { value: 69 }, '份'],
  ['954条', { value: 954 }, '条'],
  ['19宗', { value: 19 }, '宗'],
  ['50宗', { value: 50 }, '宗'],
  ['39宗', { value: 39 }, '宗'],
  ['超过100万件', { value: 1_000_000, qualifier: '超过', scale: '万' }, '件'],
  ['超过97%', { value: 97, qualifier: '超过' }, '%'],
  ['8项', { value: 8 }, '项'],
  ['3项', { value: 3 }, '项'],
  ['58个', { value: 58 }, '个'],
  ['142条', { value: 142 }, '条'],
  ['76项', { value: 76 }, '项'],
  ['13次', { value: 13 }, '次'],
  ['26项', { value: 26 }, '项'],
  ['14个', { value: 14 }, '个'],
  ['11个', { value: 11 }, '个'],
  ['153个', { value: 153 }, '个'],
  ['140个', { value: 140 }, '个'],
  ['91.5%', { value: 91.5 }, '%'],
  ['4个', { value: 4 }, '个'],
  ['89件', { value: 89 }, '件'],
  ['100%', { value: 100 }, '%'],
  ['3人', { value: 3 }, '人'],
  ['8人', { value: 8 }, '人'],
  ['11项', { value: 11 }, '项'],
];

describe('figures as the seed prints them', () => {
  it.each(SEED_FIGURES)('%s', (text, point, unit) => {
    expect(formatValue(point, unit)).toBe(text);
  });

  it('lists every figure of the seed', () => {
    const seed = readFileSync(path.join(REPO_ROOT, 'tests/fixtures/seeds/000_94ad5dffbcaec705.txt'), 'utf8');
    const listed = SEED_FIGURES.map(([text]) => text);
    // The importer reads a figure without 超过 and a growth without its 同比增长; the list has each once.
    const found = [...new Set(findFigures(textToMdast(seed)).map((figure) => figure.text.replace(/^\D+/, '')))];
    const missing = found.filter((text) => !listed.some((entry) => entry.endsWith(text)));
    expect(missing).toEqual([]);
    expect(listed.length).toBeGreaterThanOrEqual(found.length);
  });
});

describe('the number formatter', () => {
  it('groups no digits and keeps the decimals as printed', () => {
    expect(formatNumber(8555)).toBe('8555');
    expect(formatNumber(1_000_000)).toBe('1000000');
    expect(formatNumber(12345.6)).toBe('12345.6');
    expect(withUnit(79.29824, '%', 1)).toBe('79.3%');
    expect(withUnit(12345.6, '份', 2)).toBe('12345.60份');
  });

  it('prints a figure in 万 or 亿 where the document did', () => {
    expect(formatValue({ value: 120_000_000, scale: '亿' }, '元')).toBe('1.2亿元');
    expect(formatValue({ value: 1_000_000, scale: '万' }, '件')).toBe('100万件');
    expect(formatValue({ value: 1_200_000, qualifier: '多', scale: '万' }, '件')).toBe('120多万件');
    expect(formatValue({ value: 12_345, scale: '万' }, '人')).toBe('1.2345万人');
    expect(formatNumber(600_000, '万')).toBe('60万');
    expect(withUnit(1_000_000, '件', 1, '万')).toBe('100.0万件');
  });

  it('prints a change in the later figure’s scale', () => {
    const change = changeFromYearBefore([
      { year: 2019, value: 800_000 },
      { year: 2020, value: 1_000_000 },
    ])!;
    expect(formatChange(change, '件', '万')).toBe('增加20万件（+25%）');
    expect(
      formatChange(
        changeFromYearBefore([
          { year: 2019, value: 5434 },
          { year: 2020, value: 8555 },
        ])!,
        '份',
      ),
    ).toBe('增加3121份（+57.4%）');
  });

  it('derives the year before of a figure in 万 to a whole 万, and says so in 万', () => {
    const data = indicatorGroupSchema.parse({
      category: '智慧城市',
      issuer: '光明新区综合办公室',
      indicators: { events: { name: '上报事件', unit: '件', values: [{ year: 2020, value: 1_000_000, scale: '万', growth: 26 }] } },
    });
    const [indicator] = indicatorsFromGroup('content/indicators/test.yaml', data);
    const derived = indicator!.values[0]!;
    expect(derived).toMatchObject({ year: 2019, value: 790_000, scale: '万' });
    expect(formatValue(derived, '件')).toBe('79万件');
    expect(pointNotes(derived, '件')).toEqual(['由2020年数值100万件及原文所述同比增长26%推算并取整，非原文数值']);
  });

  it('derives the year before to the places the figure was printed with: 1.2亿元 and 增长10% give 1.1亿元, not 1亿元', () => {
    const data = indicatorGroupSchema.parse({
      category: '经济',
      issuer: '光明新区综合办公室',
      indicators: {
        investment: { name: '投资', unit: '元', values: [{ year: 2020, value: 120_000_000, scale: '亿', growth: 10 }] },
        grants: { name: '补助', unit: '元', values: [{ year: 2020, value: 5_000, scale: '万', growth: 26 }] },
      },
    });
    const [investment, grants] = indicatorsFromGroup('content/indicators/test.yaml', data);
    expect(formatValue(investment!.values[0]!, '元')).toBe('1.1亿元');
    expect(formatValue(grants!.values[0]!, '元')).toBe('0.4万元');
  });
});

describe('scale in the indicator data', () => {
  const group = (unit: string, value: Record<string, unknown>) =>
    indicatorGroupSchema.safeParse({
      category: '测试',
      issuer: '测试办公室',
      indicators: { x: { name: '测试', unit, values: [{ year: 2020, value: 1, ...value }] } },
    });

  it('accepts 万 and 亿 on a count, and rejects any other scale or a unit that has its own', () => {
    expect(group('件', { scale: '万' }).success).toBe(true);
    expect(group('元', { scale: '亿' }).success).toBe(true);
    expect(group('件', { scale: '千' }).error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['indicators.x.values.0.scale', '应为 万、亿 之一（expected 万 or 亿）'],
    ]);
    expect(group('万元', { scale: '万' }).error?.issues.map((issue) => issue.path.join('.'))).toEqual(['indicators.x.values.0.scale']);
    expect(group('%', { scale: '万' }).error?.issues[0]?.message).toMatch(
      /单位为 % 的指标不能再写 scale（scale does not go with the unit %/,
    );
  });
});

describe('the shipped indicator data', () => {
  it('prints every figure word for word as its source document does', () => {
    const folder = path.join(REPO_ROOT, 'content/indicators');
    const notAsPrinted: string[] = [];
    let checked = 0;
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.yaml'))) {
      const data = indicatorGroupSchema.parse(parse(readFileSync(path.join(folder, file), 'utf8')));
      for (const indicator of indicatorsFromGroup(file, data)) {
        for (const point of indicator.values) {
          if (point.derivedFrom || !point.source) continue;
          const source = readFileSync(path.join(REPO_ROOT, 'content', `${point.source}.md`), 'utf8');
          const text = formatValue(point, indicator.unit);
          checked++;
          // Not part of a longer number: 0宗 is not in 50宗.
          const printed = source
            .split(text)
            .slice(0, -1)
            .some((before) => !/[\d.]$/.test(before));
          if (!printed) notAsPrinted.push(`${indicator.id}: ${text}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(60);
    // The one figure the document words without a number: 39宗已判决案件中无一宗败诉 (its note says so).
    expect(notAsPrinted).toEqual(['lawsuits-lost: 0宗']);
  });
});
