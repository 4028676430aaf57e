import { describe, expect, it } from 'vitest';
import {
  createLinkScanner,
  createScanner,
  excludedFingerprints,
  formatLeakReport,
  jsonText,
  markdownBlocks,
  markupText,
  normalizeForScan,
  scanOutputText,
  sentencesOf,
  spreadSample,
  SENTENCES_PER_DOCUMENT,
  type ScanDocument,
} from '../../src/leak-gate/scan.ts';
import { isThirdPartyAsset, siteSegments } from '../../src/leak-gate/gate.ts';

const restricted: ScanDocument = {
  file: 'content/reports/secret.md',
  publishable: false,
  data: { title: '机密调研报告丁戊己', indexNo: 'TEST-2021-0099', docNo: '测研〔2021〕9号', access: 'restricted', topics: ['共享主题'] },
  body: '## 一、情况\n\n机密正文庚辛壬**不应出现**在任何输出中。共同的开头一句话在这里。\n\n| 指标 | 数值 |\n| --- | --- |\n| 秘密指标名称甲乙 | 1 |\n',
  urlPath: 'reports/secret/',
};
const published: ScanDocument = {
  file: 'content/reports/open.md',
  publishable: true,
  data: { title: '公开调研报告', topics: ['共享主题'] },
  body: '公开正文。共同的开头一句话在这里。\n',
  urlPath: 'reports/open/',
};

describe('normalisation', () => {
  it('folds width and case and drops every kind of space, zero-width ones too', () => {
    expect(normalizeForScan('ＴＥＳＴ－２０２１ 机密\u200b正文\n庚辛壬')).toBe('test-2021机密正文庚辛壬');
    expect(normalizeForScan('1．第三级标题')).toBe(normalizeForScan('1.第三级 标题'));
  });
});

describe('fingerprints of excluded documents', () => {
  const fingerprints = excludedFingerprints([restricted, published]);
  const texts = fingerprints.map((fp) => fp.text);

  it('take the title, index number, document number, URL and body sentences', () => {
    expect(texts).toEqual(
      expect.arrayContaining([
        '机密调研报告丁戊己',
        'TEST-2021-0099',
        '测研〔2021〕9号',
        '/reports/secret/',
        '机密正文庚辛壬不应出现在任何输出中',
        '秘密指标名称甲乙',
      ]),
    );
    expect(fingerprints.every((fp) => fp.file === 'content/reports/secret.md')).toBe(true);
  });

  it('leave out text that a published document also contains, and short labels', () => {
    expect(texts).not.toContain('共同的开头一句话在这里');
    expect(texts).not.toContain('共享主题');
    expect(texts).not.toContain('一、情况');
  });

  it('take nothing from published documents', () => {
    expect(excludedFingerprints([published])).toEqual([]);
  });

  it('sample a bounded number of sentences spread over a long body', () => {
    const body = Array.from({ length: 100 }, (_, i) => `这是第${i}句很长的机密正文内容`).join('。');
    const fps = excludedFingerprints([{ ...restricted, body, data: {} }]).filter((fp) => fp.field === 'body');
    expect(fps).toHaveLength(SENTENCES_PER_DOCUMENT);
    expect(fps[0]!.text).toBe('这是第0句很长的机密正文内容');
    expect(fps.at(-1)!.text).toBe('这是第99句很长的机密正文内容');
  });
});

