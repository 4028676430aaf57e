import { describe, expect, it } from 'vitest';
import {
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
} from '../../src/lib/leak-scan.ts';

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
      expect.arrayContaining(['机密调研报告丁戊己', 'TEST-2021-0099', '测研〔2021〕9号', '/reports/secret/', '机密正文庚辛壬不应出现在任何输出中', '秘密指标名称甲乙']),
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
    expect(scanOutputText(scanner, 'd.json', jsonText('{"a":["\\u673a\\u5bc6\\u8c03\\u7814\\u62a5\\u544a\\u4e01\\u620a\\u5df1"]}'))).toHaveLength(1);
  });

  it('finds text as Pagefind stores it, with U+200B between words, and full-width forms', () => {
    const fragment = jsonText(JSON.stringify({ content: '机密\u200b正文\u200b庚辛壬\u200b不应\u200b出现\u200b在\u200b任何\u200b输出\u200b中', meta: { x: 'ｔｅｓｔ－２０２１－００９９' } }));
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
