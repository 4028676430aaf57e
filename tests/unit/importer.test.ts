/**
 * The importer on real inputs: the seed text in UTF-8 and GB18030 renders
 * exactly like the shipped summary; a Word file made with the `docx` library
 * keeps its headings, table and footnote; figures are listed; bad input is
 * refused and nothing is overwritten.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AlignmentType, Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import iconv from 'iconv-lite';
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { markdownToMdast } from 'satteri';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/lib/content-files/front-matter.ts';
import { parseYamlSource } from '../../src/lib/content-files/yaml-source.ts';
import { decodeText } from '../../src/lib/importer/decode.ts';
import { findFigures, suggestIndicator, type IndicatorReference } from '../../src/lib/importer/figures.ts';
import { convertDocument, importDocument, loadIndicatorReferences, reviewFileFor } from '../../src/lib/importer/import-document.ts';
import { parseDateLine } from '../../src/lib/importer/metadata.ts';
import { ImportRefusal } from '../../src/lib/importer/refusal.ts';
import { textToMdast } from '../../src/lib/importer/text-to-mdast.ts';
import { renderLikeSite } from '../../src/markdown/site-render.ts';
import { makeContent } from '../helpers/build-site.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { REPO_ROOT } from '../helpers/paths.ts';

const SEED = path.join(REPO_ROOT, 'tests/fixtures/seeds/000_94ad5dffbcaec705.txt');
const SHIPPED = path.join(REPO_ROOT, 'content/summaries/2020-annual-summary.md');

/** `[depth, text]` of every heading, in order. */
function headingTree(markdown: string): Array<[number, string]> {
  const tree = markdownToMdast(markdown) as Root;
  return tree.children.filter((node): node is Heading => node.type === 'heading').map((node) => [node.depth, toString(node)]);
}

const bodyOf = (markdown: string) => splitFrontMatter(markdown).body;

describe('decodeText', () => {
  const sample = '一、总体情况\r\n全年共收文8555份，同比增长26%。\r\n';
  it.each([
    ['UTF-8', Buffer.from(sample, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample, 'utf8')]), 'utf-8'],
    ['GB18030', iconv.encode(sample, 'gb18030'), 'gb18030'],
    ['GBK, a single short line', iconv.encode('一、总体情况', 'gbk'), 'gb18030'],
    ['UTF-16LE with BOM', iconv.encode(sample, 'utf-16le', { addBOM: true }), 'utf-16le'],
    ['UTF-16BE without BOM', iconv.encode(sample, 'utf-16be'), 'utf-16be'],
  ])('reads %s', (_name, bytes, encoding) => {
    const decoded = decodeText(bytes, 'x.txt');
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text.replace(/^\uFEFF/, '')).toBe(bytes.length < 30 ? '一、总体情况' : sample);
  });

  it('refuses bytes that are not text', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0xff, 0xd8]);
    expect(() => decodeText(png, 'picture.txt')).toThrow(ImportRefusal);
  });
});

describe('importing the seed', () => {
  const shippedBody = async () => bodyOf(await readFile(SHIPPED, 'utf8'));

  it.each([
    ['UTF-8', async () => readFile(SEED)],
    ['GB18030', async () => iconv.encode(await readFile(SEED, 'utf8'), 'gb18030')],
  ])('in %s renders exactly like the shipped summary', async (_name, bytes) => {
    const converted = await convertDocument({ bytes: await bytes(), fileName: 'seed.txt', kind: 'summaries', indicators: [] });
    expect(renderLikeSite(converted.body, 'md').html).toBe(renderLikeSite(await shippedBody(), 'md').html);

    const headings = headingTree(converted.body);
    expect(headings.filter(([depth]) => depth === 2).map(([, text]) => text)).toEqual(['一、2020年工作总结', '二、2020年工作计划']);
    expect(headings.filter(([depth]) => depth === 3)).toHaveLength(17);
    // Run-in headings: the heading sentence is the heading, the rest of the line the next paragraph.
    expect(headings[1]).toEqual([3, '(一)政务服务协调保障能力明显提升。']);
    expect(converted.body).toContain('### (一)政务服务协调保障能力明显提升。\n\n紧紧围绕红坳村整村搬迁');
    // `——` lead-ins and 一是…二是… stay in their paragraphs.
    expect(converted.body).toContain('\n——法治政府建设有新突破。2020年是法制办');
    expect(converted.body).toMatch(/\n一是严把质量关[^\n]*二是/);
  });

  it('fills what the text gives and leaves TODO placeholders that fail validation', async () => {
    const converted = await convertDocument({ bytes: await readFile(SEED), fileName: 'seed.txt', kind: 'summaries', indicators: [] });
    // The seed has no title, date or 落款 of its own.
    expect(converted.todo).toEqual(['title', 'date', 'issuer', 'year']);
    const yaml = parseYamlSource(splitFrontMatter(converted.markdown).yaml);
    expect(yaml.data).toMatchObject({ access: 'internal' });
    expect(String((yaml.data as Record<string, unknown>).year)).toMatch(/^TODO/);
  });

  it('lists the figures in the prose with sentence, value and unit', async () => {
    const converted = await convertDocument({ bytes: await readFile(SEED), fileName: 'seed.txt', kind: 'summaries', indicators: [] });
    const byText = new Map(converted.figures.map((figure) => [figure.text, figure]));
    expect(byText.get('8555份')).toMatchObject({ value: 8555, unit: '份', sentence: expect.stringContaining('全年共收文8555份') });
    expect(byText.get('1930个')).toMatchObject({ value: 1930, unit: '个' });
    expect(byText.get('3500余篇')).toMatchObject({ value: 3500, unit: '篇', qualifier: '余' });
    expect(byText.get('同比增长26%')).toMatchObject({ value: 26, unit: '%', change: '同比增长' });
    // A project code and an ordinal are not counts.
    expect(converted.figures.some((figure) => figure.sentence.includes('G11') && figure.text === '11项')).toBe(false);
  });
});