describe('scanning output text', () => {
  const scanner = createScanner(excludedFingerprints([restricted, published]));

  it('finds nothing in text built from published documents', () => {
    const html = '<h1>公开调研报告</h1><p>公开正文。共同的开头一句话在这里。</p><a href="/kb/reports/open/">共享主题</a>';
    expect(scanOutputText(scanner, 'reports/open/index.html', markupText(html))).toEqual([]);
  });

  it('finds a sentence split by inline markup and across a line break', () => {
    const html = '<p>机密正文庚辛壬<strong>不应出现</strong>在任何\n输出中。</p>';
    const hits = scanOutputText(scanner, 'a/index.html', markupText(html));
    expect(hits.map((h) => h.fingerprint.text)).toEqual(['机密正文庚辛壬不应出现在任何输出中']);
    expect(hits[0]!.outputFile).toBe('a/index.html');
  });

  it('finds a sentence split by an element whose attribute value holds a ">"', () => {
    const html = '<p>机密正文庚辛壬<span title="a>b">不应出现</span>在任何输出中。</p><!-- 机密调研报告丁戊己 -->';
    const hits = scanOutputText(scanner, 'a/index.html', markupText(html));
    expect(hits.map((h) => h.fingerprint.text)).toEqual(['机密正文庚辛壬不应出现在任何输出中']);
  });

  it('finds titles in attributes and escaped markup, and links by URL', () => {
    const hits = scanOutputText(
      scanner,
      'x.html',
      markupText('<meta name="description" content="见&#26426;密调研报告丁戊己"><a href="/kb/reports/secret/">详情</a>'),
    );
    expect(hits.map((h) => h.fingerprint.field).sort()).toEqual(['title', 'url']);
  });

  it('finds text in feeds with CDATA and in JSON strings with escapes', () => {
    expect(scanOutputText(scanner, 'rss.xml', markupText('<item><title><![CDATA[机密调研报告丁戊己]]></title></item>'))).toHaveLength(1);
    expect(
      scanOutputText(scanner, 'd.json', jsonText('{"a":["\\u673a\\u5bc6\\u8c03\\u7814\\u62a5\\u544a\\u4e01\\u620a\\u5df1"]}')),
    ).toHaveLength(1);
  });

  it('finds text as Pagefind stores it, with U+200B between words, and full-width forms', () => {
    const fragment = jsonText(
      JSON.stringify({
        content: '机密\u200b正文\u200b庚辛壬\u200b不应\u200b出现\u200b在\u200b任何\u200b输出\u200b中',
        meta: { x: 'ｔｅｓｔ－２０２１－００９９' },
      }),
    );
    const hits = scanOutputText(scanner, 'pagefind/fragment/x.pf_fragment', fragment);
    expect(hits.map((h) => h.fingerprint.field).sort()).toEqual(['body', 'indexNo']);
  });

  it('reports the excluded file, the field, the output file and the context', () => {
    const hits = scanOutputText(scanner, 'topics/x/index.html', '相关：机密调研报告丁戊己。');
    const report = formatLeakReport(hits);
    expect(report).toContain('topics/x/index.html');
    expect(report).toContain('content/reports/secret.md');
    expect(report).toContain('标题');
    expect(report).toContain('机密调研报告丁戊己');
  });
});

describe('text helpers', () => {
  it('reads prose blocks from Markdown, GFM tables included, and skips markup lines', () => {
    expect(markdownBlocks('# 标题\n\n正文[链接文字](x.md)和`代码`。\n\n| a |\n| - |\n| 单元格 |\n')).toEqual([
      '标题',
      '正文链接文字和代码。',
      'a',
      '单元格',
    ]);
    expect(sentencesOf('第一句。第二句！\nimport X from "y"\n<Chart id="a" />')).toEqual(['第一句', '第二句']);
  });

  it('spreads a sample evenly', () => {
    expect(spreadSample([1, 2, 3, 4, 5, 6, 7, 8, 9], 3)).toEqual([1, 5, 9]);
    expect(spreadSample([1, 2], 5)).toEqual([1, 2]);
  });
});

describe('precision: only text that means something is searched for', () => {
  const draft = (body: string, data: Record<string, unknown> = {}): ScanDocument => ({
    ...restricted,
    file: 'content/reports/draft.mdx',
    body,
    data,
    urlPath: undefined,
  });
  // Pagefind's own pagefind.js, which used to fail builds.
  const pagefindJs =
    "let script_src;if(typeof document!=='undefined'&&document.currentScript!==null){script_src=new URL(document.currentScript.src).href}";

  it('takes no fingerprint from code in a document, so the search program does not match it', () => {
    const body = "调试时注意：\n\n`typeof document !== 'undefined'`\n\n`x == 'undefined'`\n\n机密正文第二段甲乙丙丁戊。\n";
    const fingerprints = excludedFingerprints([draft(body)]);
    expect(fingerprints.map((fp) => fp.text)).toEqual(['机密正文第二段甲乙丙丁戊']);
    expect(scanOutputText(createScanner(fingerprints), 'pagefind/x.js', pagefindJs)).toEqual([]);
  });

  it('keeps Chinese sentences, and Western prose long enough to be one', () => {
    const body = '这句有四个汉字以上。\n\nThe committee approved the restricted land plan in March.\n\nSee page 12.\n';
    expect(excludedFingerprints([draft(body, { title: 'Short title' })]).map((fp) => fp.text)).toEqual([
      '这句有四个汉字以上',
      'The committee approved the restricted land plan in March.',
    ]);
  });

  it('keeps a short Chinese title, which no program file holds by chance', () => {
    const fingerprints = excludedFingerprints([draft('', { title: '2020年总结' })]);
    expect(fingerprints.filter((fp) => fp.field === 'title').map((fp) => fp.text)).toEqual(['2020年总结']);
    expect(scanOutputText(createScanner(fingerprints), 'index.html', '<h1>2020年总结</h1>')).toHaveLength(1);
  });

  it("does not search Pagefind's program files, only its index", () => {
    for (const file of [
      'pagefind/pagefind.js',
      'pagefind/2020/pagefind.js',
      'pagefind/pagefind-ui.css',
      'pagefind/wasm.unknown.pagefind',
      'pagefind/2021/wasm.und.pagefind',
    ]) {
      expect(isThirdPartyAsset(file), file).toBe(true);
    }
    for (const file of [
      'pagefind/fragment/und_1.pf_fragment',
      'pagefind/index/und_2.pf_index',
      'pagefind/pagefind.und_3.pf_meta',
      'pagefind/gazette-search.json',
      'pagefind/pagefind-entry.json',
      '_astro/page.js',
      'search/index.html',
    ]) {
      expect(isThirdPartyAsset(file), file).toBe(false);
    }
  });
});

