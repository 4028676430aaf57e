/**
 * The editor's path end to end, on real builds: odd but valid files build,
 * `npm run new` writes files that pass the check and build, links between
 * documents work under the /kb/ base, `npm run import` refuses bad input with
 * exit code 2, pages show their dates of change and editors' notes but no
 * commit text, and the shipped site has no broken internal link.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkBuiltLinks } from '../../src/lib/link-check/built-links.ts';
import { buildSite, listFiles, makeContent, readPage, run, type BuildResult } from '../helpers/build-site.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { FIXTURE_SITES, REPO_ROOT } from '../helpers/paths.ts';

const BASIC = path.join(FIXTURE_SITES, 'basic');
const script = (name: string) => path.join(REPO_ROOT, 'scripts', name);
const runScript = (name: string, args: string[], contentDir: string) =>
  run(process.execPath, [script(name), ...args], { GAZETTE_CONTENT_DIR: contentDir, FORCE_COLOR: '0', NO_COLOR: '1' });

/** About 1 MB of prose under official headings. */
function largeDocument(): string {
  const paragraph = '全年共组织政务活动1930个，其中接待上级部门和领导调研、检查、来访198次，各项工作有序推进。'.repeat(20);
  const sections = Array.from({ length: 120 }, (_, i) => `## ${i + 1}、第${i + 1}部分\n\n${`${paragraph}\n\n`.repeat(6)}`);
  return `---\ntitle: 一兆字节的长文档\ndate: 2021-06-01\nissuer: 测试办公室\naccess: public\n---\n\n${sections.join('\n')}`;
}

describe('odd but valid content, new documents and links, under /kb/', () => {
  let contentDir: string;
  let build: BuildResult;
  const scaffolded: Record<string, string> = {};

  beforeAll(async () => {
    contentDir = await makeContent(
      {
        'reports/bom.md': '\uFEFF---\ntitle: 带字节顺序标记的文档\ndate: 2021-06-01\nissuer: 测试办公室\n---\n\n正文甲。\n',
        'reports/crlf.md':
          '---\r\ntitle: Windows换行的文档\r\ndate: 2021-06-02\r\nissuer: 测试办公室\r\n---\r\n\r\n## 一、标题\r\n\r\n正文乙。\r\n',
        'reports/关于 测试 的报告.md': '---\ntitle: 中文和空格文件名\ndate: 2021-06-03\nissuer: 测试办公室\n---\n\n正文丙。\n',
        'reports/large.md': largeDocument(),
        'reports/links.md': [
          '---\ntitle: 链接测试\ndate: 2021-06-04\nissuer: 测试办公室\n---\n',
          '见[调研报告的基本情况](public-report.md#一、基本情况)、[年度总结](../summaries/internal-summary.md)、[机密报告](restricted-report.md)和[第1期][快报]。',
          '',
          '[快报]: ../bulletins/2021-1.md',
          '',
        ].join('\n'),
      },
      BASIC,
    );
    // `npm run new` for every kind, from a script (no terminal).
    for (const kind of ['bulletins', 'reports', 'summaries', 'reforms']) {
      const { exitCode, output } = await runScript(
        'new.ts',
        [kind, '--title', `新建${kind}文档`, '--date', '2021-07-01', '--journal', '测试快报'],
        contentDir,
      );
      expect(exitCode, output).toBe(0);
      scaffolded[kind] = /已新建（created）：(.+)/.exec(output)![1]!.trim();
    }
    const check = await runScript('check.ts', [], contentDir);
    expect(check.exitCode, check.output).toBe(0);
    // Editors publish a finished draft by deleting its draft line.
    for (const file of Object.values(scaffolded)) {
      const absolute = path.resolve(REPO_ROOT, file);
      await writeFile(absolute, (await readFile(absolute, 'utf8')).replace(/^draft: true\n/m, ''));
    }
    build = await buildSite({ contentDir, base: '/kb/' });
  });

  it('builds', () => {
    expect(build.output).toContain('Complete!');
    expect(build.ok).toBe(true);
  });

  it('builds a BOM, CRLF line endings, a Chinese file name with spaces and a 1 MB document', async () => {
    expect(await readPage(build.outDir, 'reports/bom/')).toContain('带字节顺序标记的文档');
    expect(await readPage(build.outDir, 'reports/crlf/')).toMatch(/<h2 id="[^"]+">一、标题<\/h2>/);
    expect(await readPage(build.outDir, 'reports/关于-测试-的报告/')).toContain('中文和空格文件名');
    expect((await stat(path.join(contentDir, 'reports/large.md'))).size).toBeGreaterThan(1_000_000);
    const large = await readPage(build.outDir, 'reports/large/');
    expect(large.match(/<h2 id=/g)!.length).toBeGreaterThanOrEqual(120);
  });

  it('writes a new document of every kind that passes the check and builds', async () => {
    expect(scaffolded.bulletins).toMatch(/bulletins\/test-journal-2021-4\.md$/); // issues 1–3 of 2021 exist
    for (const [kind, file] of Object.entries(scaffolded)) {
      expect(await readFile(path.resolve(REPO_ROOT, file), 'utf8')).toContain(`title: 新建${kind}文档`);
    }
    expect(await readPage(build.outDir, 'bulletins/test-journal/2021/4/')).toContain('新建bulletins文档');
    for (const kind of ['reports', 'summaries', 'reforms']) {
      const id = path.basename(scaffolded[kind]!, '.md');
      expect(await readPage(build.outDir, `${kind}/${id}/`)).toContain(`新建${kind}文档`);
    }
  });

  it('turns links between documents into site URLs under the base', async () => {
    const html = await readPage(build.outDir, 'reports/links/');
    expect(html).toMatch(/<a href="\/kb\/reports\/public-report\/#[^"]+">调研报告的基本情况<\/a>/);
    expect(html).toContain('<a href="/kb/summaries/internal-summary/">年度总结</a>');
    expect(html).toContain('<a href="/kb/bulletins/test-journal/2021/1/">第1期</a>');
    expect(html).not.toContain('.md"');
  });

  it('shows a link to an excluded document as its own text, and warns', async () => {
    const html = await readPage(build.outDir, 'reports/links/');
    expect(html).toContain('、机密报告和<a');
    expect(html).not.toContain('机密报告丁戊己');
    expect(build.output).toMatch(/\[WARN\][^\n]*links\.md:7[^\n]*\n[^\n]*restricted-report\.md/);
  });

  it('leaves no broken internal link, heading anchors included', () => {
    expect(checkBuiltLinks(build.outDir, '/kb/')).toEqual([]);
  });

  it('shows no revision history outside git', async () => {
    expect(await readPage(build.outDir, 'reports/bom/')).not.toContain('修订记录');
  });
});