describe('indicator suggestions from content/indicators/', () => {
  it('suggests the shipped indicators for the seed’s figures', async () => {
    const indicators = loadIndicatorReferences(path.join(REPO_ROOT, 'content'));
    expect(indicators.length).toBeGreaterThan(10);
    const converted = await convertDocument({ bytes: await readFile(SEED), fileName: 'seed.txt', kind: 'summaries', indicators });
    const suggested = new Map(converted.figures.map((figure) => [figure.text, figure.suggestedIndicator]));
    for (const id of suggested.values()) if (id) expect(indicators.map((i) => i.id)).toContain(id);
    const byValue = (value: number, unit: string) => indicators.find((i) => i.unit === unit && i.values.some((v) => v.value === value))?.id;
    expect(suggested.get('8555份')).toBe(byValue(8555, '份'));
    expect(suggested.get('1930个')).toBe(byValue(1930, '个'));
    expect(suggested.get('8555份')).toBeDefined();
    // 超过100万件 is recorded as 1000000 件 in 万.
    expect(suggested.get('100万件')).toBe('grid-events-reported');
  });
});

describe('figures', () => {
  const indicators: IndicatorReference[] = [
    { id: 'documents-received', name: '收文数量', unit: '份', values: [{ value: 8555 }] },
    { id: 'documents-processed', name: '办文数量', unit: '份', values: [{ value: 5434 }] },
    { id: 'classified-documents', name: '接收办理涉密文件', unit: '份', values: [{ value: 807, growth: 26 }] },
    { id: 'activities', name: '政务活动', unit: '个', values: [] },
  ];
  const figuresIn = (text: string) => findFigures(textToMdast(text));

  it('suggests the indicator that already records the figure, or that the clause names', () => {
    const [received, processed] = figuresIn('全年共收文8555份,办文5434份。');
    expect(suggestIndicator(received!, indicators)).toBe('documents-received');
    expect(suggestIndicator(processed!, indicators)).toBe('documents-processed');
    const [, growth] = figuresIn('接收办理涉密文件807份,同比增长26%。');
    expect(suggestIndicator(growth!, indicators)).toBe('classified-documents');
    expect(suggestIndicator(figuresIn('全年共组织政务活动2000个。')[0]!, indicators)).toBe('activities');
  });

  it('suggests nothing when no indicator fits', () => {
    expect(suggestIndicator(figuresIn('新建停车场12个。')[0]!, indicators)).toBeUndefined();
    expect(suggestIndicator(figuresIn('发放宣传册100万件。')[0]!, indicators)).toBeUndefined();
  });

  it('reads 万 and 亿 as the figure’s scale, with the whole number as its value, as the indicator data writes them', () => {
    expect(figuresIn('全年办件100万件。')[0]).toMatchObject({ text: '100万件', value: 1_000_000, unit: '件', scale: '万' });
    expect(figuresIn('投入资金1.15亿元。')[0]).toMatchObject({ text: '1.15亿元', value: 115_000_000, unit: '元', scale: '亿' });
    expect(figuresIn('全年办件120多万件。')[0]).toMatchObject({ value: 1_200_000, qualifier: '多', scale: '万' });
  });
});

