import { describe, expect, it } from 'vitest';
import { extractBodyBlocks } from '../../src/lib/html-text.ts';
import { excerpt, findMatches, highlight, partMatches } from '../../src/search/excerpt.ts';
import { byRelevance, phraseStarts, relevance, textRelevance } from '../../src/search/ranking.ts';
import { facetOptions, searchRecord, type RecordSource } from '../../src/search/record.ts';
import { effectiveSort, parseSearchState, searchStateToParams } from '../../src/search/state.ts';
import {
  BLOCK_BREAK,
  SHARD_START_WORD,
  TITLE_END,
  WORD_BREAK,
  SPACE_WORD,
  foldText,
  firstToken,
  fromIndexText,
  indexPhrase,
  indexSymbols,
  isSearchablePart,
  parseQuery,
  splitIndexContent,
  symbolCharacters,
  titleSpan,
  toIndexContent,
  toIndexText,
} from '../../src/search/text.ts';

/** Index text with its invisible word breaks shown as `|`. */
const visible = (text: string) => text.replaceAll(WORD_BREAK, '|');

describe('traditional and simplified characters', () => {
  it('folds traditional characters to simplified, character by character', () => {
    expect(foldText('網格化管理')).toBe('网格化管理');
    expect(foldText('應急預案')).toBe('应急预案');
    expect(foldText('土地整備')).toBe('土地整备');
    expect(foldText('紅坳村')).toBe('红坳村');
  });
  it('folds Taiwan and Hong Kong variants too', () => {
    expect(foldText('裡為啟眾')).toBe('里为启众');
  });
  it('leaves simplified text as it is', () => {
    const simplified = '推进网格化工作，“1+6+N”管控指挥体系逐步成型。';
    expect(foldText(simplified)).toBe(simplified);
  });
  it('keeps every substring a substring after folding (no phrase-level conversion)', () => {
    const text = '乾淨的乾坤與後來的頭髮';
    for (let start = 0; start < text.length; start += 1) {
      for (let end = start + 1; end <= text.length; end += 1) {
        expect(foldText(text)).toContain(foldText(text.slice(start, end)));
      }
    }
  });
  it('folds full-width letters and digits but not Chinese punctuation', () => {
    expect(foldText('Ｇ１１项目（一）。')).toBe('G11项目（一）。');
  });
});

