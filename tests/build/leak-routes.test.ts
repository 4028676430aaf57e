/**
 * Issue 15's whole promise in one fixture: a restricted document, and public
 * documents that try every route an editor's mistake could take it out by.
 * Either the build refuses, naming each file that tried, and writes nothing;
 * or, with only the routes a build may pass (links written in every form, a
 * commit that touched both files), it publishes no trace of the restricted
 * document in any output file: HTML, feeds, the sitemap, gzip copies and
 * Pagefind's files, decompressed.
 */
import { execFileSync } from 'node:child_process';
import { readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromIndexText } from '../../src/search/text.ts';
import { buildSite, listFiles, makeContent, type BuildResult } from '../helpers/build-site.ts';
import { FIXTURE_SITES } from '../helpers/paths.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const BASIC = path.join(FIXTURE_SITES, 'basic');

/** What of the restricted document must never leave the repository. */
const RESTRICTED = {
  file: 'reports/restricted-report.md',
  title: '机密调研报告丁戊己',
  slug: 'restricted-report',
  docNo: '测密〔2021〕9号',
  indexNo: 'TEST-2021-0099',
  body: '机密正文庚辛壬不应出现在任何输出中',
};

const FRONT = (title: string) => `---\ntitle: ${title}\ndate: 2021-07-01\nissuer: 测试研究室\naccess: public\n---\n\n`;

/** Public documents that link to it, in every form an editor writes. */
const LINKING = {
  'reports/link-forms.md': `${FRONT('公开链接报告')}见[材料一](../restricted-report/)、[材料二](./restricted-report.md)、[材料三](/kb/reports/restricted-report/)、[材料四](/reports/restricted-report/#二)。\n`,
};

/** Public documents that try to take it out by code, a link, or a misspelt key: each must stop the build. */
const REFUSED = {
  'reports/import-fs.mdx': `${FRONT('读取文件的报告')}import fs from 'node:fs';\n\n{fs.readFileSync('content/${RESTRICTED.file}', 'base64')}\n`,
  'reports/env-expression.mdx': `${FRONT('打印环境的报告')}主目录：{process.env.HOME}\n`,
  'reports/misspelt-access.md': `---\ntitle: 拼错字段的机密报告\ndate: 2021-07-01\nissuer: 测试研究室\nacess: restricted\n---\n\n拼错字段的机密正文。\n`,
};

const git = (cwd: string, args: string[]) =>
  execFileSync('git', args, {
    cwd,
    env: { ...process.env, GIT_AUTHOR_DATE: '2021-08-01T10:00:00+08:00', GIT_COMMITTER_DATE: '2021-08-01T10:00:00+08:00' },
    stdio: 'pipe',
    encoding: 'utf8',
  });

/** Every output file's text as a reader or a search index could hold it: decompressed, Pagefind's signature and word breaks gone. */
async function outputTexts(outDir: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const file of await listFiles(outDir)) {
    const bytes = await readFile(path.join(outDir, file));
    const text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
    texts.set(file, `${text}\n${fromIndexText(text).replace(/\s/g, '')}`);
  }
  return texts;
}

describe('no route takes a restricted document out of the repository', () => {
  let repo: string;
  let refused: BuildResult;
  let published: BuildResult;

  beforeAll(async () => {
    repo = await tempDir('gazette-leak-routes-');
    const content = await makeContent({ ...LINKING, ...REFUSED }, BASIC);
    execFileSync('cp', ['-r', content, path.join(repo, 'content')]);
    const contentDir = path.join(repo, 'content');
    await writeFile(
      path.join(contentDir, RESTRICTED.file),
      (await readFile(path.join(contentDir, RESTRICTED.file), 'utf8')).replace(
        'access: restricted',
        `docNo: ${RESTRICTED.docNo}\naccess: restricted`,
      ),
    );
    // A public name for the restricted file, by a symbolic link.
    await symlink(path.join(contentDir, RESTRICTED.file), path.join(contentDir, 'reports/public-copy.md'));
    git(repo, ['init', '-q']);
    git(repo, ['config', 'user.email', 'editor@example.invalid']);
    git(repo, ['config', 'user.name', '编辑']);
    git(repo, ['add', '.']);
    // One commit touches the public and the restricted documents, its subject naming the restricted one.
    git(repo, ['commit', '-qm', `修改《${RESTRICTED.title}》（${RESTRICTED.docNo}）并补充公开报告`]);
    refused = await buildSite({ contentDir, base: '/kb/', audience: 'public', pipeline: true });

    // The editor mends what the build refused; what remains may be built.
    for (const file of [...Object.keys(REFUSED), 'reports/public-copy.md']) await rm(path.join(contentDir, file));
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-qm', `删除问题文件，保留《${RESTRICTED.title}》链接`]);
    published = await buildSite({ contentDir, base: '/kb/', audience: 'public', pipeline: true });
  });

  it('refuses the build, naming every file that tried, and writes nothing', async () => {
    expect(refused.ok).toBe(false);
    for (const file of [...Object.keys(REFUSED), 'reports/public-copy.md']) expect(refused.output).toContain(file);
    expect(refused.output).toMatch(/acess[\s\S]*access/);
    expect(refused.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    // No output folder, or an empty one: nothing of the refused build was published.
    expect(await readdir(refused.outDir).catch(() => [])).toEqual([]);
  });

  it('publishes the documents that only link to it, with no trace of it in any output file', async () => {
    expect(published.ok, published.output).toBe(true);
    const texts = await outputTexts(published.outDir);
    expect(texts.get('reports/link-forms/index.html')).toContain('材料一');
    const needles = [
      RESTRICTED.title,
      RESTRICTED.docNo,
      RESTRICTED.indexNo,
      RESTRICTED.body,
      `/${RESTRICTED.slug}`,
      `${RESTRICTED.slug}/`,
      `${RESTRICTED.slug}.md`,
    ];
    const found = [...texts].flatMap(([file, text]) =>
      needles.filter((needle) => text.includes(needle)).map((needle) => `${file}: ${needle}`),
    );
    expect(found).toEqual([]);
    // The scan reads what it should: the linking page's words are in its .gz copy and the search index too.
    expect([...texts].filter(([, text]) => text.includes('材料三')).map(([file]) => file)).toEqual(
      expect.arrayContaining([
        'reports/link-forms/index.html',
        'reports/link-forms/index.html.gz',
        expect.stringMatching(/^pagefind\/fragment\//),
      ]),
    );
  });
});