describe('parseDateLine', () => {
  it.each([
    ['2020年12月31日', '2020-12-31'],
    ['二〇二〇年十二月三十一日', '2020-12-31'],
    ['（2021年3月5日）', '2021-03-05'],
    ['2020年2月30日', undefined],
    ['2020年12月31日印发通知', undefined],
  ])('%s → %s', (line, iso) => {
    expect(parseDateLine(line)).toBe(iso);
  });
});

async function makeDocx(): Promise<Buffer> {
  const document = new Document({
    footnotes: { 1: { children: [new Paragraph('数据来源：区政务服务中心统计。')] } },
    sections: [
      {
        children: [
          new Paragraph({ text: '深光综〔2021〕5号', alignment: AlignmentType.CENTER }),
          new Paragraph({ text: '关于2021年政务服务工作情况的报告', heading: HeadingLevel.TITLE }),
          new Paragraph('区管委会：'),
          new Paragraph({ text: '一、总体情况', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun({ text: '（一）办件量大幅增长。', bold: true }),
              new TextRun('全年办理政务服务事项100万件'),
              new FootnoteReferenceRun(1),
              new TextRun('，同比增长26%。'),
            ],
          }),
          new Table({
            rows: [
              new TableRow({ children: ['指标', '数值'].map((text) => new TableCell({ children: [new Paragraph(text)] })) }),
              new TableRow({ children: ['办件量', '100万件'].map((text) => new TableCell({ children: [new Paragraph(text)] })) }),
            ],
          }),
          new Paragraph('1．窗口服务。一是推行“一窗通办”，二是延长服务时间。'),
          new Paragraph('（1）延时服务。工作日延长至19时。'),
          new Paragraph('——群众满意度有新提升。满意率达98%。'),
          new Paragraph('光明新区综合办公室'),
          new Paragraph('2021年12月31日'),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

describe('importing a .docx', () => {
  it('keeps headings, the table and the footnote, and reads the metadata', async () => {
    const converted = await convertDocument({ bytes: await makeDocx(), fileName: 'report.docx', kind: 'reports', indicators: [] });
    expect(converted.metadata).toEqual({
      docNo: '深光综〔2021〕5号',
      title: '关于2021年政务服务工作情况的报告',
      issuer: '光明新区综合办公室',
      date: '2021-12-31',
    });
    expect(converted.todo).toEqual([]);
    expect(headingTree(converted.body)).toEqual([
      [2, '一、总体情况'],
      [3, '（一）办件量大幅增长。'],
      [4, '1．窗口服务。'],
      [5, '（1）延时服务。'],
    ]);
    const table = (markdownToMdast(converted.body) as Root).children.find((node) => node.type === 'table');
    expect(table && table.children.map((row) => row.children.map((cell) => toString(cell)))).toEqual([
      ['指标', '数值'],
      ['办件量', '100万件'],
    ]);
    expect(converted.body).toContain('全年办理政务服务事项100万件[^1]，同比增长26%。');
    expect(converted.body).toContain('[^1]: 数据来源：区政务服务中心统计。');
    expect(converted.body).toContain('一是推行“一窗通办”，二是延长服务时间。');
    expect(converted.body).toContain('——群众满意度有新提升。满意率达98%。');
    expect(converted.figures.map((figure) => figure.text)).toEqual(['100万件', '同比增长26%', '100万件', '98%']);

    const { html } = renderLikeSite(converted.markdown, 'md');
    expect(html).toContain('<table>');
    expect(html).toMatch(/<section[^>]*class="footnotes"/);
    expect(html).not.toContain('深光综〔2021〕5号');
  });
});

describe('importDocument', () => {
  it('writes the document and its review file, and refuses to overwrite either', async () => {
    const contentDir = await makeContent({});
    const input = path.join(await tempDir(), '2020年工作总结.txt');
    await writeFile(input, iconv.encode(await readFile(SEED, 'utf8'), 'gb18030'));
    const result = await importDocument({ input, kind: 'summaries', contentDir });
    expect(result.output).toBe(path.join(contentDir, 'summaries', '2020年工作总结.md'));
    expect(result.encoding).toBe('gb18030');
    expect(result.review).toBe(reviewFileFor(result.output));
    const review = parseYamlSource(await readFile(result.review!, 'utf8')).data as { figures: unknown[] };
    expect(review.figures).toEqual(result.figures);

    await writeFile(result.output, '编辑改过的内容');
    await expect(importDocument({ input, kind: 'summaries', contentDir })).rejects.toThrow(/--force/);
    expect(await readFile(result.output, 'utf8')).toBe('编辑改过的内容');
    await importDocument({ input, kind: 'summaries', contentDir, force: true });
    expect(await readFile(result.output, 'utf8')).toBe(result.markdown);
  });

  it('refuses when only the review file exists, and writes neither file', async () => {
    const contentDir = await makeContent({});
    const input = path.join(await tempDir(), 'report.txt');
    await writeFile(input, await readFile(SEED, 'utf8'));
    const output = path.join(contentDir, 'summaries', 'report.md');
    await mkdir(path.dirname(output), { recursive: true });
    await writeFile(reviewFileFor(output), '# 编辑正在核对的复核文件\n');
    const attempt = importDocument({ input, kind: 'summaries', contentDir });
    await expect(attempt).rejects.toThrow(ImportRefusal);
    await expect(attempt).rejects.toThrow(/report\.review\.yaml 已存在.*--force/);
    expect(await readFile(reviewFileFor(output), 'utf8')).toBe('# 编辑正在核对的复核文件\n');
    expect(existsSync(output)).toBe(false);
    // --force replaces both.
    const forced = await importDocument({ input, kind: 'summaries', contentDir, force: true });
    expect(await readFile(forced.review!, 'utf8')).toContain('figures:');
    expect(await readFile(output, 'utf8')).toBe(forced.markdown);
  });

  it('refuses an output that a symbolic link inside content/ takes outside it, and writes nothing there', async () => {
    const contentDir = await makeContent({ 'reports/existing.md': '正文' });
    const outside = await tempDir('gazette-outside-');
    await symlink(outside, path.join(contentDir, 'reports', 'linked'));
    const input = path.join(await tempDir(), 'report.txt');
    await writeFile(input, await readFile(SEED, 'utf8'));
    for (const out of [path.join(contentDir, 'reports', 'linked', 'x.md'), path.join(contentDir, 'reports', 'linked', 'sub', 'x.md')]) {
      const attempt = importDocument({ input, kind: 'reports', contentDir, out });
      await expect(attempt).rejects.toThrow(ImportRefusal);
      await expect(attempt).rejects.toThrow(new RegExp(`符号链接.*${outside}.*symbolic link`));
    }
    expect(await readdir(outside)).toEqual([]);
    // A kind folder that is itself a link out of content/ is refused the same way.
    const linkedKind = await makeContent({});
    await symlink(outside, path.join(linkedKind, 'reports'));
    await expect(importDocument({ input, kind: 'reports', contentDir: linkedKind })).rejects.toThrow(/符号链接/);
    expect(await readdir(outside)).toEqual([]);
  });

  it.each(['！！！.txt', '---.docx', '　.txt'])('refuses a file name that gives no URL slug (%s) and asks for --out', async (name) => {
    const contentDir = await makeContent({});
    const input = path.join(await tempDir(), name);
    await writeFile(input, '一、总体情况');
    const attempt = importDocument({ input, kind: 'reports', contentDir });
    await expect(attempt).rejects.toThrow(ImportRefusal);
    await expect(attempt).rejects.toThrow(
      /无法从文件名生成网址.*请用 --out 指定.*（the file name gives no URL; name the output with --out）/,
    );
    expect(existsSync(path.join(contentDir, 'reports'))).toBe(false);
  });

  it.each([
    ['an unknown kind', { kind: 'memos' }, /memos/],
    ['an empty file', { content: '' }, /没有正文/],
    ['a file of blank lines', { content: '\r\n  \r\n\u3000\n' }, /没有正文/],
    ['an unreadable file', { content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0xd8, 0xff, 0]) }, /无法读取/],
    ['a missing file', { missing: true }, /无法读取/],
    ['a type it cannot read', { name: 'scan.pdf' }, /\.txt/],
  ])('refuses %s', async (_name, setup: { kind?: string; content?: string | Buffer; missing?: boolean; name?: string }, message) => {
    const contentDir = await makeContent({});
    const input = path.join(await tempDir(), setup.name ?? 'input.txt');
    if (!setup.missing) await writeFile(input, setup.content ?? '一、总体情况');
    const attempt = importDocument({ input, kind: setup.kind ?? 'reports', contentDir });
    await expect(attempt).rejects.toThrow(ImportRefusal);
    await expect(attempt).rejects.toThrow(message);
  });
});
