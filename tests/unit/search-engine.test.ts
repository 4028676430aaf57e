/**
 * How the search engine (src/search/client/engine.ts) plans a query of
 * several parts, over an in-memory stand-in for Pagefind that behaves as
 * src/search/pagefind-contract.ts says the real one does (phrases (2),
 * positions (3), prefixes (8), date-sorted scores (5)); the real one is held
 * to those assumptions by tests/browser/pagefind-contract.test.ts, and the
 * engine is run against it on the fixture site by tests/browser/search.test.ts.
 * Here the documents are many enough to reach both ways of planning.
 */
import { describe, expect, it } from 'vitest';
import { SearchEngine } from '../../src/search/client/engine.ts';
import type { PagefindApi, PagefindResponse } from '../../src/search/pagefind-contract.ts';
import { parseQuery, titleSpan, toIndexContent } from '../../src/search/text.ts';

interface TestDocument {
  title: string;
  blocks: string[];
  date: string;
}

/** One shard of `documents`, searched as Pagefind searches an index written from `toIndexContent`. */
function standIn(documents: readonly TestDocument[]) {
  const span = titleSpan(documents.map((document) => document.title));
  const pages = documents.map((document, i) => ({
    id: `page${i}`,
    date: document.date,
    // Pagefind stores every word break as one space.
    words: toIndexContent(document.title, document.blocks, span).split(/\s+/u),
    fragment: { url: `/kb/d${i}/`, content: toIndexContent(document.title, document.blocks, span), meta: { title: document.title } },
  }));
  const terms: string[] = [];
  const pagefind: PagefindApi = {
    options: async () => undefined,
    init: async () => undefined,
    mergeIndex: async () => undefined,
    preload: async () => undefined,
    async search(term, options): Promise<PagefindResponse> {
      terms.push(term ?? '');
      const quoted = term?.startsWith('"') ?? false;
      const query = (term ?? '').replaceAll('"', '').split(' ');
      const found = pages.flatMap((page) => {
        const positions = quoted
          ? page.words.flatMap((_word, at) => (query.every((word, i) => page.words[at + i] === word) ? [at] : [])).slice(0, 1)
          : page.words.flatMap((word, at) => (word.startsWith(query[0]!) ? [at] : []));
        return positions.length > 0 ? [{ page, positions }] : [];
      });
      if (options?.sort) found.sort((a, b) => b.page.date.localeCompare(a.page.date));
      return {
        filters: {},
        results: found.map(({ page, positions }, rank) => ({
          id: page.id,
          score: rank + 1,
          words: positions,
          data: async () => page.fragment,
        })),
      };
    },
  };
  const manifest = {
    shards: [{ key: '2020', folder: '', weight: 1, titleSpan: span, documents: pages.length }],
    symbols: '',
    chunkStarts: {},
  };
  return {
    engine: SearchEngine.over(pagefind, manifest),
    terms,
    urlOf: (id: string) => pages.find((page) => page.id === id)!.fragment.url,
  };
}

/** The date of the `n`th document, newest last. */
const day = (n: number) => `2020-${String(1 + Math.floor(n / 28)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;

async function resultUrls(setup: ReturnType<typeof standIn>, query: string) {
  const outcome = await setup.engine.run({ parts: parseQuery(query), filters: {}, sort: 'relevance', counts: false });
  return { urls: outcome.results.map((result) => setup.urlOf(result.id)), rank: outcome.rank };
}

describe('a query of several parts', () => {
  // 60 documents with 工作; 在石村 in three of them, and in a fourth whose 工作 is split across two paragraphs.
  const documents: TestDocument[] = Array.from({ length: 60 }, (_, n) => ({
    title: `第${n}期简报`,
    blocks: [`本期工作会议纪要。`, n % 2 === 0 ? '会议部署下一步安排。' : '其他事项。'],
    date: day(n),
  }));
  documents[5]!.blocks.push('在石村开展整治。');
  documents[40]!.blocks.push('在石村旧改进展。');
  documents[41] = { title: '在石村工作情况', blocks: ['在石村工作有序推进。'], date: day(41) };
  documents[50] = { title: '第50期简报', blocks: ['在石村开展调研，做好工', '作安排。'], date: day(50) };

  it('checks a common part in the text of a short list rather than listing it', async () => {
    const setup = standIn(documents);
    const { urls, rank } = await resultUrls(setup, '在石村 工作');
    // In relevance order at once: the title match first, then the newest.
    expect(urls).toEqual(['/kb/d41/', '/kb/d40/', '/kb/d5/']);
    expect(rank).toBeUndefined();
    // The longer part is listed; 工作, in 59 of 60 documents, never is.
    expect(setup.terms.some((term) => term.includes('工作'))).toBe(false);
  });

  it('lists every part when each is common, and keeps the documents in all the lists', async () => {
    const setup = standIn(documents);
    const { urls, rank } = await resultUrls(setup, '会议 纪要');
    const expected = documents.flatMap((document, n) =>
      document.blocks.some((block) => block.includes('会议')) && document.blocks.some((block) => block.includes('纪要')) ? [n] : [],
    );
    expect(expected.length).toBeGreaterThan(30);
    // Each part listed once, by its phrase; the ranking then looks up their words' positions.
    expect(setup.terms.filter((term) => term.startsWith('"'))).toEqual(['"会议"', '"纪要"']);
    const all = (await rank!()).map((result) => setup.urlOf(result.id));
    expect(new Set(urls)).toEqual(new Set(all));
    expect([...all].sort()).toEqual(expected.map((n) => `/kb/d${n}/`).sort());
  });
});

describe('a query of one run of letters or digits', () => {
  it('runs its stray-shard check and its listing as one search', async () => {
    const setup = standIn([
      { title: '2019年工作总结', blocks: ['2019年完成各项任务。'], date: '2019-12-31' },
      { title: '2020年工作计划', blocks: ['对照2019年的目标。'], date: '2020-01-10' },
      { title: '其他', blocks: ['20190号文件。'], date: '2020-02-01' },
    ]);
    const { urls } = await resultUrls(setup, '2019');
    expect(urls.sort()).toEqual(['/kb/d0/', '/kb/d1/']);
    expect(setup.terms.filter((term) => term === '2019_')).toHaveLength(1);
  });
});
