/**
 * Links to documents a build leaves out, in every form an editor writes
 * them, on a real `npm run build` of the `links` fixture (public audience,
 * under /kb/): a restricted report, an internal summary and a draft bulletin,
 * linked from a public Markdown report, a public MDX document and the
 * bulletin's previous issue as files, page URLs with and without the base,
 * relative URLs, fragments, queries and a reference definition. A draft MDX
 * with code in it stands for finding 12: its code must not fail the build.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { excludedFingerprints, normalizeForScan } from '../../src/leak-gate/scan.ts';
import { documentsForScan, findLeaks, outputFileText } from '../../src/leak-gate/gate.ts';
import { buildSite, listFiles, makeContent, readPage, type BuildResult } from '../helpers/build-site.ts';
import { FIXTURE_SITES } from '../helpers/paths.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const contentDir = path.join(FIXTURE_SITES, 'links');
const textOf = (html: string) => html.replace(/<[^>]+>/g, '');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What the excluded documents are known by: slugs, titles, 文号, index number and body markers. */
const EXCLUDED_MARKERS = [
  'secret-doc',
  '链接机密调研报告天地玄黄',
  '链研〔2023〕77号',
  'LINK-2023-0077',
  '宇宙洪荒',
  '日月盈昃',
  'internal-note',
  '链接内部年度小结寒来暑往',
  '秋收冬藏',
  '2023-2-draft',
  '链接快报第二期草稿玉出昆冈',
  '剑号巨阙',
  'links-journal/2023/2',
  'draft-code',
  '链接草稿调试说明闰余成岁',
  '律吕调阳',
];

