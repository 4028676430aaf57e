/**
 * Builds the `indicators` fixture (multi-year series, a disputed and a
 * correct rate, a derived value, a figure from a restricted document, MDX
 * prose with figures and charts, reform records) and asserts on the pages,
 * charts, downloads and report the build really writes; then the builds
 * that must fail.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildSite, listFiles, listHtmlFiles, makeContent, readPage, type BuildResult } from '../helpers/build-site.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { buildIsolated } from '../helpers/isolated-build.ts';
import { FIXTURE_SITES, REPO_ROOT } from '../helpers/paths.ts';
import { inlineSvgs, parseSvg, seriesMarks } from '../helpers/svg.ts';
import { PALETTE } from '../../src/charts/spec.ts';

const FIXTURE = path.join(FIXTURE_SITES, 'indicators');
const SHIPPED = path.join(REPO_ROOT, 'content');
const BASE = '/kb/';

interface FixtureValue {
  year: number;
  value: number;
  growth?: number;
  scale?: string;
  source?: string;
}

/** A content folder's indicators as written in its YAML files. */
async function indicatorsIn(contentDir: string): Promise<Map<string, { name: string; unit: string; values: FixtureValue[] }>> {
  const all = new Map();
  const dir = path.join(contentDir, 'indicators');
  for (const file of await readdir(dir)) {
    const group = parseYaml(await readFile(path.join(dir, file), 'utf8'));
    for (const [id, indicator] of Object.entries(group.indicators)) all.set(id, indicator);
  }
  return all;
}

/** RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  if (field !== '' || row.length > 0) throw new Error('CSV does not end with CRLF');
  return rows;
}

/** Rows of the table that holds `marker` (its caption) or else comes next after it, as text cells (tags stripped). */
function tableRows(html: string, marker: string): string[][] {
  const at = html.indexOf(marker);
  expect(at, `no "${marker}" in page`).toBeGreaterThan(-1);
  const opening = html.lastIndexOf('<table', at);
  const start = opening > html.lastIndexOf('</table>', at) ? opening : at;
  const table = html.slice(start).match(/<table[\s\S]*?<\/table>/)![0];
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => cell[1]!.replace(/<[^>]+>/g, '').trim()),
  );
}

const build = (options: Parameters<typeof buildIsolated>[0]) => buildIsolated(options, 'indicators-');

