/**
 * Builds the shipped content and the `basic` fixture and asserts on the HTML
 * really written: heading levels of the seed, one page per document, the
 * access gate, the base path, and editor errors.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildSite, listFiles, listHtmlFiles, makeContent, readPage, type BuildResult } from '../helpers/build-site.ts';
import { FIXTURE_SITES, REPO_ROOT } from '../helpers/paths.ts';

const KIND_FOLDERS = ['bulletins', 'reports', 'summaries', 'reforms'];
const DOCUMENT_PAGE = /^(bulletins\/[^/]+\/\d{4}\/\d+|(reports|summaries|reforms)\/(?!page\/)[^/]+)\/index\.html$/;

/** Every document file in a content folder with its parsed front matter. */
async function documentsIn(contentDir: string) {
  const docs = [];
  for (const kind of KIND_FOLDERS) {
    const files = (await listFiles(path.join(contentDir, kind)).catch(() => [])).filter((f) => /\.mdx?$/.test(f));
    for (const file of files) {
      const text = await readFile(path.join(contentDir, kind, file), 'utf8');
      const frontMatter = parseYaml(/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)![1]!);
      docs.push({ kind, file, data: frontMatter as Record<string, unknown> });
    }
  }
  return docs;
}

describe('the shipped site', () => {
  let build: BuildResult;
  beforeAll(async () => {
    build = await buildSite({ contentDir: path.join(REPO_ROOT, 'content') });
  });

  it('builds', () => {
    expect(build.output).toContain('Complete!');
    expect(build.ok).toBe(true);
  });

  it('renders the seed summary with official heading levels', async () => {
    const html = await readPage(build.outDir, 'summaries/2020-annual-summary/');
    expect(html).toMatch(/<h2 id="[^"]+">一、2020年工作总结<\/h2>/);
    expect(html).toMatch(/<h2 id="[^"]+">二、2020年工作计划<\/h2>/);
    // The run-in heading is an h3 and the rest of its line the paragraph right after it.
    expect(html).toMatch(/<h3 id="[^"]+">\(一\)政务服务协调保障能力明显提升。<\/h3>\s*<p>紧紧围绕红坳村整村搬迁/);
    expect(html.match(/<h3 /g)).toHaveLength(17);
    // Every sentence of the source is kept.
    const source = await readFile(path.join(REPO_ROOT, 'tests/fixtures/seeds/000_94ad5dffbcaec705.txt'), 'utf8');
    const text = html.replace(/<[^>]+>/g, '');
    for (const sentence of source
      .split(/(?<=。)|\n/)
      .map((s) => s.trim())
      .filter(Boolean)) {
      expect(text).toContain(sentence);
    }
  });

  it('shows a table of contents and the metadata block with Chinese labels', async () => {
    const html = await readPage(build.outDir, 'summaries/2020-annual-summary/');
    expect(html).toMatch(/<nav class="toc"[^>]*>[\s\S]*href="#[^"]+">一、2020年工作总结<\/a>/);
    expect(html).toContain('<dt>发布机构</dt>');
    expect(html).toContain('<dd>2020年12月31日</dd>');
  });

  it('writes exactly one page per publishable document', async () => {
    const docs = (await documentsIn(path.join(REPO_ROOT, 'content'))).filter(
      (d) => d.data.draft !== true && d.data.access !== 'restricted',
    );
    const pages = (await listHtmlFiles(build.outDir)).filter((f) => DOCUMENT_PAGE.test(f));
    expect(docs.length).toBeGreaterThan(0);
    expect(pages).toHaveLength(docs.length);
    for (const doc of docs.filter((d) => d.kind !== 'bulletins')) {
      expect(pages).toContain(`${doc.kind}/${doc.file.replace(/\.mdx?$/, '')}/index.html`);
    }
  });
});