describe('the shipped site', () => {
  it('has no broken internal links under /kb/', async () => {
    const build = await buildSite({ contentDir: path.join(REPO_ROOT, 'content'), base: '/kb/' });
    expect(build.ok, build.output).toBe(true);
    const { exitCode, output } = await run(process.execPath, [script('check-links.ts'), build.outDir], { SITE_BASE: '/kb/' });
    expect(output).toContain('链接检查通过');
    expect(exitCode).toBe(0);
    // The shipped report's relative link to the summary became its page URL.
    expect(await readPage(build.outDir, 'reports/huaxing-g11-land-readjustment/')).toContain(
      '<a href="/kb/summaries/2020-annual-summary/">',
    );
  });
});

describe('npm run import', () => {
  it('imports the seed and refuses to overwrite without --force (exit code 2)', async () => {
    const contentDir = await makeContent({}, BASIC);
    const seed = path.join(REPO_ROOT, 'tests/fixtures/seeds/000_94ad5dffbcaec705.txt');
    const out = path.join(contentDir, 'summaries/seed.md');
    const first = await runScript('import.ts', [seed, '--kind', 'summaries', '--out', out], contentDir);
    expect(first.exitCode, first.output).toBe(0);
    const again = await runScript('import.ts', [seed, '--kind', 'summaries', '--out', out], contentDir);
    expect(again.exitCode).toBe(2);
    expect(again.output).toContain('--force');
    // The TODO placeholders fail the check until an editor fills them in.
    const check = await runScript('check.ts', [], contentDir);
    expect(check.exitCode).toBe(1);
    expect(check.output).toMatch(/summaries\/seed\.md:\d+ +字段 title/);
    expect(check.output).toMatch(/summaries\/seed\.md:\d+ +字段 year/);
  });

  it('refuses an existing review file, an output through a link out of content/ and a name with no slug: exit code 2, nothing written', async () => {
    const contentDir = await makeContent({}, BASIC);
    const seed = path.join(REPO_ROOT, 'tests/fixtures/seeds/000_94ad5dffbcaec705.txt');
    const outside = await tempDir('gazette-outside-');
    await symlink(outside, path.join(contentDir, 'summaries', 'linked'));
    const review = path.join(contentDir, 'summaries/seed.review.yaml');
    await writeFile(review, '# 编辑正在核对\n');
    const unnamed = path.join(await tempDir(), '！！！.txt');
    await copyFile(seed, unnamed);
    const before = await listFiles(contentDir);
    const attempts = {
      review: await runScript('import.ts', [seed, '--kind', 'summaries', '--out', path.join(contentDir, 'summaries/seed.md')], contentDir),
      link: await runScript(
        'import.ts',
        [seed, '--kind', 'summaries', '--out', path.join(contentDir, 'summaries/linked/seed.md')],
        contentDir,
      ),
      unnamed: await runScript('import.ts', [unnamed, '--kind', 'summaries'], contentDir),
    };
    for (const { exitCode, output } of Object.values(attempts)) {
      expect(exitCode, output).toBe(2);
      expect(output).not.toMatch(/^\s+at /m);
    }
    expect(attempts.review.output).toContain('seed.review.yaml 已存在');
    expect(attempts.link.output).toContain('符号链接');
    expect(attempts.unnamed.output).toContain('--out');
    expect(await listFiles(contentDir)).toEqual(before);
    expect(await readFile(review, 'utf8')).toBe('# 编辑正在核对\n');
    expect(await readdir(outside)).toEqual([]);
  });

  it.each([
    ['an unknown kind', 'memos', 'x.txt', '正文'],
    ['an empty file', 'reports', 'empty.txt', ''],
    ['an unreadable file', 'reports', 'binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0, 0xff])],
  ])('refuses %s with exit code 2 and changes nothing', async (_name, kind, file, content) => {
    const contentDir = await makeContent({}, BASIC);
    const input = path.join(await tempDir(), file);
    await writeFile(input, content);
    const before = await readdir(path.join(contentDir, 'reports'));
    const { exitCode, output } = await runScript('import.ts', [input, '--kind', kind], contentDir);
    expect(exitCode).toBe(2);
    expect(output.trim().length).toBeGreaterThan(0);
    expect(await readdir(path.join(contentDir, 'reports'))).toEqual(before);
  });
});

describe("revision history from git and editors' notes", () => {
  const git = (cwd: string, args: string[], date?: string) =>
    execFileSync('git', args, {
      cwd,
      env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
      stdio: 'pipe',
      encoding: 'utf8',
    });
  const edit = async (file: string, change: (text: string) => string) => writeFile(file, change(await readFile(file, 'utf8')));
  /** The dates and notes of a page's 修订记录, newest first. */
  const historyOf = (html: string) => {
    const section = /<section class="revision-history"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    return [
      ...section.matchAll(
        /<li[^>]*><time datetime="([^"]+)"[^>]*>[^<]*<\/time>(?:<span class="revision-history__note"[^>]*>([^<]*)<\/span>)?<\/li>/g,
      ),
    ].map((m) => [m[1], m[2] ?? '']);
  };
  let repo: string;
  let first: BuildResult;

  beforeAll(async () => {
    repo = await tempDir('gazette-repo-');
    const contentDir = await makeContent({}, BASIC);
    git(repo, ['init', '-q']);
    git(repo, ['config', 'user.email', 'editor@example.invalid']);
    git(repo, ['config', 'user.name', '编辑']);
    execFileSync('cp', ['-r', contentDir, path.join(repo, 'content')]);
    git(repo, ['add', '.']);
    git(repo, ['commit', '-qm', '收录测试文档'], '2021-02-01T10:00:00+08:00');
    // One commit changes a public and a restricted document, and its subject names the restricted one.
    const report = path.join(repo, 'content/reports/public-report.md');
    const restricted = path.join(repo, 'content/reports/restricted-report.md');
    await edit(report, (text) => `${text}\n补充一段正文。\n`);
    await edit(restricted, (text) => text.replace('access: restricted', 'docNo: 测密〔2021〕9号\naccess: restricted'));
    git(repo, ['commit', '-qam', '修改《机密调研报告丁戊己》（测密〔2021〕9号）并补充公开报告'], '2021-03-05T10:00:00+08:00');
    // The editors' notes, one of them for a revision from before the file was in git; a second commit the same day.
    await edit(report, (text) =>
      text.replace(
        'access: public',
        "access: public\nrevisions:\n  - { date: 2021-03-05, note: 补充调研报告正文 }\n  - { date: '2020-12-20', note: 形成初稿。 }",
      ),
    );
    git(repo, ['commit', '-qam', 'fix(content): add revision notes, see JIRA-1234'], '2021-03-05T18:00:00+08:00');
    await edit(report, (text) => `${text.replace('补充一段正文。', '补充一段正文。   ')}\n\n`);
    git(repo, ['commit', '-qam', 'chore: whitespace only'], '2021-04-01T10:00:00+08:00');
    first = await buildSite({ contentDir: path.join(repo, 'content'), pipeline: true });
  });

  it("lists each date of change once, newest first, with the editors' notes and without whitespace-only changes", async () => {
    expect(first.ok, first.output).toBe(true);
    const html = await readPage(first.outDir, 'reports/public-report/');
    expect(html).toContain('修订记录');
    expect(historyOf(html)).toEqual([
      ['2021-03-05', '补充调研报告正文'],
      ['2021-02-01', ''],
      ['2020-12-20', '形成初稿。'],
    ]);
    expect(html).toMatch(/最后更新：<time datetime="2021-03-05"/);
    // A document changed once shows that one date.
    const reform = await readPage(first.outDir, 'reforms/reform-a/');
    expect(historyOf(reform)).toEqual([['2021-02-01', '']]);
    expect(reform).toMatch(/最后更新：<time datetime="2021-02-01"/);
  });

  it('publishes no commit subject or hash in any output file', async () => {
    expect(first.ok, first.output).toBe(true);
    const subjects = git(repo, ['log', '--format=%s']).trim().split('\n');
    const hashes = git(repo, ['log', '--format=%H']).trim().split('\n');
    expect(subjects).toHaveLength(4);
    // Text as a reader or a search index could hold it: decompressed, without the index's word separators.
    const flat = (text: string) => text.replace(/[\s\u200b]/g, '');
    const needles = [...subjects.map(flat), '测密〔2021〕9号', ...hashes, ...hashes.map((hash) => hash.slice(0, 10))];
    const found: string[] = [];
    let notesSeen = 0;
    for (const file of await listFiles(first.outDir)) {
      const bytes = await readFile(path.join(first.outDir, file));
      const text = flat((bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8'));
      for (const needle of needles) if (text.includes(needle)) found.push(`${file}: ${needle}`);
      if (text.includes('形成初稿')) notesSeen += 1;
    }
    expect(found).toEqual([]);
    // The scan reads what it should: the editor's note is there (the page and its .gz copy).
    expect(notesSeen).toBeGreaterThanOrEqual(2);
  });

  it('gives the same page on a second build of the same commit', async () => {
    const second = await buildSite({ contentDir: path.join(repo, 'content'), pipeline: true });
    expect(await readPage(second.outDir, 'reports/public-report/')).toBe(await readPage(first.outDir, 'reports/public-report/'));
  });

  it("shows no dates from git in a shallow clone, only the editors' notes, and still builds", async () => {
    const clone = path.join(await tempDir('gazette-shallow-'), 'repo');
    git(path.dirname(clone), ['clone', '-q', '--depth', '1', `file://${repo}`, clone]);
    const shallow = await buildSite({ contentDir: path.join(clone, 'content') });
    expect(shallow.ok, shallow.output).toBe(true);
    expect(historyOf(await readPage(shallow.outDir, 'reports/public-report/'))).toEqual([
      ['2021-03-05', '补充调研报告正文'],
      ['2020-12-20', '形成初稿。'],
    ]);
    expect(await readPage(shallow.outDir, 'reforms/reform-a/')).not.toContain('修订记录');
  });
});