describe('links to excluded documents, in every form', () => {
  let build: BuildResult;
  beforeAll(async () => {
    build = await buildSite({ contentDir, base: '/kb/', audience: 'public', pipeline: true });
  });

  it('builds, the leak scan passing although a draft MDX holds code that Pagefind’s program also holds', () => {
    expect(build.ok, build.output).toBe(true);
    expect(build.output).toMatch(
      /leak scan passed: \d+ files scanned, 0 unchanged since the last clean scan, [1-9]\d* of Pagefind's program files not searched/,
    );
    // The draft is fingerprinted by its title, address and prose, not by its code.
    const draft = excludedFingerprints(documentsForScan(contentDir, 'public')).filter((fp) => fp.file.endsWith('draft-code.mdx'));
    expect(draft.map((fp) => fp.text)).toEqual([
      '链接草稿调试说明闰余成岁',
      '/reports/draft-code/',
      'draft-code',
      '调试页面脚本时，先判断运行环境：',
      '草稿正文律吕调阳尚未定稿',
    ]);
  });

  it('writes no slug, title, 文号 or body text of an excluded document into any output file', async () => {
    const files = await listFiles(build.outDir);
    expect(files).toContain('reports/open-forms/index.html');
    expect(files.some((file) => file.startsWith('pagefind/fragment/'))).toBe(true);
    const found: string[] = [];
    for (const file of files) {
      const content = await readFile(path.join(build.outDir, file));
      // Raw, and decoded the way the leak scan reads it (gzip, Pagefind's index, entities, search-index spacing).
      const views = [content.toString('utf8'), normalizeForScan(outputFileText(file.replace(/\.gz$/, ''), content) ?? '')];
      for (const marker of EXCLUDED_MARKERS) {
        if (views.some((view) => view.includes(marker) || view.includes(normalizeForScan(marker)))) found.push(`${file}: ${marker}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('keeps each link’s own words as plain text, and links to published pages as written', async () => {
    const report = await readPage(build.outDir, 'reports/open-forms/');
    for (const words of ['甲材料', '乙材料', '丙材料', '丁材料', '戊材料', '己材料', '庚材料', '辛材料', '壬材料', '癸材料', '子材料']) {
      expect(textOf(report)).toContain(`见${words}。`);
      expect(report).not.toMatch(new RegExp(`<a [^>]*>${words}</a>`));
    }
    expect(report).toContain('<a href="/kb/bulletins/links-journal/2023/1/">公开快报</a>');
    const mdx = await readPage(build.outDir, 'reports/mdx-forms/');
    for (const words of ['甲文件', '乙页面', '丙页面', '丁小结']) expect(textOf(mdx)).toContain(`见${words}。`);
    expect(mdx).not.toMatch(/<a [^>]*>(甲文件|乙页面|丙页面|丁小结)<\/a>/);
    // An MDX `<a href>` to a published document's file leads to its page, as a Markdown link does.
    expect(mdx).toContain('<a href="/kb/reports/open-forms/">公开报告</a>');
    expect(mdx).toContain('<a href="/kb/reports/open-forms/#一链接的各种写法">其第一节</a>');
    const issue = await readPage(build.outDir, 'bulletins/links-journal/2023/1/');
    expect(textOf(issue)).toContain('下一期见第二期预告，也见第二期文件和第二期全文。');
  });

  it('warns about every such link, naming the file, the line and the link', () => {
    const warned = (file: string, line: number, url: string) =>
      expect(build.output, `${file}:${line} ${url}`).toMatch(
        new RegExp(`\\[WARN\\][^\\n]*${escape(file)}:${line}\\b[^\\n]*\\n[^\\n]*${escape(url)}`),
      );
    const reportLinks: Array<[number, string]> = [
      [10, 'secret-doc.md'],
      [12, '../reports/secret-doc.md#一、机密情况'],
      [14, '/reports/secret-doc/'],
      [16, '/kb/reports/secret-doc/'],
      [18, '../secret-doc/'],
      [20, './secret-doc'],
      [22, '../../reports/secret-doc/#一机密情况'],
      [24, '../secret-doc/?from=open'],
      [26, '../../summaries/internal-note/'],
      // (The reference on line 28 takes its URL from the definition on line 34.)
      [30, '/kb/bulletins/links-journal/2023/2/'],
      [34, './secret-doc/'],
    ];
    for (const [line, url] of reportLinks) warned('open-forms.md', line, url);
    warned('mdx-forms.mdx', 8, '../reports/secret-doc.md');
    warned('mdx-forms.mdx', 10, '../secret-doc/');
    warned('mdx-forms.mdx', 12, '/kb/reports/secret-doc/');
    warned('mdx-forms.mdx', 14, '/summaries/internal-note/');
    for (const url of ['../2/', './2023-2-draft', '2023-2-draft.md']) warned('2023-1.md', 10, url);
  });

  it('catches an excluded title, 文号, body sentence and relative links planted in the pages', async () => {
    const copy = await tempDir('gazette-planted-');
    await cp(build.outDir, copy, { recursive: true });
    const plant = async (page: string, html: string) => {
      const file = path.join(copy, page);
      await writeFile(file, (await readFile(file, 'utf8')).replace('</main>', `${html}</main>`));
    };
    await plant('reports/open-forms/index.html', '<p>另见链接机密调研报告天地玄黄。</p>');
    await plant('index.html', '<p>依据链研〔2023〕77号，机密正文标记日月盈昃不得外泄。</p>');
    await plant('reports/mdx-forms/index.html', '<p><a href="../secret-doc/">材料</a></p>');
    await plant('bulletins/links-journal/2023/1/index.html', '<p><a href="../2/">下一期</a></p>');
    const hits = await findLeaks(copy, documentsForScan(contentDir, 'public'));
    expect(hits.map((hit) => `${hit.outputFile} ${path.basename(hit.fingerprint.file)} ${hit.fingerprint.field}`).sort()).toEqual([
      'bulletins/links-journal/2023/1/index.html 2023-2-draft.md url',
      'index.html secret-doc.md body',
      'index.html secret-doc.md docNo',
      'reports/mdx-forms/index.html secret-doc.md slug',
      'reports/open-forms/index.html secret-doc.md title',
    ]);
  });

  /** The output of a public build of the fixture with `files` added or replaced, which must fail. */
  async function failedBuildWith(files: Record<string, string>): Promise<string> {
    const failed = await buildSite({ contentDir: await makeContent(files, contentDir), base: '/kb/', audience: 'public', pipeline: true });
    expect(failed.ok).toBe(false);
    return failed.output;
  }

  it('fails a build whose journal quotes the restricted title, 文号 and body, naming each', async () => {
    const output = await failedBuildWith({
      'publications/links-journal.yaml':
        'name: 链接快报\nissuer: 链接测试办公室\ndescription: 依据链研〔2023〕77号《链接机密调研报告天地玄黄》：机密正文标记日月盈昃不得外泄。\n',
    });
    expect(output).toContain('leak scan failed');
    for (const field of ['标题“链接机密调研报告天地玄黄”', '发文字号“链研〔2023〕77号”', '正文句子“机密正文标记日月盈昃不得外泄”']) {
      expect(output).toMatch(new RegExp(`bulletins/links-journal/index\\.html: 含有 \\S*secret-doc\\.md 的${escape(field)}`));
    }
  });

  it('stops a build whose Markdown has a raw HTML link to an excluded document, naming the file and line', async () => {
    const output = await failedBuildWith({
      'reports/raw-html.md':
        '---\ntitle: 原始链接报告\ndate: 2023-04-03\nissuer: 链接研究室\naccess: public\n---\n\n见<a href="../secret-doc/">材料</a>。\n',
    });
    expect(output).toMatch(/raw-html\.md:8[^\n]*\n[^\n]*\.\.\/secret-doc\/\n[^\n]*HTML 链接指向本次构建不发布的文档/);
  });
});