describe("an excluded document's slug in links of every form", () => {
  const secret: ScanDocument = { ...restricted, urlPath: 'reports/secret-doc/' };
  const draftIssue: ScanDocument = {
    ...restricted,
    file: 'content/bulletins/2021-2-draft.md',
    data: { title: '草稿期次甲乙丙丁' },
    body: '',
    urlPath: 'bulletins/journal/2021/2/',
  };
  const fingerprints = excludedFingerprints([secret, draftIssue, published]);
  const scanner = createScanner(fingerprints);
  const hitsIn = (html: string) =>
    scanOutputText(scanner, 'reports/open/index.html', markupText(html)).map((hit) => `${hit.fingerprint.field} ${hit.fingerprint.text}`);

  it.each([
    '<a href="../secret-doc/">见</a>',
    '<a href="../secret-doc">见</a>',
    "<a href='./secret-doc'>见</a>",
    '<a href="secret-doc/">见</a>',
    '<a href=secret-doc/index.html>见</a>',
    '<a href="../Secret-Doc/#一">见</a>',
    '<a href="../reports/secret-doc.md">见</a>',
    '<a href="./secret-doc?from=x">见</a>',
    '{"url":"../secret-doc/"}',
  ])('finds %s', (html) => {
    expect(hitsIn(html)).toEqual(['slug secret-doc']);
  });

  it('names a link by its full URL once', () => {
    expect(hitsIn('<a href="/kb/reports/secret-doc/">见</a>')).toEqual(['url /reports/secret-doc/']);
  });

  it.each([
    '<a href="../open-secret-doc/">见</a>',
    '<a href="../secret-doc-2/">见</a>',
    '<p>secret-doc 是一个英文词</p>',
    '{"id":"secret-doc"}',
    '<a href="https://example.com/secret-docs/">见</a>',
  ])('finds nothing in %s', (html) => {
    expect(hitsIn(html)).toEqual([]);
  });

  it("takes no slug that names one of the site's own pages, nor a bulletin's issue number", () => {
    const search: ScanDocument = { ...restricted, urlPath: 'reports/search/' };
    const segments = siteSegments(['search/index.html', 'reports/open/index.html', 'rss.xml']);
    expect([...segments]).toEqual(expect.arrayContaining(['search', 'reports', 'open', 'index', 'rss']));
    const fields = excludedFingerprints([search], { siteSegments: segments }).map((fp) => `${fp.field} ${fp.text}`);
    expect(fields).toContain('url /reports/search/');
    expect(fields).not.toContain('slug search');
    expect(fingerprints.filter((fp) => fp.file === draftIssue.file).map((fp) => fp.field)).toEqual(['title', 'url']);
  });

  it("finds a link to an excluded page from where it leads, as a bulletin's next issue", () => {
    const scanLinks = createLinkScanner(fingerprints);
    const links = '<a href="../2/">下一期</a><a href="../1/">上一期</a>';
    expect(scanLinks('bulletins/journal/2021/3/index.html', links).map((hit) => [hit.fingerprint.file, hit.context])).toEqual([
      ['content/bulletins/2021-2-draft.md', '../2/'],
    ]);
    expect(scanLinks('bulletins/journal/2021/1/index.html', '<a href="2/index.html">下一期</a>')).toEqual([]);
    expect(scanLinks('bulletins/journal/2021/1/index.html', '<a href="../2">下一期</a>')).toHaveLength(1);
    expect(scanLinks('kb/bulletins/journal/2021/1/index.html', '<a href="/kb/bulletins/journal/2021/2/">下一期</a>')).toHaveLength(1);
    expect(scanLinks('bulletins/journal/2022/1/index.html', links)).toEqual([]);
    expect(scanLinks('bulletins/journal/2021/3/index.html', '<a href="https://example.com/bulletins/journal/2021/2/">x</a>')).toEqual([]);
  });
});