describe('index text', () => {
  it('makes every Han character a token, and each token a word with the next one', () => {
    expect(visible(toIndexText('网格化'))).toBe('网格|格化|化');
    expect(visible(toIndexText('网'))).toBe('网');
    // Characters outside the Basic Multilingual Plane are one token too.
    expect(visible(toIndexText('𠮷野家'))).toBe('𠮷野|野家|家');
  });
  it('keeps letter and digit runs whole and ends them with _', () => {
    expect(visible(toIndexText('OA系统'))).toBe('OA_系|系统|统');
    expect(visible(toIndexText('G11项目'))).toBe('G11_项|项目|目');
    expect(visible(toIndexText('6号线'))).toBe('6_号|号线|线');
  });
  it('makes every other character a token of its own', () => {
    expect(visible(toIndexText('1+6+N'))).toBe('1_+|+6_|6_+|+N_|N_');
    expect(visible(toIndexText('深光综〔2020〕12号'))).toBe('深光|光综|综〔|〔2020_|2020_〕|〕12_|12_号|号');
  });
  it('keeps whitespace inside a block as one space word, pairs no token across it, and folds traditional characters', () => {
    expect(visible(toIndexText('  網格化   管理\n'))).toBe(`网格|格化|化|${SPACE_WORD}|管理|理`);
    // A thin space of the text is whitespace like any other, never a word break.
    expect(visible(toIndexText(`网格${WORD_BREAK}化`))).toBe(`网格|格|${SPACE_WORD}|化`);
  });
  it('cuts an index word back into its first token', () => {
    expect(['网格', '网', 'oa_系', 'oa_', '2020_〕', '〔2020_', '〕', '𠮷野', 'a__'].map(firstToken)).toEqual([
      '网',
      '网',
      'oa_',
      'oa_',
      '2020_',
      '〔',
      '〕',
      '𠮷',
      'a_',
    ]);
  });
  it('puts the title first, filled to the title span, then the blocks, each apart', () => {
    const content = toIndexContent('标题', ['正文一', '', '正文二'], 4);
    expect(visible(content)).toBe(`标题|题|${TITLE_END}|${TITLE_END} ${BLOCK_BREAK} 正文|文一|一 ${BLOCK_BREAK} 正文|文二|二`);
    // Whatever its title, every document of a shard starts its body at the span.
    for (const title of ['', '标题', 'OA系统升级']) {
      expect(toIndexContent(title, ['正文'], 6).split(/\s+/u).indexOf('正文'), title).toBe(7);
    }
  });
  it('sizes the title span to the longest title in words, and refuses a shorter span', () => {
    expect(titleSpan(['标题', 'OA系统 升级', '網格化'])).toBe(7); // OA_ 系 统 ǀ 升 级, and one more
    expect(titleSpan([])).toBe(1);
    expect(() => toIndexContent('OA系统', [], 3)).toThrow(/title span 3 is too short for a title of 3 words/);
    expect(toIndexContent('OA系统', [], titleSpan(['OA系统']))).toBe(['OA_系', '系统', '统', TITLE_END].join(WORD_BREAK));
  });
  it('replaces characters the transform reserves for itself', () => {
    expect(toIndexText(`a${TITLE_END}b${BLOCK_BREAK}c${SPACE_WORD}d`)).not.toMatch(new RegExp(`[${TITLE_END}${BLOCK_BREAK}${SPACE_WORD}]`));
  });
  it('turns back into readable text exactly', () => {
    for (const text of ['网格化 管理', 'OA系统 G11项目', 'a_b c__d _x', '深光综〔2020〕12号', '𠮷野家 ①', '1+6+N']) {
      expect(fromIndexText(toIndexText(text))).toBe(text);
      // Pagefind stores every run of whitespace as one plain space.
      expect(fromIndexText(toIndexText(text).replaceAll(WORD_BREAK, ' '))).toBe(text);
    }
    for (const span of [6, 9]) {
      const { title, blocks } = splitIndexContent(
        toIndexContent('網格化標題', ['正文 text_1', '发文字号'], span).replaceAll(WORD_BREAK, ' '),
      );
      expect(title).toBe('网格化标题');
      expect(blocks).toEqual(['正文 text_1', '发文字号']);
    }
    expect(splitIndexContent(toIndexContent('', ['正文'], 1))).toEqual({ title: '', blocks: ['正文'] });
  });
  it('lists the symbols Pagefind must keep in words, word ends included', () => {
    expect([...symbolCharacters(toIndexContent('标题（一）', ['1+6+N。'], 8))].sort()).toEqual(['+', '_', '。', '（', '）'].sort());
  });
  it('knows the symbols of index text from the text itself, before it is built', () => {
    const cases: Array<[string, string[]]> = [
      ['标题（一）', ['1+6+N。']],
      ['只有汉字', ['没有字母也没有数字']],
      // Full-width letters fold to ASCII, reserved characters become a replacement character, traditional to simplified.
      ['Ｇ１１地块〔2020〕', ['含有\u2009与\u200Bǂ、ǁ的文本', '網格化管理※★', 'e-mail: a_b@c.cn']],
      ['', []],
    ];
    for (const [title, blocks] of cases) {
      expect(indexSymbols([title, ...blocks]), title).toEqual(symbolCharacters(toIndexContent(title, blocks, titleSpan([title]))));
    }
  });
});