describe('the basic fixture', () => {
  const contentDir = path.join(FIXTURE_SITES, 'basic');
  let internal: BuildResult;
  let publicBuild: BuildResult;
  beforeAll(async () => {
    internal = await buildSite({ contentDir, base: '/kb/' });
    // The public build knows where it will be deployed; the internal one does not.
    publicBuild = await buildSite({ contentDir, base: '/kb/', audience: 'public', env: { SITE_URL: 'http://intranet.example' } });
  });

  async function allText(outDir: string): Promise<string> {
    const files = (await listFiles(outDir)).filter((f) => /\.(html|xml|json|txt)$/.test(f));
    return (await Promise.all(files.map((f) => readFile(path.join(outDir, f), 'utf8')))).join('\n');
  }

  it('builds both audiences', () => {
    expect(internal.ok, internal.output).toBe(true);
    expect(publicBuild.ok, publicBuild.output).toBe(true);
  });

  it('gives the page count of the publishable documents, nothing more', async () => {
    const internalPages = (await listHtmlFiles(internal.outDir)).filter((f) => DOCUMENT_PAGE.test(f));
    expect(internalPages).toEqual([
      'bulletins/test-journal/2021/1/index.html',
      'bulletins/test-journal/2021/2/index.html',
      'reforms/reform-a/index.html',
      'reports/public-report/index.html',
      'summaries/internal-summary/index.html',
    ]);
    const publicPages = (await listHtmlFiles(publicBuild.outDir)).filter((f) => DOCUMENT_PAGE.test(f));
    expect(publicPages).not.toContain('summaries/internal-summary/index.html');
    expect(publicPages).toHaveLength(4);
  });

  it('ships no schema code to the browser: the search script reaches the registry of kinds without using it', async () => {
    const scripts = (await listFiles(internal.outDir)).filter((file) => file.startsWith('_astro/') && file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      // zod's error class keeps its name through minification; astro.config.mjs (treeshake) is what keeps it out.
      expect(await readFile(path.join(internal.outDir, script), 'utf8'), script).not.toContain('ZodError');
    }
  });

  it('leaves no trace of draft and restricted documents in pages, listings, feeds or the sitemap', async () => {
    for (const build of [internal, publicBuild]) {
      const text = await allText(build.outDir);
      for (const secret of [
        '草稿期次甲乙丙',
        '草稿正文不应出现',
        '机密调研报告丁戊己',
        '机密正文庚辛壬',
        'TEST-2021-0099',
        'restricted-report',
      ]) {
        expect(text).not.toContain(secret);
      }
    }
    const publicText = await allText(publicBuild.outDir);
    expect(publicText).not.toContain('内部年度总结子丑寅');
    expect(publicText).not.toContain('internal-summary');
  });

  it('lists documents in feeds and the sitemap under the base', async () => {
    const feed = await readFile(path.join(internal.outDir, 'rss.xml'), 'utf8');
    expect(feed).toContain('<title>公开调研报告</title>');
    expect(feed).toContain('/kb/reports/public-report/');
    const sitemap = await readFile(path.join(internal.outDir, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('/kb/reports/public-report/');
  });

  it('writes feeds and the sitemap under SITE_URL, and warns when a build has none', async () => {
    const feed = await readFile(path.join(publicBuild.outDir, 'rss.xml'), 'utf8');
    expect(feed).toContain('<link>http://intranet.example/kb/reports/public-report/</link>');
    expect(await readFile(path.join(publicBuild.outDir, 'sitemap-0.xml'), 'utf8')).toContain(
      '<loc>http://intranet.example/kb/reports/public-report/</loc>',
    );
    expect(await allText(publicBuild.outDir)).not.toContain('localhost');
    expect(publicBuild.output).not.toContain('SITE_URL');
    expect(internal.output).toMatch(/WARN.*\[gazette-site-url\] 未设置 SITE_URL.*（SITE_URL is not set/);
  });

  it('links the previous and next issue of a journal', async () => {
    const first = await readPage(internal.outDir, 'bulletins/test-journal/2021/1/');
    expect(first).toContain('href="/kb/bulletins/test-journal/2021/2/"');
    expect(first).not.toContain('rel="prev"');
    const second = await readPage(internal.outDir, 'bulletins/test-journal/2021/2/');
    expect(second).toContain('href="/kb/bulletins/test-journal/2021/1/"');
  });

  it('renders GFM, official headings and leaders instructions', async () => {
    const html = await readPage(internal.outDir, 'reports/public-report/');
    expect(html).toMatch(/<h3 id="[^"]+">（一）总体进展。<\/h3>\s*<p>本段是标题之后的正文。<\/p>/);
    expect(html).toMatch(/<h4 id="[^"]+">1．第三级标题<\/h4>/);
    expect(html).toMatch(/<h5 id="[^"]+">（1）第四级标题<\/h5>/);
    expect(html).toContain('<table>');
    expect(html).toContain('type="checkbox"');
    expect(html).toContain('<del>删除线</del>');
    expect(html).toContain('注释');
    expect(html).not.toContain('Footnotes');
    expect(html).toContain('测试领导');
    expect(html).toContain('请抓紧落实。');
  });

  it('marks the current section in the header: the section page itself, or any page inside it', async () => {
    const expected: Record<string, [string, 'page' | 'true'] | undefined> = {
      '': ['/kb/', 'page'],
      'reports/': ['/kb/reports/', 'page'],
      'reports/public-report/': ['/kb/reports/', 'true'],
      'bulletins/test-journal/': ['/kb/bulletins/', 'true'],
      'bulletins/test-journal/2021/1/': ['/kb/bulletins/', 'true'],
      'years/': ['/kb/years/', 'page'],
      'years/2021/': ['/kb/years/', 'true'],
      'topics/共享主题/': ['/kb/topics/', 'true'],
      'issuers/': ['/kb/issuers/', 'page'],
      'search/': undefined,
    };
    for (const [sitePath, current] of Object.entries(expected)) {
      const nav = /<nav class="site-nav"[\s\S]*?<\/nav>/.exec(await readPage(internal.outDir, sitePath))![0];
      const marked = [...nav.matchAll(/<a href="([^"]+)" aria-current="([^"]+)"/g)].map((match) => [match[1], match[2]]);
      expect(marked, sitePath || 'home').toEqual(current ? [current] : []);
    }
  });

  it('gives every listing page breadcrumbs that lead back to the home page and the section', async () => {
    const trails: Record<string, string[]> = {
      'reports/': ['/kb/'],
      'bulletins/test-journal/': ['/kb/', '/kb/bulletins/'],
      'years/': ['/kb/'],
      'years/2021/': ['/kb/', '/kb/years/'],
      'topics/': ['/kb/'],
      'topics/共享主题/': ['/kb/', '/kb/topics/'],
      'issuers/': ['/kb/'],
      'issuers/测试办公室/': ['/kb/', '/kb/issuers/'],
      // Document pages had them first; they keep theirs.
      'reports/public-report/': ['/kb/', '/kb/reports/'],
      'bulletins/test-journal/2021/1/': ['/kb/', '/kb/bulletins/', '/kb/bulletins/test-journal/'],
    };
    for (const [sitePath, links] of Object.entries(trails)) {
      const html = await readPage(internal.outDir, sitePath);
      const trail = /<nav class="breadcrumb" aria-label="当前位置"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1];
      expect(trail, sitePath).toBeDefined();
      expect(
        [...trail!.matchAll(/href="([^"]+)"/g)].map((match) => decodeURI(match[1]!)),
        sitePath,
      ).toEqual(links);
      // The page itself closes the trail, marked as the current page, unlinked.
      if (!DOCUMENT_PAGE.test(`${sitePath}index.html`)) expect(trail, sitePath).toMatch(/<span aria-current="page">[^<]+<\/span>/);
    }
  });

  it('makes every internal link and asset resolve under /kb/', async () => {
    const pages = await listHtmlFiles(internal.outDir);
    const files = new Set(await listFiles(internal.outDir));
    const broken: string[] = [];
    for (const page of pages) {
      const html = await readFile(path.join(internal.outDir, page), 'utf8');
      for (const [, url] of html.matchAll(/(?:href|src)="([^"#?]+)[^"]*"/g)) {
        if (/^(https?:|mailto:|data:)/.test(url!) || url === '') continue;
        expect(url, `${page} links ${url}`).toMatch(/^\/kb\//);
        const target = decodeURI(url!.slice('/kb/'.length));
        const exists = files.has(target) || files.has(path.join(target, 'index.html'));
        if (!exists) broken.push(`${page} → ${url}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('editor errors', () => {
  const basic = path.join(FIXTURE_SITES, 'basic');

  it('fails on a schema error, naming the file and the field', async () => {
    const contentDir = await makeContent(
      { 'reforms/bad-status.md': '---\ntitle: 状态错误\ndate: 2021-01-01\nissuer: 测试\nlevel: 区级\nstatus: 进行中\n---\n正文\n' },
      basic,
    );
    const build = await buildSite({ contentDir });
    expect(build.ok).toBe(false);
    expect(build.output).toContain('bad-status');
    expect(build.output).toContain('status');
  });

  it('fails on a duplicate bulletin issue, naming both files', async () => {
    const contentDir = await makeContent(
      {
        'bulletins/2021-1-again.md':
          '---\ntitle: 重复期号\ndate: 2021-04-01\nissuer: 测试办公室\npublication: 测试快报\nissue: 1\n---\n正文\n',
      },
      basic,
    );
    const build = await buildSite({ contentDir });
    expect(build.ok).toBe(false);
    expect(build.output).toContain('bulletins/2021-1.md');
    expect(build.output).toContain('bulletins/2021-1-again.md');
  });
});
