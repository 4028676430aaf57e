/**
 * What a document body may contain (MDX runs no code; HTML stays inside the
 * allowlist; links and images use safe URLs): the content check reports
 * each breach with file and line, the site's own MDX compile refuses it,
 * and the site's own Markdown renderer removes it from the page.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../astro.config.mjs';
import { checkContent } from '../../src/lib/content-check/check-content.ts';
import { formatProblem } from '../../src/lib/content-check/report.ts';
import { HTML_ALLOWLIST } from '../../src/lib/html-allowlist.ts';
import { mdxRenderError } from '../../src/lib/mdx-render-errors.ts';
import { COMPONENT_ATTRIBUTES } from '../../src/user-components/attributes.ts';
import { DANGEROUS_MARKDOWN, HARMLESS_MARKDOWN } from '../fixtures/editor-safety.ts';
import { makeContent } from '../helpers/build-site.ts';
import { FIXTURE_SITES, REPO_ROOT } from '../helpers/paths.ts';

const INDICATORS = path.join(FIXTURE_SITES, 'indicators');
const FRONT_MATTER = '---\ntitle: 编辑安全\ndate: 2021-03-01\nissuer: 测试\naccess: public\n---\n\n';
/** The body starts on this line of every file below. */
const FIRST_BODY_LINE = 8;

/** Errors the check reports for one file of `body`, as `line field found`. */
async function errorsIn(file: string, body: string): Promise<string[]> {
  const dir = await makeContent({ [file]: FRONT_MATTER + body }, INDICATORS);
  const result = checkContent({ contentDir: dir, audience: 'internal', base: '/' });
  return result.problems
    .filter((problem) => problem.severity === 'error' && problem.file.endsWith(file))
    .map((problem) => `${problem.line} ${problem.field} ${problem.found}`);
}

const line = (offset: number) => FIRST_BODY_LINE + offset;

describe('MDX runs no code', () => {
  it('reports import and export, naming the line', async () => {
    const errors = await errorsIn(
      'reports/imports.mdx',
      "import fs from 'node:fs'\nexport const secret = fs.readFileSync('/etc/hostname', 'utf8')\n\n正文。\n",
    );
    expect(errors).toEqual([`${line(0)} MDX import fs from 'node:fs'`]);
  });

  it.each([
    ['in text', '主机目录：{process.env.HOME}。\n', '{process.env.HOME}'],
    [
      'as a block',
      "{require('node:fs').readFileSync('/etc/passwd', 'utf8')}\n",
      "{require('node:fs').readFileSync('/etc/passwd', 'utf8')}",
    ],
    ['in a component attribute', '<Indicator id={process.env.HOME} year={2020} />\n', '<Indicator id={process.env.HOME}>'],
    ['as a spread attribute', '<Indicator {...globalThis} id="docs-received" year={2020} />\n', '<Indicator {...globalThis}>'],
    ['computed from literals', '<Indicator id="docs-received" year={2019 + 1} />\n', '<Indicator year={2019 + 1}>'],
    ['a string where a number belongs', '<Indicator id="docs-received" year="2020" />\n', '<Indicator year="2020">'],
    ['an array of non-strings', '<IndicatorChart ids={[docsReceived]} />\n', '<IndicatorChart ids={[docsReceived]}>'],
    ['an undocumented attribute', '<Indicator id="docs-received" year={2020} set:html="<b>x</b>" />\n', '<Indicator set:html="<b>x</b>">'],
    ['in an HTML attribute', '<span title={process.env.HOME}>文字</span>\n', '<span title={process.env.HOME}>'],
    ['as a fragment', '<>片段</>\n', '<>'],
  ])('reports an expression %s', async (_name, body, found) => {
    expect(await errorsIn('reports/expression.mdx', body)).toContain(`${line(0)} ${found.startsWith('<span') ? 'HTML' : 'MDX'} ${found}`);
  });

  it('accepts the documented components with literal attributes, comments, and code shown as text', async () => {
    const body = [
      '收文<Indicator id="docs-received" year={2020} />，办文<Indicator id={"docs-processed"} year={2020} />。',
      '',
      '<IndicatorChart ids={["docs-received", \'docs-processed\']} year={2020} title="收文与办文" />',
      '',
      '{/* 编辑备注：不会发布 */}',
      '',
      '```js',
      "import fs from 'node:fs'",
      'export const x = {process.env.HOME}',
      '```',
      '',
      "行内代码 `{process.env.HOME}` 与 `import x from 'y'` 也只是文字。",
      '',
    ].join('\n');
    expect(await errorsIn('reports/allowed.mdx', body)).toEqual([]);
  });

  it('says what is allowed, in Chinese and English', async () => {
    const dir = await makeContent(
      { 'reports/env.mdx': `${FRONT_MATTER}{process.env.HOME}\n\n<Indicator id="docs-received" yaer={2020} />\n` },
      INDICATORS,
    );
    const problems = checkContent({ contentDir: dir, audience: 'internal', base: '/' }).problems.filter((p) => p.file.endsWith('env.mdx'));
    const expression = problems.find((p) => p.found === '{process.env.HOME}');
    const attribute = problems.find((p) => p.found?.includes('yaer'));
    expect(formatProblem(expression!)).toMatch(
      /reports\/env\.mdx:8 {2}字段 MDX[\s\S]*不能写 \{ \} 表达式[\s\S]*JavaScript expressions are not allowed/,
    );
    expect(attribute!.expected).toContain('id="…" year={2020}');
    expect(attribute!.expected).toContain('only these attributes');
  });

  /** Every `.astro` file in `userComponentsDir`, under its file name, as src/user-components/index.ts hands them to documents. */
  const providedComponents = (userComponentsDir: string) =>
    readdirSync(userComponentsDir)
      .map((name) => path.parse(name))
      .filter((file) => file.ext === '.astro')
      .map((file) => file.name)
      .sort();

  it('has an attribute list for every component editors can use', () => {
    expect(Object.keys(COMPONENT_ATTRIBUTES).sort()).toEqual(providedComponents(path.join(REPO_ROOT, 'src/user-components')));
  });
});