describe('queries', () => {
  it('looks a part up as its token pairs, or one token as a prefix', () => {
    expect(indexPhrase(['土', '地', '整', '备'])).toEqual({ words: ['土地', '地整', '整备'], prefix: false });
    expect(indexPhrase(['智', '慧'])).toEqual({ words: ['智慧'], prefix: false });
    expect(indexPhrase(['区'])).toEqual({ words: ['区'], prefix: true });
    expect(indexPhrase(['2019_'])).toEqual({ words: ['2019_'], prefix: true });
    expect(indexPhrase(parseQuery('深光综〔2020〕12号')[0]!).words).toEqual([
      '深光',
      '光综',
      '综〔',
      '〔2020_',
      '2020_〕',
      '〕12_',
      '12_号',
    ]);
  });
  it('finds a part exactly where the text has it: its index words at consecutive positions, each a prefix of the word there', () => {
    // Every substring of these texts as a query, and some that are not in them, against the text's own matches.
    const texts = [
      '网格化管理，网格员 网格',
      '土地整备2019年土地整備',
      'OA系统 oa6号线16号线G11',
      '深光综〔2020〕12号文',
      '哈哈哈哈 哈',
      '甲乙丙乙丙乙',
    ];
    for (const text of texts) {
      const words = toIndexText(text)
        .split(WORD_BREAK)
        .map((word) => word.toLowerCase());
      const chars = [...text];
      const queries = new Set(['格网', '网格化管理员', '6号', '19年土', '乙丙乙丙乙丙', '1号线']);
      for (let start = 0; start < chars.length; start++)
        for (let end = start + 1; end <= chars.length; end++) queries.add(chars.slice(start, end).join(''));
      for (const query of queries) {
        for (const part of parseQuery(query)) {
          const phrase = indexPhrase(part);
          const found = words.flatMap((_, at) => (phrase.words.every((word, i) => words[at + i]?.startsWith(word)) ? [at] : []));
          const starts = phraseStarts(part, {
            get: (key: string) => words.flatMap((word, at) => (word.startsWith(key) ? [at] : [])),
          } as unknown as Map<string, number[]>);
          expect(starts, `${query} in ${text}`).toEqual(found);
          expect(found.length, `${query} in ${text}`).toBe(partMatches(text, [part])[0]!.length);
        }
      }
    }
  });
  it('can never hold the word of a shard’s start marker, nor can documents', () => {
    expect(parseQuery(`标${SHARD_START_WORD} ${SHARD_START_WORD}`).flat()).not.toContain(SHARD_START_WORD);
    expect(toIndexContent(`标题${SHARD_START_WORD}`, [SHARD_START_WORD, `正文${SHARD_START_WORD}`], 4).split(/\s/u)).not.toContain(
      SHARD_START_WORD,
    );
  });
  it('turns a query into phrases of index words', () => {
    expect(parseQuery('土地整备')).toEqual([['土', '地', '整', '备']]);
    expect(parseQuery('OA系统')).toEqual([['oa_', '系', '统']]);
    expect(parseQuery('深光综〔2020〕12号')).toEqual([['深', '光', '综', '〔', '2020_', '〕', '12_', '号']]);
  });
  it('splits parts at spaces and quote marks, and drops repeats', () => {
    expect(parseQuery(' 红坳村  “应急预案”  红坳村 ')).toEqual([
      ['红', '坳', '村'],
      ['应', '急', '预', '案'],
    ]);
    expect(parseQuery('"土地整备"')).toEqual([['土', '地', '整', '备']]);
    expect(parseQuery('  " ')).toEqual([]);
  });
  it('folds traditional queries and full-width digits', () => {
    expect(parseQuery('網格化')).toEqual(parseQuery('网格化'));
    expect(parseQuery('６号线')).toEqual(parseQuery('6号线'));
  });
  it('knows a part with a symbol the index lacks can match nothing', () => {
    const symbols = new Set(['〔', '〕', '_']);
    expect(isSearchablePart(parseQuery('深光综〔2020〕12号')[0]!, symbols)).toBe(true);
    expect(isSearchablePart(parseQuery('网格化！')[0]!, symbols)).toBe(false);
    expect(isSearchablePart(['_'], symbols)).toBe(true);
  });
});