describe('indicators built from the fixture', () => {
  let site: BuildResult;
  let indicators: Awaited<ReturnType<typeof indicatorsIn>>;
  let pages: string[];
  beforeAll(async () => {
    site = await build({ contentDir: FIXTURE, base: BASE });
    indicators = await indicatorsIn(FIXTURE);
    pages = await listHtmlFiles(site.outDir);
  });

  it('builds, warning about 整改率 and naming the document and both numbers', () => {
    expect(site.output).toContain('Complete!');
    expect(site.ok).toBe(true);
    const warning = site.output.split('\n').find((line) => line.includes('WARN') && line.includes('hazard-rectification-rate'));
    expect(warning).toMatch(/gazette-figures-report/);
    expect(warning).toContain('indicators/emergency.yaml');
    expect(warning).toContain('summaries/summary-2020《测试办2020年工作总结》');
    expect(warning).toContain('78%');
    expect(warning).toContain('79.3%');
    expect(warning).toMatch(/226宗.*285宗/);
    expect(site.output).toContain('figures: 2 recomputed, 1 warning (_report/figures.json)');
    expect(site.output).not.toMatch(/central-docs-rate.*WARN|WARN.*central-docs-rate/);
  });

  it('writes the figures report with the warning and the passing check', async () => {
    const report = JSON.parse(await readFile(path.join(site.outDir, '_report/figures.json'), 'utf8'));
    expect(report.checked).toBe(2);
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toMatchObject({
      indicator: 'hazard-rectification-rate',
      year: 2020,
      printed: 78,
      computed: 79.3,
      ok: false,
    });
    expect(report.warnings[0].inputs.map((input: { value: number }) => input.value)).toEqual([226, 285]);
    expect(report.passed).toHaveLength(1);
    expect(report.passed[0]).toMatchObject({ indicator: 'central-docs-rate', printed: 91.5, computed: 91.5, ok: true });
  });

  it('gives each published indicator a page whose table holds the data', async () => {
    const published = [...indicators.keys()].filter((id) => id !== 'restricted-only');
    for (const id of published) {
      const html = await readPage(site.outDir, `indicators/${id}/`);
      const { name, unit, values } = indicators.get(id)!;
      expect(html).toContain(`<h1 data-astro-cid`.slice(0, 3));
      expect(html).toContain(`>${name}</h1>`);
      const rows = tableRows(html, `${name}（${unit}）：数据表`);
      expect(rows[0]).toEqual(['年份', '数值', '来源', '备注']);
      for (const value of values) {
        const row = rows.find((cells) => cells[0] === `${value.year}年`);
        expect(row, `${id} ${value.year}`).toBeDefined();
        // As official documents print figures: no grouping commas.
        expect(row![1]).toBe(`${value.value}${unit}`);
      }
      expect(html).toMatch(/<caption[^>]*>/);
      expect(html).toMatch(/<th scope="col"[^>]*>年份<\/th>/);
      expect(html).toMatch(/<th scope="row"[^>]*>2020年<\/th>/);
    }
  });

  it('derives the year before from a stated growth and says so', async () => {
    const html = await readPage(site.outDir, 'indicators/classified-received/');
    const rows = tableRows(html, '接收办理涉密文件（份）：数据表');
    expect(rows.find((row) => row[0] === '2019年')).toEqual([
      '2019年',
      '640份（推算）',
      '《测试办2020年工作总结》',
      '由2020年数值807份及原文所述同比增长26%推算并取整，非原文数值',
    ]);
    expect(html).toContain('增加167份（+26.1%）');
    // The table's footnote says what 推算 means; the chart's caption says how an estimate is drawn.
    expect(rows.at(-1)).toEqual(['注：标“推算”的数值不是原文数值，而是由下一年的原文数值及原文所述增长率推算并取整得出。']);
    expect(html).toMatch(/<figcaption[^>]*>[\s\S]*空心点、虚线：推算值，非原文数值[\s\S]*<\/figcaption>/);
    expect(html).toMatch(/<desc[^>]*>折线图。接收办理涉密文件（份）：2019年640份（推算），2020年807份<\/desc>/);
    // Both renditions of the chart draw the estimate hollow, with the line into it dashed.
    const charts = inlineSvgs(html)
      .map(parseSvg)
      .filter((svg) => svg.root.attributes.class?.startsWith('chart chart--line'));
    expect(charts.map((svg) => svg.root.attributes.class)).toEqual(['chart chart--line', 'chart chart--line chart--narrow']);
    for (const svg of charts) {
      expect(seriesMarks(svg, PALETTE[0])).toMatchObject({
        filledPoints: [expect.any(String)],
        hollowPoints: [expect.any(String)],
        dashedLines: [expect.any(String)],
        solidLines: [],
      });
    }
    // A table with printed figures only has no such footnote, and its chart no such caption.
    const printed = await readPage(site.outDir, 'indicators/docs-received/');
    expect(printed).not.toContain('推算值');
    expect(printed).not.toContain('data-table__note');
  });

  it('shows 78% as printed, with the recomputed figure beside it', async () => {
    const html = await readPage(site.outDir, 'indicators/hazard-rectification-rate/');
    const row = tableRows(html, '风险隐患整改率（%）：数据表').find((cells) => cells[0] === '2020年')!;
    expect(row[1]).toBe('78%');
    expect(row[3]).toContain('79.3%');
    expect(row[3]).toContain('整改风险隐患226宗 ÷ 排查风险隐患285宗');
    const rate = tableRows(await readPage(site.outDir, 'indicators/central-docs-rate/'), '审定文件落实率（%）：数据表');
    expect(rate.find((cells) => cells[0] === '2020年')).toEqual(['2020年', '91.5%', '《测试办2020年工作总结》', '—']);
  });

  it('links sources under the base, gives citation text and downloads', async () => {
    const html = await readPage(site.outDir, 'indicators/docs-received/');
    expect(html).toContain(`href="${BASE}summaries/summary-2019/"`);
    expect(html).toContain(`href="${BASE}summaries/summary-2020/"`);
    // Built without SITE_URL: the path under the site's name, never a made-up host.
    expect(html).toContain('测试办公室. 收文数量（2018—2020年）[DS/OL]. 光明新区综合办文献库. /kb/indicators/docs-received/.');
    expect(html).toContain(`href="${BASE}indicators/docs-received.csv"`);
    expect(html).toContain(`href="${BASE}indicators/docs-received.json"`);
    expect(html).toContain('增加555份（+6.9%）');
  });

  it('built without SITE_URL, warns and prints no made-up host outside the feeds and the sitemap', async () => {
    const warning = site.output.split('\n').find((line) => line.includes('[gazette-site-url]'));
    expect(warning).toMatch(
      /WARN.*未设置 SITE_URL：引用和下载数据中的链接只写站内路径.*（SITE_URL is not set: citations and downloads show paths only/,
    );
    const withHost: string[] = [];
    for (const file of await listFiles(site.outDir)) {
      if (!/\.(html|csv|json)$/.test(file)) continue;
      if ((await readFile(path.join(site.outDir, file), 'utf8')).includes('localhost')) withHost.push(file);
    }
    expect(withHost).toEqual([]);
    // Feeds and the sitemap need absolute URLs: they carry the stand-in the warning names.
    expect(await readFile(path.join(site.outDir, 'rss.xml'), 'utf8')).toContain('http://localhost/kb/');
  });

  it('leaves out figures whose only source is an unpublished document', async () => {
    expect(pages.some((page) => page.startsWith('indicators/restricted-only'))).toBe(false);
    const csv = await readFile(path.join(site.outDir, 'indicators/data.csv'), 'utf8');
    expect(csv).not.toContain('restricted-only');
    expect(csv).not.toContain('不予公开的数字报告');
    const index = await readPage(site.outDir, 'indicators/');
    expect(index).not.toContain('仅见于不公开文件的数字');
  });

  it('writes the downloads: CSV with a BOM that parses back to the data, and JSON', async () => {
    const csvText = await readFile(path.join(site.outDir, 'indicators/data.csv'), 'utf8');
    expect(csvText.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = parseCsv(csvText.slice(1));
    expect(header).toEqual(['指标编号', '指标名称', '类别', '单位', '年份', '数值', '约数', '推算', '来源文档', '来源链接', '备注']);
    for (const [id, indicator] of indicators) {
      if (id === 'restricted-only') continue;
      for (const value of indicator.values) {
        const row = rows.find((cells) => cells[0] === id && cells[4] === String(value.year));
        expect(row, `${id} ${value.year}`).toBeDefined();
        expect(row![5]).toBe(String(value.value));
        expect(row![9]).toBe(`/kb/${value.source}/`);
      }
    }
    expect(rows.find((cells) => cells[0] === 'classified-received' && cells[4] === '2019')![7]).toBe('是');

    const single = await readFile(path.join(site.outDir, 'indicators/docs-received.csv'), 'utf8');
    expect(
      parseCsv(single.slice(1))
        .slice(1)
        .map((cells) => [cells[4], cells[5]]),
    ).toEqual([
      ['2018', '7000'],
      ['2019', '8000'],
      ['2020', '8555'],
    ]);

    const dataset = JSON.parse(await readFile(path.join(site.outDir, 'indicators/data.json'), 'utf8'));
    expect(dataset.indicators.map((i: { id: string }) => i.id).sort()).toEqual(
      [...indicators.keys()].filter((id) => id !== 'restricted-only').sort(),
    );
    const one = JSON.parse(await readFile(path.join(site.outDir, 'indicators/docs-received.json'), 'utf8'));
    expect(one).toMatchObject({ id: 'docs-received', name: '收文数量', unit: '份', url: '/kb/indicators/docs-received/' });
    expect(one.values.map((v: FixtureValue) => [v.year, v.value])).toEqual(
      indicators.get('docs-received')!.values.map((v) => [v.year, v.value]),
    );
  });

  it('neutralises every text cell of every CSV download that a spreadsheet would run as a formula', async () => {
    const csvFiles = (await readdir(path.join(site.outDir, 'indicators'))).filter((file) => file.endsWith('.csv'));
    expect(csvFiles).toContain('data.csv');
    expect(csvFiles).toContain('docs-processed.csv');
    const formulaLike: string[] = [];
    for (const file of csvFiles) {
      const [header, ...rows] = parseCsv((await readFile(path.join(site.outDir, 'indicators', file), 'utf8')).slice(1));
      for (const row of rows) {
        row.forEach((cell, column) => {
          // A number in the 年份 or 数值 column is data; any other cell starting like a formula is a hole.
          const numeric = ['年份', '数值'].includes(header![column]!) && Number.isFinite(Number(cell));
          if (/^[\t\r]|^\s*[=+\-@]/.test(cell) && !numeric) formulaLike.push(`${file}: ${header![column]} ${cell}`);
        });
      }
      if (file === 'data.csv' || file === 'docs-processed.csv') {
        const notes = rows.filter((cells) => cells[0] === 'docs-processed').map((cells) => [cells[4], cells[10]]);
        expect(notes, file).toEqual([
          ['2019', `'=HYPERLINK("http://example.invalid/","口径说明")`],
          ['2020', "'-3.5%为初步统计数"],
        ]);
      }
    }
    expect(formulaLike).toEqual([]);
  });

  it('lists every indicator by category with its latest figure and change', async () => {
    const html = await readPage(site.outDir, 'indicators/');
    for (const category of ['文件处理', '应急管理', '改革']) expect(html).toMatch(new RegExp(`<h2 id="[^"]+"[^>]*>${category}</h2>`));
    const rows = tableRows(html, '>文件处理</h2>');
    const received = rows.find((cells) => cells[0] === '收文数量')!;
    expect(received.slice(0, 3)).toEqual(['收文数量', '8555份（2020年）', '增加555份（+6.9%）']);
    // The sparkline's accessible name and summary.
    expect(received[3]).toBe('收文数量（份）迷你折线图。收文数量（份）：2018年7000份，2019年8000份，2020年8555份');
    expect(rows.find((cells) => cells[0] === '办文数量')![2]).toBe('增加434份（+8.7%）');
    // A small chart for every series; a single year has nothing to draw a line through.
    const fileSection = html.slice(html.indexOf('>文件处理</h2>'), html.indexOf('</section>', html.indexOf('>文件处理</h2>')));
    expect(fileSection.match(/class="chart chart--sparkline"/g)).toHaveLength(3);
    expect(html).toContain(`href="${BASE}indicators/data.csv"`);
  });

  it('prints figures from the data in MDX prose, linked to their indicator', async () => {
    const html = await readPage(site.outDir, 'reports/figures-in-prose/');
    expect(html).toMatch(
      new RegExp(`2020年全年收文<a class="indicator-figure"[^>]*href="${BASE}indicators/docs-received/"[^>]*>8555份</a>`),
    );
    expect(html).toMatch(/2019年为<a [^>]*>8000份<\/a>/);
    expect(html.match(/<figure class="chart-figure"/g)).toHaveLength(3);
    expect(html).toContain('风险隐患排查与整改');
  });

  it('lists on a document page the indicators taken from it', async () => {
    const html = await readPage(site.outDir, 'summaries/summary-2020/');
    const aside = html.match(/<aside class="document-indicators"[\s\S]*?<\/aside>/)![0];
    for (const id of ['docs-received', 'docs-processed', 'classified-received', 'hazard-rectification-rate', 'central-docs-rate']) {
      expect(aside).toContain(`href="${BASE}indicators/${id}/"`);
    }
    // Only what this document printed: not the 2018/2019 figures of another summary, not the derived 2019 value.
    expect(aside).toContain('8555份（2020年）');
    expect(aside).not.toContain('8000份');
    expect(aside).not.toContain('640份');
    const older = await readPage(site.outDir, 'summaries/summary-2019/');
    expect(older).toContain('7000份（2018年）、8000份（2019年）');
  });

  it('computes the reform dashboard from the records and the indicators', async () => {
    const html = await readPage(site.outDir, 'reforms/');
    const dashboard = html.match(/<section class="reform-dashboard"[\s\S]*?<\/section>\s*(?=<ul class="doc-list")/)![0];
    expect(dashboard).toMatch(/审定文件落实率<\/a>（2020年）：\s*<strong[^>]*>91\.5%<\/strong>/);
    expect(dashboard).toContain('已落实审定文件140个');
    expect(dashboard).toContain('对接审定文件153个');
    expect(tableRows(dashboard, '改革事项：按推进状态：数据表').slice(1)).toEqual([
      ['谋划中', '0项'],
      ['推进中', '2项'],
      ['已完成', '1项'],
      ['已暂停', '0项'],
    ]);
    expect(tableRows(dashboard, '改革事项：按试点层级：数据表').slice(1)).toEqual([
      ['国家试点', '1项'],
      ['省级试点', '0项'],
      ['市级试点', '1项'],
      ['区级', '1项'],
    ]);
    expect(tableRows(dashboard, '改革举措与制度成果：按年度：数据表').slice(1)).toEqual([
      ['2019年', '10条', '0项'],
      ['2020年', '142条', '76项'],
    ]);
    expect(dashboard.match(/class="chart chart--bar"/g)).toHaveLength(3);
  });

  it('draws every chart as SVG that parses, with paths, no text nodes, role="img" and a title', async () => {
    let charts = 0;
    for (const page of pages) {
      const html = await readFile(path.join(site.outDir, page), 'utf8');
      for (const markup of inlineSvgs(html)) {
        const svg = parseSvg(markup);
        expect(svg.root.name).toBe('svg');
        if (!svg.root.attributes.class?.startsWith('chart')) continue;
        charts++;
        expect(svg.root.attributes.xmlns).toBe('http://www.w3.org/2000/svg');
        expect(svg.root.attributes.role).toBe('img');
        const title = svg.elements.find((element) => element.attributes.id === svg.root.attributes['aria-labelledby']);
        expect(title?.name, page).toBe('title');
        expect(svg.texts.find((text) => text.parent === 'title')!.text.length).toBeGreaterThan(1);
        expect(svg.elements.filter((element) => element.name === 'path').length).toBeGreaterThan(3);
        expect(svg.elements.some((element) => element.name === 'text' || element.name === 'tspan')).toBe(false);
        expect(svg.texts.every((text) => text.parent === 'title' || text.parent === 'desc')).toBe(true);
        // Nothing from outside the site.
        expect(markup).not.toMatch(/(href|src)="(https?:)?\/\//);
      }
    }
    expect(charts).toBeGreaterThan(20);
  });

  it('keeps ids unique on pages with several charts, the same chart twice included', async () => {
    for (const page of ['reports/figures-in-prose/', 'indicators/', 'reforms/']) {
      const html = await readPage(site.outDir, page);
      const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
      expect(ids.length).toBeGreaterThan(10);
      expect(
        ids.filter((id, index) => ids.indexOf(id) !== index),
        page,
      ).toEqual([]);
      for (const reference of html.matchAll(/url\(#([^)]+)\)/g)) expect(ids, page).toContain(reference[1]);
    }
  });

  it('draws a series as a line and a single year as bars', async () => {
    expect(await readPage(site.outDir, 'indicators/docs-received/')).toMatch(/<svg[^>]*class="chart chart--line"/);
    expect(await readPage(site.outDir, 'indicators/hazards-identified/')).toMatch(/<svg[^>]*class="chart chart--bar"/);
  });

  describe('in strict mode', () => {
    let strict: BuildResult;
    beforeAll(async () => {
      strict = await build({ contentDir: FIXTURE, base: BASE, env: { GAZETTE_STRICT: '1' } });
    });

    it('fails on the disputed figure', () => {
      expect(strict.ok).toBe(false);
      expect(strict.output).toContain('hazard-rectification-rate');
      expect(strict.output).toMatch(/strict mode: 1 figure warning/);
    });

    it('is also what `npm run build -- --strict` asks for, and then publishes nothing', async () => {
      const outDir = path.join(await tempDir('gazette-strict-'), 'dist');
      const flagged = await buildSite({ contentDir: FIXTURE, base: BASE, pipeline: true, args: ['--strict'], outDir });
      expect(flagged.ok).toBe(false);
      expect(flagged.output).toMatch(/strict mode: 1 figure warning/);
      expect(existsSync(outDir)).toBe(false);
    });

    it('drew the same chart bytes as the first build, from its own empty cache', async () => {
      for (const page of ['indicators/docs-received/', 'indicators/', 'reforms/', 'reports/figures-in-prose/']) {
        const first = inlineSvgs(await readPage(site.outDir, page));
        const second = inlineSvgs(await readPage(strict.outDir, page));
        expect(first.length).toBeGreaterThan(0);
        expect(second).toEqual(first);
      }
    });
  });
});

describe('the shipped indicators', () => {
  let site: BuildResult;
  beforeAll(async () => {
    site = await build({ contentDir: SHIPPED });
  });

  it('flags 整改率78% and passes 落实率91.5%', async () => {
    expect(site.ok, site.output).toBe(true);
    const warning = site.output.split('\n').find((line) => line.includes('WARN') && line.includes('hazard-rectification-rate'));
    expect(warning).toContain('content/indicators/emergency.yaml');
    expect(warning).toContain('summaries/2020-annual-summary《综合办2020年工作总结和2021年工作计划》');
    expect(warning).toMatch(/原文为 78%.*226宗.*285宗.*79\.3%/);
    const report = JSON.parse(await readFile(path.join(site.outDir, '_report/figures.json'), 'utf8'));
    expect(report.warnings.map((w: { indicator: string }) => w.indicator)).toEqual(['hazard-rectification-rate']);
    expect(report.passed.map((w: { indicator: string }) => w.indicator)).toEqual(['central-documents-implementation-rate']);
    const dashboard = await readPage(site.outDir, 'reforms/');
    expect(dashboard).toMatch(/中央深改组审定文件落实率<\/a>（2020年）：\s*<strong[^>]*>91\.5%<\/strong>/);
  });

  it('makes every seed figure browsable with a chart and a table, sourced to the summary', async () => {
    const shipped = await indicatorsIn(SHIPPED);
    expect(shipped.size).toBeGreaterThan(50);
    const summary = await readPage(site.outDir, 'summaries/2020-annual-summary/');
    for (const [id, { name, unit, values }] of shipped) {
      const html = await readPage(site.outDir, `indicators/${id}/`);
      expect(html, id).toMatch(/<svg[^>]*class="chart chart--(line|bar)"/);
      const rows = tableRows(html, `${name}（${unit}）：数据表`);
      for (const value of values) {
        expect(value.source).toBe('summaries/2020-annual-summary');
        const cell = rows.find((cells) => cells[0] === `${value.year}年`)![1]!;
        // As the summary prints it: 8555份, 超过100万件 (never 1,000,000).
        const scaled = value.scale === '万' ? `${value.value / 10_000}万` : `${value.value}`;
        expect(cell.replace(/[多余]|超过/g, '')).toBe(`${scaled}${unit}`);
      }
      expect(summary, id).toContain(`href="/indicators/${id}/"`);
    }
    expect(tableRows(await readPage(site.outDir, 'indicators/grid-events-reported/'), '网格化平台上报实有事件（件）：数据表')[1]![1]).toBe(
      '超过100万件',
    );
    // Downloads keep the whole number, and say how the document printed it.
    const csv = parseCsv((await readFile(path.join(site.outDir, 'indicators/grid-events-reported.csv'), 'utf8')).slice(1));
    expect(csv[1]!.slice(4, 7)).toEqual(['2020', '1000000', '超过']);
    const json = JSON.parse(await readFile(path.join(site.outDir, 'indicators/grid-events-reported.json'), 'utf8'));
    expect(json.values[0]).toMatchObject({ value: 1_000_000, scale: '万', qualifier: '超过' });
  });

  it('derives 2019 from the three stated growth rates, marked as derived', async () => {
    for (const [id, derived] of [
      ['classified-documents-received', '640份'],
      ['telegrams-received', '160份'],
      ['superior-classified-documents', '378份'],
    ]) {
      const html = await readPage(site.outDir, `indicators/${id}/`);
      expect(html, id).toMatch(/<svg[^>]*class="chart chart--line"/);
      expect(html, id).toContain(`${derived}（推算）`);
      expect(html, id).toMatch(/推算并取整，非原文数值/);
    }
  });
});

const MISTAKES: { name: string; files: Record<string, string>; expected: string[]; base?: string }[] = [
  {
    name: 'an unknown id in <Indicator>',
    files: {
      'reports/bad-figure.mdx':
        '---\ntitle: 错误引用\ndate: 2021-01-01\nissuer: 测试\n---\n\n收文<Indicator id="no-such-indicator" year={2020} />。\n',
    },
    expected: ['reports/bad-figure.mdx', 'no-such-indicator', '指标不存在'],
  },
  {
    name: 'a year with no value in <Indicator>, under a base path',
    base: BASE,
    files: {
      'reports/bad-year.mdx':
        '---\ntitle: 错误年份\ndate: 2021-01-01\nissuer: 测试\n---\n\n收文<Indicator id="docs-processed" year={2017} />。\n',
    },
    expected: ['reports/bad-year.mdx', '没有 2017 年的数值'],
  },
  {
    name: 'an unknown source document',
    files: {
      'indicators/bad-source.yaml':
        'category: 测试\nissuer: 测试\nindicators:\n  orphan:\n    name: 无源指标\n    unit: 份\n    values:\n      - { year: 2020, value: 1, source: reports/no-such-report }\n',
    },
    expected: ['indicators/bad-source.yaml', 'indicators.orphan', 'reports/no-such-report'],
  },
  {
    name: 'a value that is not a number',
    files: {
      'indicators/bad-value.yaml':
        'category: 测试\nissuer: 测试\nindicators:\n  wordy:\n    name: 文字数值\n    unit: 份\n    values:\n      - { year: 2020, value: 8555份 }\n',
    },
    expected: ['indicators/bad-value.yaml', 'wordy', '应为：数字'],
  },
];

describe('indicator mistakes fail the build, naming the file', () => {
  it.each(MISTAKES)('$name', async ({ files, expected, base }) => {
    const result = await build({ contentDir: await makeContent(files, FIXTURE), base });
    expect(result.ok).toBe(false);
    for (const text of expected) expect(result.output).toContain(text);
  });
});
