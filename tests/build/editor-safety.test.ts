/**
 * Editors' safety rules through the real commands: a public MDX document
 * that reads another file or the build machine's environment, and pasted
 * HTML that would redirect the reader, are refused by `npm run check` and by
 * `npm run build` with the file and line, and nothing is published;
 * harmless HTML is published and HTML comments are not; an MDX render error
 * names the file and line without a stack trace.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, makeContent, readPage, run, type BuildResult } from '../helpers/build-site.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { HARMLESS_MARKDOWN } from '../fixtures/editor-safety.ts';
import { FIXTURE_SITES, REPO_ROOT } from '../helpers/paths.ts';

const BASIC = path.join(FIXTURE_SITES, 'basic');
const INDICATORS = path.join(FIXTURE_SITES, 'indicators');
const STACK_TRACE_LINE = /^\s+at .+[:(]\d+/m;
const NO_COLOUR = { FORCE_COLOR: '0', NO_COLOR: '1' };
const publicDoc = (title: string, body: string) =>
  `---\ntitle: ${title}\ndate: 2021-06-01\nissuer: 测试研究室\naccess: public\n---\n\n${body}`;

/** The files of the refused site, and the `file:line` each must be reported at. */
const LEAK_ROUTES: Record<string, { text: string; at: string }> = {
  'reports/read-file.mdx': {
    // Reads the restricted report next to it and prints it in base64, which the leak scan could not recognise.
    text: publicDoc(
      '读取文件',
      "import { readFileSync } from 'node:fs'\n\n{readFileSync(new URL('./restricted-report.md', import.meta.url)).toString('base64')}\n",
    ),
    at: 'reports/read-file.mdx:8',
  },
  'reports/environment.mdx': {
    text: publicDoc('环境变量', '构建机器的主目录是{process.env.HOME}。\n'),
    at: 'reports/environment.mdx:8',
  },
  'reports/redirect.md': {
    text: publicDoc('自动跳转', '正文。\n\n<meta http-equiv="refresh" content="0;url=https://evil.example/">\n'),
    at: 'reports/redirect.md:10',
  },
};
const leakRoutes = Object.fromEntries(Object.entries(LEAK_ROUTES).map(([file, { text }]) => [file, text]));

describe('code in MDX and HTML outside the allowlist', () => {
  let contentDir: string;
  let check: { exitCode: number | null; output: string };
  let build: BuildResult;
  beforeAll(async () => {
    contentDir = await makeContent(leakRoutes, BASIC);
    check = await run(process.execPath, [path.join(REPO_ROOT, 'scripts/check.ts')], { GAZETTE_CONTENT_DIR: contentDir, ...NO_COLOUR });
    build = await buildSite({ contentDir, pipeline: true, outDir: path.join(await tempDir('gazette-site-'), 'dist') });
  });

  it('fail `npm run check`, naming each file and line', () => {
    expect(check.exitCode, check.output).toBe(1);
    for (const { at } of Object.values(LEAK_ROUTES)) expect(check.output).toContain(at);
    expect(check.output).toContain('import and export are not allowed in MDX');
    expect(check.output).toContain('JavaScript expressions are not allowed in MDX');
    expect(check.output).toContain('HTML element not allowed');
  });

  it('stop `npm run build` with the same messages, no stack trace, and nothing published', () => {
    expect(build.ok).toBe(false);
    for (const { at } of Object.values(LEAK_ROUTES)) expect(build.output).toContain(at);
    expect(build.output).not.toMatch(STACK_TRACE_LINE);
    expect(existsSync(build.outDir)).toBe(false);
  });
});

describe('harmless HTML', () => {
  let build: BuildResult;
  beforeAll(async () => {
    const body = `${HARMLESS_MARKDOWN}<!-- 编辑备注癸子丑：请勿发布 -->\n`;
    const mdx = '正文有<sup>注</sup>与<abbr title="综合办公室">办公室</abbr>。\n\n{/* 编辑备注寅卯辰：请勿发布 */}\n';
    const contentDir = await makeContent(
      { 'reports/pasted.md': publicDoc('粘贴的表格', body), 'reports/tags.mdx': publicDoc('MDX 标签', mdx) },
      BASIC,
    );
    build = await buildSite({ contentDir });
  });

  it('is published as written, and comments are not', async () => {
    expect(build.ok, build.output).toBe(true);
    const page = await readPage(build.outDir, 'reports/pasted/');
    expect(page).toContain('<sup>注1</sup>');
    expect(page).toContain('<br>');
    expect(page).toContain('<abbr title="综合办公室">综合办</abbr>');
    expect(page).toMatch(/<table>[\s\S]*<th>项目<\/th>[\s\S]*<td colspan="2">合计<\/td>[\s\S]*<\/table>/);
    const tags = await readPage(build.outDir, 'reports/tags/');
    expect(tags).toContain('<sup>注</sup>');
    expect(tags).toContain('<abbr title="综合办公室">办公室</abbr>');
    // Nowhere: pages, feeds, the search records.
    for (const file of await listFiles(build.outDir)) {
      const text = await readFile(path.join(build.outDir, file), 'utf8');
      expect(text, file).not.toContain('癸子丑');
      expect(text, file).not.toContain('寅卯辰');
    }
  });
});

describe('an MDX render error', () => {
  let build: BuildResult;
  beforeAll(async () => {
    // The chart font has no emoji, so a chart whose legend names this indicator cannot be drawn:
    // something only rendering finds out. (Its own page draws one line with no legend, and it is
    // alone in its category, so no other page draws its name.)
    const indicator = [
      'category: 仅供渲染测试',
      'issuer: 测试办公室',
      'indicators:',
      '  emoji-name:',
      '    name: 收文😀',
      '    unit: 份',
      '    values:',
      '      - { year: 2019, value: 1, source: summaries/summary-2019 }',
      '      - { year: 2020, value: 2, source: summaries/summary-2020 }',
      '',
    ].join('\n');
    const body = '第一段。\n\n<IndicatorChart ids={["docs-received", "emoji-name"]} />\n';
    const contentDir = await makeContent(
      { 'indicators/emoji.yaml': indicator, 'reports/bad-chart.mdx': publicDoc('画不出的图', body) },
      INDICATORS,
    );
    build = await buildSite({ contentDir });
  });

  it('names the file and the line, in Chinese and English, without a stack trace', () => {
    expect(build.ok).toBe(false);
    expect(build.output).toContain('reports/bad-chart.mdx:10：MDX 正文渲染失败（MDX render failed）');
    expect(build.output).toContain('the chart font cannot draw these characters');
    expect(build.output).not.toMatch(STACK_TRACE_LINE);
  });
});