describe('ranking', () => {
  const positions = (entries: Record<string, number[]>) => new Map(Object.entries(entries));
  it('counts a phrase only where its words stand in order', () => {
    // 格网化 (0-2) is not 网格化; 网格化 at 4-6 and 8-10 is.
    // 格网化 (0-2) is not 网格化; 网格化 at 4-6 and 8-10 is, and 网格 at 1 is not followed by 格化.
    const doc = positions({ 网格: [1, 4, 8], 格化: [5, 9] });
    expect(phraseStarts(['网', '格', '化'], doc)).toEqual([4, 8]);
    expect(phraseStarts(['网', '格', '化'], positions({ 网格: [1], 格化: [3] }))).toEqual([]);
    // One token: the positions of every word it begins.
    expect(phraseStarts(['网'], positions({ 网: [1, 4, 8] }))).toEqual([1, 4, 8]);
  });
  it('tells title matches from body matches by the title marker', () => {
    const doc = positions({ 土地: [0, 10] });
    expect(relevance([['土', '地']], doc, 3)).toEqual({ titleParts: 1, occurrences: 2 });
    expect(relevance([['土', '地']], doc, 1)).toEqual({ titleParts: 0, occurrences: 2 });
  });
  it('gets the same relevance from word positions as from the text', () => {
    // Word positions numbered as Pagefind numbers the words of index text,
    // for each index word a query looks up: the positions of the words it begins (pagefind-contract.ts (8)).
    const positionsOf = (content: string) => {
      const words = content
        .split(/\s+/u)
        .filter(Boolean)
        .map((word) => word.toLowerCase());
      return {
        get: (key: string) => words.flatMap((word, position) => (word.startsWith(key) ? [position] : [])),
      } as unknown as Map<string, number[]>;
    };
    const title = '關於網格化管理的報告';
    const blocks = ['推进网格化管理，网格员', '化解矛盾。格网化不是网格化。', 'OA系统 oa系统 GOA系统', '网格化'];
    // The span of a shard whose longest title is longer than this one's.
    const span = titleSpan([title, '关于进一步加强网格化管理工作的实施意见']);
    const content = toIndexContent(title, blocks, span);
    const positions = positionsOf(content);
    for (const query of ['网格化', '網格化 管理', 'OA系统', '化解', '网格', '报告', '不存在']) {
      const parts = parseQuery(query);
      const fromText = textRelevance(parts, title, splitIndexContent(content).blocks);
      expect(relevance(parts, positions, span), query).toEqual(fromText);
    }
    expect(textRelevance(parseQuery('网格化'), title, blocks)).toEqual({ titleParts: 1, occurrences: 4 });
    expect(textRelevance(parseQuery('oa系统'), title, blocks)).toEqual({ titleParts: 0, occurrences: 2 });
  });
  it('puts title matches first, then more occurrences, then keeps the newest-first order', () => {
    const docs = [
      { id: 'newest, body, 1', key: { titleParts: 0, occurrences: 1 } },
      { id: 'new, body, 3', key: { titleParts: 0, occurrences: 3 } },
      { id: 'old, title, 1', key: { titleParts: 1, occurrences: 1 } },
      { id: 'older, body, 1', key: { titleParts: 0, occurrences: 1 } },
    ];
    expect(byRelevance(docs, (doc) => doc.key).map((doc) => doc.id)).toEqual([
      'old, title, 1',
      'new, body, 3',
      'newest, body, 1',
      'older, body, 1',
    ]);
  });
});

describe('highlighting', () => {
  it('marks the whole match in one piece', () => {
    expect(highlight('推进网格化管理', parseQuery('网格化'))).toEqual([
      { text: '推进', match: false },
      { text: '网格化', match: true },
      { text: '管理', match: false },
    ]);
  });
  it('marks a simplified query in traditional text, and the other way round', () => {
    expect(highlight('推進網格化管理', parseQuery('网格化'))).toContainEqual({ text: '網格化', match: true });
    expect(highlight('推进网格化管理', parseQuery('網格化'))).toContainEqual({ text: '网格化', match: true });
  });
  it('marks mixed terms whole and never inside a longer number', () => {
    expect(findMatches('轨道6号线和16号线', parseQuery('6号线'))).toEqual([{ start: 2, end: 5 }]);
    expect(highlight('深光综〔2020〕12号文', parseQuery('深光综〔2020〕12号'))[0]).toEqual({ text: '深光综〔2020〕12号', match: true });
  });
  it('merges overlapping matches of several parts', () => {
    expect(highlight('土地整备工作', parseQuery('土地 地整备'))).toEqual([
      { text: '土地整备', match: true },
      { text: '工作', match: false },
    ]);
  });
  it('cuts an excerpt around the first match of the first block that has one', () => {
    const body = `${'前文'.repeat(40)}应急预案${'后文'.repeat(40)}`;
    const segments = excerpt(['没有匹配的第一段', body], parseQuery('应急预案'), 40);
    expect(segments[0]).toEqual({ text: '…', match: false });
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(['应急预案']);
    expect(segments.at(-1)).toEqual({ text: '…', match: false });
    expect(segments.map((s) => s.text).join('').length).toBeLessThanOrEqual(42);
  });
  it('starts with the first block when nothing matches', () => {
    expect(excerpt(['第一段正文', '第二段'], [])).toEqual([{ text: '第一段正文', match: false }]);
  });
});