describe('raw HTML outside the allowlist', () => {
  it('is an error in the check, at its line, for every element and attribute', async () => {
    const errors = await errorsIn('reports/pasted.md', DANGEROUS_MARKDOWN + HARMLESS_MARKDOWN);
    expect(errors).toEqual([
      `${line(0)} HTML <meta>`,
      `${line(2)} HTML <form>`,
      `${line(2)} HTML <input>`,
      `${line(2)} HTML <button>`,
      `${line(4)} HTML <iframe>`,
      `${line(6)} HTML <base>`,
      `${line(8)} HTML <object>`,
      `${line(10)} HTML <script>`,
      `${line(12)} HTML <style>`,
      `${line(14)} HTML <a href="javascript:alert(1)">`,
      `${line(14)} HTML <span onclick="alert(1)">`,
      `${line(14)} HTML <span style="color: red">`,
      `${line(14)} 链接 javascript:alert(2)`,
    ]);
  });

  it('is an error in MDX too, where HTML is written as tags', async () => {
    const errors = await errorsIn(
      'reports/pasted.mdx',
      '<meta httpEquiv="refresh" content="0;url=https://evil.example/" />\n\n<div onClick="alert(1)">文字</div>\n',
    );
    expect(errors).toEqual([`${line(0)} HTML <meta>`, `${line(2)} HTML <div onclick="alert(1)">`]);
  });

  it('names what is allowed', async () => {
    const dir = await makeContent({ 'reports/iframe.md': `${FRONT_MATTER}<iframe src="https://evil.example/"></iframe>\n` }, INDICATORS);
    const [problem] = checkContent({ contentDir: dir, audience: 'internal', base: '/' }).problems.filter((p) =>
      p.file.endsWith('iframe.md'),
    );
    expect(problem!.expected).toContain('HTML element not allowed');
    expect(problem!.expected).toMatch(/可用的元素：.*\bsup\b.*\btable\b/);
  });

  it('is not reported for harmless HTML, comments, or code that shows HTML', async () => {
    const body = `${HARMLESS_MARKDOWN}<!-- 编辑备注 -->\n\n\`<script>\` 写在行内代码里，\n\n\`\`\`html\n<iframe src="x"></iframe>\n\`\`\`\n`;
    expect(await errorsIn('reports/harmless.md', body)).toEqual([]);
  });
});

/** The site's Markdown and MDX processors, exactly as astro.config.mjs builds them. */
const processor = config.markdown!.processor!;
// Code blocks are not highlighted on the site (astro.config.mjs).
const shared = { syntaxHighlight: false } as const;
const renderMarkdown = async (source: string) => (await (await processor.createRenderer!(shared)).render(source)).code;
const compileMdx = async (source: string, frontmatter: Record<string, unknown> = {}) =>
  (
    await processor.createMdxRenderer!(shared, { optimize: false, srcDir: new URL('../../src/', import.meta.url), sourcemap: false })
  ).process(source, path.join(REPO_ROOT, 'content/reports/x.mdx'), frontmatter);

