/**
 * The publishing gates inside `npm run build` (scripts/build.ts), on the
 * `gates` fixture: restricted, draft and internal documents that public ones
 * link to (and that link back) and share topics and keywords with. Both audiences are built once
 * with the whole pipeline; the assertions read what was really written.
 */
import { cp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { FILE_SIGNATURE, fragmentData } from '../../src/search/pagefind-contract.ts';
import { excludedFingerprints } from '../../src/leak-gate/scan.ts';
import { toIndexContent } from '../../src/search/text.ts';
import { documentsForScan, findLeaks, isThirdPartyAsset } from '../../src/leak-gate/gate.ts';
import { COMPRESSIBLE_EXTENSIONS, PRECOMPRESS_MIN_BYTES } from '../../scripts/publish/precompress.ts';
import { buildSite, listFiles, makeContent, readPage, type BuildResult } from '../helpers/build-site.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { FIXTURE_SITES } from '../helpers/paths.ts';
import { treeHashes } from '../helpers/tree-hashes.ts';

const contentDir = path.join(FIXTURE_SITES, 'gates');
const LEAK_SCAN_PASSED = 'leak scan passed';

/** The text of a page with tags removed, for "appears as plain text" checks. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, '');

describe('the access gate and the leak scan', () => {
  let internal: BuildResult;
  let publicBuild: BuildResult;
  /** The internal build's cache folder, which later builds of the internal site share, as an editor's do. */
  let internalCache: Record<string, string>;
  beforeAll(async () => {
    internalCache = { GAZETTE_CACHE_DIR: await tempDir('gazette-cache-') };
    // One after the other: concurrent astro builds share `.astro/` in the repository.
    internal = await buildSite({ contentDir, base: '/kb/', pipeline: true, env: internalCache });
    publicBuild = await buildSite({ contentDir, base: '/kb/', audience: 'public', pipeline: true });
  });

  it('builds both audiences, with the leak scan run inside the build', () => {
    expect(internal.ok, internal.output).toBe(true);
    expect(publicBuild.ok, publicBuild.output).toBe(true);
    expect(internal.output).toContain(LEAK_SCAN_PASSED);
    expect(publicBuild.output).toContain(LEAK_SCAN_PASSED);
  });

  it('fingerprints every excluded document: drafts and restricted always, internal ones in a public build', () => {
    const sources = (audience: 'internal' | 'public') =>
      new Set(excludedFingerprints(documentsForScan(contentDir, audience)).map((fp) => path.basename(fp.file)));
    expect(sources('internal')).toEqual(new Set(['2022-2-draft.md', 'secret-report.md']));
    expect(sources('public')).toEqual(new Set(['2022-2-draft.md', 'secret-report.md', 'internal-plan.md']));
  });

  it('finds no text of an excluded document anywhere in either build', async () => {
    expect(await findLeaks(internal.outDir, documentsForScan(contentDir, 'internal'))).toEqual([]);
    expect(await findLeaks(publicBuild.outDir, documentsForScan(contentDir, 'public'))).toEqual([]);
    // The internal build does publish the internal plan: the scan of the
    // public build's fingerprints would find it there, so it is really looking.
    const internalLeaks = await findLeaks(internal.outDir, documentsForScan(contentDir, 'public'));
    expect(new Set(internalLeaks.map((hit) => path.basename(hit.fingerprint.file)))).toEqual(new Set(['internal-plan.md']));
    expect(internalLeaks.map((hit) => hit.outputFile)).toEqual(
      expect.arrayContaining(['summaries/internal-plan/index.html', 'rss.xml', 'sitemap-0.xml', 'topics/关卡共享主题/index.html']),
    );
    // ...and in the search index, whose fragments it decodes.
    expect(internalLeaks.some((hit) => hit.outputFile.startsWith('pagefind/fragment/'))).toBe(true);
  });

  it('keeps a link to an excluded document as its own text, without the title, and warns', async () => {
    const html = await readPage(publicBuild.outDir, 'reports/open-report/');
    expect(textOf(html)).toContain('本报告参考了一份内部材料和年度计划');
    expect(textOf(html)).toContain('参考文献见专项材料');
    expect(html).not.toMatch(/<a [^>]*>(一份内部材料|年度计划|专项材料)<\/a>/);
    expect(html).toContain('<a href="/kb/reforms/public-reform/">另一份公开材料</a>');
    expect(publicBuild.output).toMatch(/reports\/open-report\.md:\d+[\s\S]*?\.\.\/reports\/secret-report\.md[\s\S]*?纯文本/);
    // The intranet build links the internal plan, which it publishes.
    const intranet = await readPage(internal.outDir, 'reports/open-report/');
    expect(intranet).toContain('<a href="/kb/summaries/internal-plan/">年度计划</a>');
  });

  it('skips the draft issue in previous/next links and counts only published documents', async () => {
    const first = await readPage(internal.outDir, 'bulletins/gates-journal/2022/1/');
    expect(first).toMatch(/<a rel="next" href="\/kb\/bulletins\/gates-journal\/2022\/3\/">/);
    const topic = await readPage(publicBuild.outDir, 'topics/关卡共享主题/');
    // Public: two bulletins, the open report and the reform.
    expect(topic).toContain('共 4 篇');
    const intranetTopic = await readPage(internal.outDir, 'topics/关卡共享主题/');
    expect(intranetTopic).toContain('共 5 篇');
  });

  it('lists the published documents that link to a page (引用本文的文档), never an excluded one', async () => {
    const backlinksOf = async (build: BuildResult, sitePath: string) => {
      const section = /<aside class="backlinks"[\s\S]*?<\/aside>/.exec(await readPage(build.outDir, sitePath))?.[0];
      if (section) expect(section).toContain('引用本文的文档');
      return section
        ? [...section.matchAll(/<a class="doc-list__title" href="([^"]+)">([^<]+)<\/a>/g)].map((match) => `${match[1]} ${match[2]}`)
        : [];
    };
    // The public reform is linked from the open report and from the restricted report.
    for (const build of [internal, publicBuild]) {
      expect(await backlinksOf(build, 'reforms/public-reform/')).toEqual(['/kb/reports/open-report/ 关卡公开调研报告']);
    }
    // The open report is linked from the internal plan and from the restricted report: the intranet lists the plan.
    expect(await backlinksOf(internal, 'reports/open-report/')).toEqual(['/kb/summaries/internal-plan/ 关卡内部年度计划甲乙丙']);
    expect(await backlinksOf(publicBuild, 'reports/open-report/')).toEqual([]);
    // The first issue is linked only from the draft issue.
    expect(await backlinksOf(internal, 'bulletins/gates-journal/2022/1/')).toEqual([]);
  });

  it('gives indicators no source link to an excluded document', async () => {
    const items = await readPage(publicBuild.outDir, 'indicators/gate-items/');
    // (Scoped styles add data-astro-cid attributes to the links.)
    expect(items).toMatch(/<a href="\/kb\/reports\/open-report\/"[^>]*>《关卡公开调研报告》<\/a>/);
    expect(items).not.toContain('secret-report');
    expect(items).not.toContain('关卡机密调研报告');
    // The internal plan is a source on the intranet only.
    const intranet = await readPage(internal.outDir, 'indicators/gate-plans/');
    expect(intranet).toMatch(/<a href="\/kb\/summaries\/internal-plan\/"[^>]*>《关卡内部年度计划甲乙丙》<\/a>/);
    const publicFiles = await listFiles(publicBuild.outDir);
    expect(publicFiles.filter((f) => f.startsWith('indicators/gate-plans'))).toEqual([]);
  });

  it('writes no inline style attributes, which the CSP would block (code blocks are not colourised)', async () => {
    const html = await readPage(internal.outDir, 'reports/open-report/');
    expect(html).toContain('统计口径：截至2022年3月底');
    for (const file of (await listFiles(internal.outDir)).filter((f) => f.endsWith('.html'))) {
      expect(await readFile(path.join(internal.outDir, file), 'utf8'), file).not.toMatch(/\sstyle="/);
    }
  });

  it('writes a gzip copy of every text file of 1 KB or more, with the same content', async () => {
    const files = await listFiles(internal.outDir);
    const large: string[] = [];
    for (const file of files.filter((f) => COMPRESSIBLE_EXTENSIONS.has(path.extname(f)))) {
      const content = await readFile(path.join(internal.outDir, file));
      if (content.length < PRECOMPRESS_MIN_BYTES) continue;
      large.push(file);
      expect(files, file).toContain(`${file}.gz`);
      expect(gunzipSync(await readFile(path.join(internal.outDir, `${file}.gz`))).equals(content), file).toBe(true);
    }
    expect(large).toContain('reports/open-report/index.html');
  });

  it('catches a leak planted in a page, a feed, JSON, CSV and a Pagefind fragment', async () => {
    const copy = await tempDir('gazette-planted-');
    await cp(internal.outDir, copy, { recursive: true });
    const page = path.join(copy, 'reports/open-report/index.html');
    await writeFile(page, (await readFile(page, 'utf8')).replace('</main>', '<p>关卡机密调研<em>报告</em>子丑寅</p></main>'));
    const feed = path.join(copy, 'rss.xml');
    await writeFile(feed, (await readFile(feed, 'utf8')).replace('</channel>', '<item><title>GATE-2022-0099</title></item></channel>'));
    await writeFile(path.join(copy, 'data.json'), JSON.stringify({ note: '机密报告正文第二句午未申同样不得外泄' }));
    await writeFile(path.join(copy, 'table.csv'), '指标,数值\n机密表格单元格酉戌亥,42\n');
    // Pagefind stores each page as gzip(signature + JSON); the site's
    // index text splits words with thin spaces and marks letter and digit runs.
    const fragments = (await listFiles(copy)).filter((f) => f.startsWith('pagefind/fragment/'));
    expect(fragments.length).toBeGreaterThan(0);
    const fragmentFile = path.join(copy, fragments[0]!);
    const fragment = fragmentData(gunzipSync(await readFile(fragmentFile)).toString('utf8'));
    fragment.content = toIndexContent('公开标题', ['草稿期的正文第一句不得发布', '编号GATE-2022-0099'], 8);
    await writeFile(fragmentFile, gzipSync(Buffer.from(`${FILE_SIGNATURE}${JSON.stringify(fragment)}`)));

    const hits = await findLeaks(copy, documentsForScan(contentDir, 'internal'));
    const where = new Map(
      hits
        .filter((hit) => hit.outputFile !== fragments[0])
        .map((hit) => [hit.outputFile, `${path.basename(hit.fingerprint.file)} ${hit.fingerprint.field}`]),
    );
    expect(Object.fromEntries(where)).toEqual({
      'reports/open-report/index.html': 'secret-report.md title',
      'rss.xml': 'secret-report.md indexNo',
      'data.json': 'secret-report.md body',
      'table.csv': 'secret-report.md body',
    });
    const inFragment = hits
      .filter((hit) => hit.outputFile === fragments[0])
      .map((hit) => `${path.basename(hit.fingerprint.file)} ${hit.fingerprint.field}`);
    expect(inFragment.sort()).toEqual(['2022-2-draft.md body', 'secret-report.md indexNo']);
  });

  describe('atomic output', () => {
    async function siblingsOf(dir: string): Promise<string[]> {
      return (await readdir(path.dirname(dir))).filter((name) => name.startsWith(`.${path.basename(dir)}-`));
    }

    it('swaps a passing build in and leaves no staging folder behind', async () => {
      expect(await readdir(internal.outDir)).toContain('index.html');
      expect(await siblingsOf(internal.outDir)).toEqual([]);
      expect(await siblingsOf(publicBuild.outDir)).toEqual([]);
    });

    it('scans and compresses again only what changed since the last build', async () => {
      const scanned = (output: string) => /leak scan passed: (\d+) files scanned, (\d+) unchanged/.exec(output)!.slice(1).map(Number);
      const gzipped = (output: string) => /(\d+) files gzipped, (\d+) of them unchanged/.exec(output)!.slice(1).map(Number);
      const [firstScanned, firstKnown] = scanned(internal.output);
      // Every file the build ships is scanned once (the search index's shards as they are written), except the gzip copies of scanned files
      // and Pagefind's program files.
      const shipped = (await listFiles(internal.outDir)).filter((file) => !file.endsWith('.gz'));
      expect(shipped.filter(isThirdPartyAsset)).toEqual(expect.arrayContaining(['pagefind/pagefind.js', 'pagefind/wasm.unknown.pagefind']));
      expect(firstScanned).toBe(shipped.filter((file) => !isThirdPartyAsset(file)).length);
      expect(firstKnown).toBe(0);
      const [firstGzipped, firstReused] = gzipped(internal.output);
      expect(firstGzipped).toBeGreaterThan(20);
      expect(firstReused).toBe(0);
      // The same content again, with the same cache, into the same folder: every file is the same, byte for byte.
      const before = await treeHashes(internal.outDir);
      const homeGzip = path.join(internal.outDir, 'index.html.gz');
      const homeGzipInode = (await stat(homeGzip)).ino;
      const again = await buildSite({ contentDir, base: '/kb/', pipeline: true, outDir: internal.outDir, env: internalCache });
      expect(again.ok, again.output).toBe(true);
      expect(scanned(again.output)).toEqual([0, firstScanned]);
      expect(gzipped(again.output)).toEqual([firstGzipped, firstGzipped]);
      expect(await treeHashes(internal.outDir)).toEqual(before);
      // Taken over as a hard link, not copied: the same file lives on in the new output.
      expect((await stat(homeGzip)).ino).toBe(homeGzipInode);
    });

    it('leaves the previous output byte for byte as it was when the content is bad', async () => {
      const before = await treeHashes(internal.outDir);
      const broken = await makeContent({ 'reports/broken.md': '---\ntitle: 缺少日期的报告\nissuer: 关卡研究室\n---\n正文\n' }, contentDir);
      const failed = await buildSite({ contentDir: broken, base: '/kb/', pipeline: true, outDir: internal.outDir });
      expect(failed.ok).toBe(false);
      expect(failed.output).toContain('broken.md');
      expect(failed.output).toContain('保持原样');
      expect(await treeHashes(internal.outDir)).toEqual(before);
      expect(await siblingsOf(internal.outDir)).toEqual([]);
    });

    it('leaves the previous output as it was when a gate fails, and names the leak', async () => {
      const before = await treeHashes(internal.outDir);
      // A journal's description quoting a restricted report's title is a leak.
      const leaking = await makeContent(
        { 'publications/gates-journal.yaml': 'name: 关卡快报\nissuer: 关卡测试办公室\ndescription: 另见关卡机密调研报告子丑寅。\n' },
        contentDir,
      );
      // With the cache of the clean build: the changed pages are scanned again.
      const failed = await buildSite({ contentDir: leaking, base: '/kb/', pipeline: true, outDir: internal.outDir, env: internalCache });
      expect(failed.ok).toBe(false);
      expect(failed.output).toContain('leak scan failed');
      expect(failed.output).toMatch(/bulletins\/gates-journal\/index\.html: 含有 .*secret-report\.md 的标题“关卡机密调研报告子丑寅”/);
      expect(await treeHashes(internal.outDir)).toEqual(before);
      expect(await siblingsOf(internal.outDir)).toEqual([]);
    });
  });
});
