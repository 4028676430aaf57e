import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus/generate.ts';
import { benchQueries, blockContains, bodyBlocks, documentsContaining, readCorpus } from '../../bench/corpus/queries.ts';
import { tempDir } from '../helpers/temp-dir.ts';

describe('what a benchmark query truly matches', () => {
  it('matches Latin letters and digits only as whole words, Han characters anywhere', () => {
    expect(blockContains('轨道16号线工程', '6号线')).toBe(false);
    expect(blockContains('轨道6号线工程', '6号线')).toBe(true);
    expect(blockContains('第2019年度', '2019')).toBe(true);
    expect(blockContains('编号20190', '2019')).toBe(false);
    expect(blockContains('11440300mb2c000123', 'mb2c')).toBe(false);
    expect(blockContains('土地整备工作', '整备')).toBe(true);
  });

  it('splits a body into the blocks a page shows: run-in headings apart, table cells, no MDX components', () => {
    const blocks = bodyBlocks(
      [
        '一、基本情况',
        '',
        '（一）督查督办工作力度加大。全年办理件数增加。',
        '',
        '| 指标 | 2020年 |',
        '| --- | --- |',
        '| 收文 | 8555 |',
        '',
        '<IndicatorChart ids={["a"]} />',
      ].join('\n'),
    );
    expect(blocks).toEqual(['一、基本情况', '（一）督查督办工作力度加大。', '全年办理件数增加。', '指标', '2020年', '收文', '8555']);
    // The components as the page shows them: the figure in its sentence, the chart's data table.
    const indicators = new Map([
      [
        'docs-1',
        {
          name: '收文',
          unit: '份',
          values: [
            { year: 2019, value: 8555 },
            { year: 2020, value: 9001 },
          ],
        },
      ],
    ]);
    expect(
      bodyBlocks('全年收文<Indicator id="docs-1" year={2020} />，详见下图。\n\n<IndicatorChart ids={["docs-1"]} />', indicators),
    ).toEqual(['全年收文9001份，详见下图。', '收文', '2019年', '8555份', '2020年', '9001份']);
    // No match runs across two blocks.
    const document = { title: '标题', body: blocks, metadata: [], published: true } as never;
    expect(documentsContaining([document], '加大。全年', 'gazette')).toEqual([]);
    expect(documentsContaining([document], '加大。', 'gazette')).toEqual([document]);
  });
});

describe('the benchmark query set', async () => {
  const corpus = await tempDir('gazette-bench-queries-');
  await generateCorpus(corpus, { docs: 300, seed: 'queries' });
  const documents = await readCorpus(corpus);
  const queries = benchQueries(documents);

  it('has at least twelve queries of every sort the issue names, drawn the same way each time', async () => {
    expect(queries.length).toBeGreaterThanOrEqual(12);
    const lengths = new Set(queries.filter((q) => /^\p{Script=Han}+$/u.test(q.query)).map((q) => q.query.length));
    for (const length of [1, 2, 3, 4, 5, 6]) expect(lengths).toContain(length);
    expect(queries.some((q) => /〔\d{4}〕\d+号$/.test(q.query))).toBe(true);
    expect(queries.some((q) => /^[0-9A-Z]+$/.test(q.query))).toBe(true);
    expect(queries.filter((q) => q.query.includes(' ')).length).toBeGreaterThanOrEqual(2);
    expect(benchQueries(await readCorpus(corpus))).toEqual(queries);
  });

  it('knows documents that contain each query: rare ones in a few, common ones in many', () => {
    for (const { query, kind } of queries) {
      const count = documentsContaining(documents, query, 'gazette').length;
      expect(count, query).toBeGreaterThan(0);
      if (kind.startsWith('rare')) expect(count, query).toBeLessThanOrEqual(5);
    }
    expect(documentsContaining(documents, '土地整备', 'gazette').length).toBeGreaterThan(30);
  });

  it('judges each site by what it publishes: Gazette its published documents with metadata, the baseline every page without', async () => {
    const docNo = queries.find((q) => q.kind === '文号')!.query;
    expect(documentsContaining(documents, docNo, 'gazette').length).toBeGreaterThan(0);
    expect(documentsContaining(documents, docNo, 'baseline')).toEqual([]);
    const drafts = documents.filter((document) => !document.published);
    expect(drafts.length).toBeGreaterThan(0);
    const draftTitle = drafts[0]!.title;
    expect(documentsContaining(documents, draftTitle, 'gazette')).not.toContain(drafts[0]);
    expect(documentsContaining(documents, draftTitle, 'baseline')).toContain(drafts[0]);
    // Every document a query finds in the baseline has the words in its source file.
    for (const document of documentsContaining(documents, '应急管理', 'baseline')) {
      expect(await readFile(path.join(corpus, document.file), 'utf8')).toContain('应急管理');
    }
  });

  it('places each document at its URL on each site', () => {
    const bulletin = documents.find((document) => document.kind === 'bulletins')!;
    expect(bulletin.urls.gazette).toMatch(/^bulletins\/[a-z-]+\/\d{4}\/\d+\/$/);
    expect(bulletin.urls.baseline).toBe(`${bulletin.file.replace(/\.mdx?$/, '')}/`);
  });
});