describe("the site's Markdown renderer", () => {
  it('removes every element and attribute outside the allowlist', async () => {
    const html = await renderMarkdown(DANGEROUS_MARKDOWN);
    for (const banned of [
      '<meta',
      '<form',
      '<input',
      '<button',
      '<iframe',
      '<base',
      '<object',
      '<script',
      '<style',
      'alert(',
      'onclick',
      'style=',
      'javascript:',
      'evil.example',
    ]) {
      expect(html, banned).not.toContain(banned);
    }
    expect(html).toContain('点我');
    expect(html).toContain('脚本链接');
  });

  it('keeps harmless HTML and drops comments', async () => {
    const html = await renderMarkdown(`${HARMLESS_MARKDOWN}<!-- 内部备注：不可发布 -->\n`);
    expect(html).toContain('<sup>注1</sup>');
    expect(html).toContain('<br>');
    expect(html).toContain('<del>删除</del>');
    expect(html).toContain('<abbr title="综合办公室">综合办</abbr>');
    expect(html).toMatch(/<table>[\s\S]*<th>项目<\/th>[\s\S]*<td colspan="2">合计<\/td>[\s\S]*<\/table>/);
    expect(html).not.toContain('内部备注');
  });

  it('changes nothing that Markdown itself writes', async () => {
    const markdown = [
      '一、总体情况',
      '',
      '正文有**重点**、*强调*、~~删除~~、`代码`、<https://example.org/> 与[站内链接](/reports/x/#二、安排)、![图](/img/a.png "图题")。',
      '',
      '| 左 | 中 | 右 |',
      '|:--|:-:|--:|',
      '| 1 | 2 | 3 |',
      '',
      '- [x] 已完成',
      '- [ ] 未完成',
      '',
      '1. 第一',
      '2. 第二',
      '',
      '> 引用',
      '',
      '```js',
      'const a = 1;',
      '```',
      '',
      '---',
      '',
      '脚注[^1]，再引一次[^1]。',
      '',
      '[^1]: 注释内容。',
      '',
    ].join('\n');
    const plain = await renderMarkdown(markdown);
    // A leading <sup> makes the renderer sanitise the whole document.
    const sanitised = await renderMarkdown(`<sup>注</sup>\n\n${markdown}`);
    expect(sanitised).toBe(`<p><sup>注</sup></p>\n${plain}`);
  });
});

describe("the site's MDX compile", () => {
  it('refuses a file that would run code, listing every problem with file and line', async () => {
    const source = `${FRONT_MATTER}import fs from 'node:fs'\n\n{fs.readFileSync('/etc/passwd', 'utf8')}\n\n<iframe src="https://evil.example/" />\n`;
    const error = await compileMdx(source).then(
      () => undefined,
      (thrown: unknown) => thrown as Error,
    );
    expect(error?.message).toContain(`content/reports/x.mdx:${line(0)}  字段 MDX`);
    expect(error?.message).toContain(`content/reports/x.mdx:${line(2)}  字段 MDX`);
    expect(error?.message).toContain(`content/reports/x.mdx:${line(4)}  字段 HTML`);
    expect(error?.message).toContain('import and export are not allowed in MDX');
  });

  it('refuses a layout, which Astro would import as a module', async () => {
    // Astro's MDX integration hands the compile the parsed front matter.
    const error = await compileMdx('---\ntitle: x\nlayout: ../../README.md\n---\n\n正文。\n', {
      title: 'x',
      layout: '../../README.md',
    }).catch((thrown: Error) => thrown);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('x.mdx:3  字段 layout');
  });

  it('compiles the documented components, giving each the line it is written on', async () => {
    const { code } = await compileMdx(
      `${FRONT_MATTER}收文<Indicator id="docs-received" year={2020} />。\n\n<IndicatorChart ids={["docs-received"]} />\n`,
    );
    expect(code).toMatch(new RegExp(`id: "docs-received",\\s*year: 2020,\\s*gazetteSourceLine: "${line(0)}"`));
    expect(code).toMatch(new RegExp(`ids: \\["docs-received"\\],\\s*gazetteSourceLine: "${line(2)}"`));
  });
});

describe('MDX render errors', () => {
  it('name the file and line in Chinese and English, and carry no stack trace', () => {
    const error = mdxRenderError(
      'content/reports/x.mdx:12',
      new Error('content/reports/x.mdx:12: <Indicator id="x"> 指标不存在（unknown indicator id）'),
    );
    expect(error.message).toBe(
      'content/reports/x.mdx:12：MDX 正文渲染失败（MDX render failed）\n  <Indicator id="x"> 指标不存在（unknown indicator id）',
    );
    expect(error.stack).toBe('');
  });
});

describe('the allowlist', () => {
  it('lets nothing through that runs code, loads other pages or restyles the page', () => {
    for (const tag of [
      'script',
      'style',
      'meta',
      'base',
      'link',
      'iframe',
      'frame',
      'object',
      'embed',
      'form',
      'input',
      'button',
      'svg',
      'math',
    ]) {
      if (tag === 'input') continue; // task list checkboxes, forced to disabled type="checkbox"
      expect(HTML_ALLOWLIST.tagNames, tag).not.toContain(tag);
    }
    expect(HTML_ALLOWLIST.protocols?.href).toEqual(['http', 'https', 'mailto']);
  });
});