describe('search page state in the URL', () => {
  it('round-trips the query, filters and sort', () => {
    const state = { q: '土地整备 2020年', filters: { kind: 'reports', year: '2020', topic: '土地整备' }, sort: 'oldest' as const };
    const params = searchStateToParams(state);
    expect(params.toString()).toBe(
      'q=%E5%9C%9F%E5%9C%B0%E6%95%B4%E5%A4%87+2020%E5%B9%B4&kind=reports&year=2020&topic=%E5%9C%9F%E5%9C%B0%E6%95%B4%E5%A4%87&sort=oldest',
    );
    expect(parseSearchState(params)).toEqual(state);
  });
  it('ignores unknown parameters and sorts, and leaves defaults out', () => {
    const state = parseSearchState(new URLSearchParams('q=&kind=&sort=random&utm=x'));
    expect(state).toEqual({ q: '', filters: {}, sort: 'relevance' });
    expect(searchStateToParams(state).toString()).toBe('');
  });
  it('lists the newest first when there is no query to rank by', () => {
    expect(effectiveSort({ q: '', filters: {}, sort: 'relevance' }, false)).toBe('newest');
    expect(effectiveSort({ q: '红坳村', filters: {}, sort: 'relevance' }, true)).toBe('relevance');
  });
});

describe('page text for the index', () => {
  it('takes the blocks of the data-pagefind-body element, without ignored parts', () => {
    const html = `<html><body><header>页首</header>
      <article data-pagefind-body><h1 data-pagefind-ignore>标题</h1>
      <section data-pagefind-ignore><dl><dt>发布机构</dt><dd>综合办</dd></dl></section>
      <nav data-pagefind-ignore="all"><a href="#a">目录项</a></nav>
      <p>第一段 &amp; <strong>加粗</strong>文字<br>换行后</p>
      <script>if (a < b) { document.write("<p>脚本</p>") }</script>
      <svg><title>图</title></svg>
      <table><tr><td>甲</td><td>乙</td></tr></table>
      <img src="x.png" alt="a > b"><p>末段</p></article>
      <aside>相关文档</aside></body></html>`;
    expect(extractBodyBlocks(html)).toEqual(['第一段 & 加粗文字', '换行后', '甲', '乙', '末段']);
  });
  it('finds nothing in a page without a body element', () => {
    expect(extractBodyBlocks('<html><body><p>文字</p></body></html>')).toEqual([]);
  });
  it('reads attributes as attributes, not as words inside another attribute value', () => {
    const html = `<main data-pagefind-body><p title="见 data-pagefind-ignore 说明">正文</p><p>一<span title="a>b">二</span></p></main>`;
    expect(extractBodyBlocks(html)).toEqual(['正文', '一二']);
  });
});

describe('search records', () => {
  const bulletin: RecordSource = {
    kind: 'bulletins',
    path: 'bulletins/guangming/2020/3/',
    year: 2020,
    date: '2020-06-30',
    data: {
      title: '简报标题',
      issuer: '综合办',
      topics: ['应急管理', '应急管理'],
      issue: 3,
      docNo: '深光综〔2020〕12号',
      access: 'internal',
    },
    publication: { name: '光明信息' },
  };
  const report: RecordSource = {
    kind: 'reports',
    path: 'reports/x/',
    year: 2021,
    date: '2021-01-02',
    data: { title: '报告标题', issuer: '办公室', topics: ['土地整备'] },
    publication: undefined,
  };
  it('describes a document for the index and the result list', () => {
    const record = searchRecord(bulletin, (path) => `/kb/${path}`);
    expect(record.url).toBe('/kb/bulletins/guangming/2020/3/');
    expect(record.file).toBe('bulletins/guangming/2020/3/index.html');
    expect(record.result).toEqual({
      title: '简报标题',
      kind: '简报内刊',
      issue: '《光明信息》2020年第3期',
      issuer: '综合办',
      date: '2020年6月30日',
    });
    expect(record.facets).toEqual({ kind: ['bulletins'], year: ['2020'], issuer: ['综合办'], journal: ['光明信息'], topic: ['应急管理'] });
    expect(record.fields).toContain('深光综〔2020〕12号');
    expect(record.fields).not.toContain('内部资料');
    expect(record.fields).not.toContain('简报内刊');
  });
  it('lists every facet value once, in the finder order', () => {
    const options = facetOptions([bulletin, report]);
    expect(options.kind.map((o) => o.label)).toEqual(['简报内刊', '调研报告']);
    expect(options.year.map((o) => o.value)).toEqual(['2021', '2020']);
    expect(options.journal).toEqual([{ value: '光明信息', label: '《光明信息》' }]);
    expect(options.topic.map((o) => o.value)).toEqual(['土地整备', '应急管理']);
  });
});
