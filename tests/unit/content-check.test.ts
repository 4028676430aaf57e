/**
 * The content check on real files: every editor mistake comes back as a
 * problem naming the file, the line and the field, and valid content passes.
 */
import { symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content-check/check-content.ts';
import { checkLabels } from '../../src/lib/content-check/messages.ts';
import { formatProblem, formatReport } from '../../src/lib/content-check/report.ts';
import { objectSchemas } from '../../src/lib/content-check/schema-keys.ts';
import { COLLECTIONS } from '../../src/lib/content-files/collections.ts';
import { loadIndicatorReferences } from '../../src/lib/importer/import-document.ts';
import { parseMaxDocumentBytes } from '../../src/lib/content-files/size-limit.ts';
import { reportSchema } from '../../src/schemas/report.ts';
import { makeContent } from '../helpers/build-site.ts';
import { FIXTURE_SITES, REPO_ROOT } from '../helpers/paths.ts';
import { CONTENT_ERROR_CASES } from '../fixtures/content-errors.ts';

const BASIC = path.join(FIXTURE_SITES, 'basic');
const check = (contentDir: string, audience: 'internal' | 'public' = 'internal') => checkContent({ contentDir, audience, base: '/kb/' });

describe('content check', () => {
  it('passes the shipped content and the basic fixture', () => {
    for (const dir of [path.join(REPO_ROOT, 'content'), BASIC]) {
      const result = check(dir);
      expect(result.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
      expect(result.fileCount).toBeGreaterThan(5);
    }
  });

  it.each(CONTENT_ERROR_CASES)('reports $name with file, field and line', async (errorCase) => {
    const result = check(await makeContent(errorCase.files, BASIC));
    const errors = result.problems.filter((problem) => problem.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    const problem = errors.find((p) => p.file.endsWith(errorCase.file));
    expect(problem, formatReport(result)).toBeDefined();
    const message = formatProblem(problem!);
    expect(message).toContain(errorCase.file);
    expect(message).toContain(errorCase.field);
    if (errorCase.line) expect(problem!.line).toBe(errorCase.line);
  });

  it('reports every problem at once, not just the first', async () => {
    const files = Object.assign({}, ...CONTENT_ERROR_CASES.map((c) => c.files));
    const result = check(await makeContent(files, BASIC));
    for (const errorCase of CONTENT_ERROR_CASES) {
      expect(result.problems.some((p) => p.severity === 'error' && p.file.endsWith(errorCase.file))).toBe(true);
    }
    // Both files of a clash are named.
    expect(
      result.problems
        .filter((p) => p.field === 'issue')
        .map((p) => path.basename(p.file))
        .sort(),
    ).toEqual(['2021-1.md', 'duplicate-issue.md']);
  });

  it('says what was found and what was expected', async () => {
    const dir = await makeContent(CONTENT_ERROR_CASES.find((c) => c.name === 'impossible date')!.files, BASIC);
    const problem = check(dir).problems.find((p) => p.field === 'date')!;
    expect(problem.found).toBe('2020-02-30');
    expect(problem.expected).toContain('YYYY-MM-DD');
  });

  it('rejects TODO placeholders that the schema alone would accept', async () => {
    const dir = await makeContent(
      { 'reports/todo.md': '---\ntitle: TODO 填写标题\ndate: 2021-01-01\nissuer: 测试\n---\n\n正文。\n' },
      BASIC,
    );
    const problem = check(dir).problems.find((p) => p.file.endsWith('todo.md'));
    expect(problem).toMatchObject({ severity: 'error', field: 'title', line: 2 });
  });

  it('names nested fields the way they are written', async () => {
    const dir = await makeContent(
      {
        'reports/instruction.md':
          '---\ntitle: 批示日期错误\ndate: 2021-01-01\nissuer: 测试\ninstructions:\n  - by: 领导\n    date: 2021-13-01\n---\n\n正文。\n',
      },
      BASIC,
    );
    const problem = check(dir).problems.find((p) => p.file.endsWith('instruction.md'))!;
    expect(problem).toMatchObject({ field: 'instructions[0].date', line: 7, found: '2021-13-01' });
  });

  it('warns about links to documents the build leaves out', async () => {
    const dir = await makeContent(
      {
        'reports/links.md':
          '---\ntitle: 链接\ndate: 2021-03-01\nissuer: 测试\n---\n\n见[公开](public-report.md)和[内部](../summaries/internal-summary.md)。\n',
      },
      BASIC,
    );
    const internal = check(dir, 'internal').problems.filter((p) => p.file.endsWith('links.md'));
    expect(internal).toEqual([]);
    const pub = check(dir, 'public').problems.filter((p) => p.file.endsWith('links.md'));
    expect(pub.map((p) => [p.severity, p.field, p.found])).toContainEqual(['warning', '链接', '../summaries/internal-summary.md']);
    expect(pub.every((p) => p.severity === 'warning')).toBe(true);
  });

  it('validates indicators with their schema and their references to documents', async () => {
    const group = (source: string, unit = '份') =>
      `category: 测试\nissuer: 测试办公室\nindicators:\n  documents-received:\n    name: 收文数量\n    unit: ${unit}\n    values:\n      - { year: 2021, value: 10, source: ${source} }\n`;
    const valid = check(await makeContent({ 'indicators/test.yaml': group('reports/public-report') }, BASIC));
    expect(valid.errorCount).toBe(0);
    const broken = check(await makeContent({ 'indicators/test.yaml': group('reports/no-such-report', '斤') }, BASIC));
    const messages = broken.problems.map(formatProblem);
    expect(messages.find((m) => m.includes('字段 indicators.documents-received.unit'))).toContain('test.yaml:6');
    expect(broken.problems.some((p) => p.file.endsWith('test.yaml') && p.expected.includes('reports/no-such-report'))).toBe(false);
    const missingSource = check(await makeContent({ 'indicators/test.yaml': group('reports/no-such-report') }, BASIC));
    expect(missingSource.problems.map(formatProblem).join('\n')).toMatch(
      /test\.yaml:4 +字段 indicators\.documents-received\.values[^\n]*\n[^\n]*reports\/no-such-report/,
    );
  });

  it('accepts a BOM, CRLF line endings and Chinese file names with spaces', async () => {
    const dir = await makeContent(
      {
        'reports/带 空格 的报告.md': '\uFEFF---\r\ntitle: 编码\r\ndate: 2021-03-01\r\nissuer: 测试\r\n---\r\n\r\n正文。\r\n',
      },
      BASIC,
    );
    const result = check(dir);
    expect(result.errorCount).toBe(0);
    expect(result.index.documents.get('reports/带 空格 的报告.md')?.urlPath).toBe('reports/带-空格-的报告/');
  });
});

/** A file's text as a GBK/GB18030 editor saves it. */
const gbk = (text: string) => iconv.encode(text, 'gb18030');
const problemsOf = (result: ReturnType<typeof check>, name: string) => result.problems.filter((p) => p.file.endsWith(name));

describe('front matter is strict', () => {
  it('refuses a misspelt key and suggests the known one', async () => {
    const dir = await makeContent(
      { 'reports/misspelt.md': '---\ntitle: 拼错\ndate: 2021-03-01\nissuer: 测试\nacess: restricted\n---\n\n正文。\n' },
      BASIC,
    );
    const [problem, ...rest] = problemsOf(check(dir), 'misspelt.md');
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ severity: 'error', field: 'acess', line: 5 });
    expect(problem!.expected).toContain('access');
  });

  it('says keys are case-sensitive when only the case differs', async () => {
    const dir = await makeContent(
      { 'reports/upper.md': '---\ntitle: 大写\ndate: 2021-03-01\nissuer: 测试\nDraft: true\n---\n\n正文。\n' },
      BASIC,
    );
    const [problem] = problemsOf(check(dir), 'upper.md');
    expect(problem).toMatchObject({ severity: 'error', field: 'Draft', line: 5 });
    expect(problem!.expected).toMatch(/区分大小写[\s\S]*draft[\s\S]*case-sensitive/);
  });

  it('refuses unknown keys in nested entries, journals and indicators too', async () => {
    const dir = await makeContent(
      {
        'reports/nested.md':
          '---\ntitle: 批示\ndate: 2021-01-01\nissuer: 测试\ninstructions:\n  - by: 领导\n    date: 2021-01-02\n    txet: 同意。\n---\n\n正文。\n',
        'publications/typo.yaml': 'name: 另一刊物\nissuer: 测试办公室\nfrequncy: 月刊\n',
        'indicators/typo.yaml':
          'category: 测试\nissuer: 测试\nindicators:\n  things:\n    name: 件数\n    unti: 件\n    unit: 件\n    values:\n      - { year: 2021, value: 1 }\n',
      },
      BASIC,
    );
    const result = check(dir);
    expect(problemsOf(result, 'nested.md')).toMatchObject([{ severity: 'error', field: 'instructions[0].txet', line: 8 }]);
    expect(problemsOf(result, 'nested.md')[0]!.expected).toContain('text');
    expect(problemsOf(result, 'publications/typo.yaml')).toMatchObject([{ severity: 'error', field: 'frequncy', line: 3 }]);
    expect(problemsOf(result, 'publications/typo.yaml')[0]!.expected).toContain('frequency');
    expect(problemsOf(result, 'indicators/typo.yaml')).toMatchObject([{ severity: 'error', field: 'indicators.things.unti', line: 6 }]);
    expect(problemsOf(result, 'indicators/typo.yaml')[0]!.expected).toContain('unit');
  });

  it("still accepts Astro's slug field", async () => {
    const dir = await makeContent(
      { 'reports/with-slug.md': '---\ntitle: 自定网址\ndate: 2021-03-01\nissuer: 测试\nslug: chosen-name\n---\n\n正文。\n' },
      BASIC,
    );
    const result = check(dir);
    expect(problemsOf(result, 'with-slug.md')).toEqual([]);
    expect(result.index.documents.get('reports/with-slug.md')?.urlPath).toBe('reports/chosen-name/');
  });

  it('refuses a slug that could leave its folder', async () => {
    const dir = await makeContent(
      { 'reports/climbing-slug.md': '---\ntitle: 自定网址\ndate: 2021-03-01\nissuer: 测试\nslug: ../../escaped\n---\n\n正文。\n' },
      BASIC,
    );
    expect(problemsOf(check(dir), 'climbing-slug.md')).toMatchObject([{ severity: 'error', field: 'slug', line: 5 }]);
  });

  it('makes every object in every content schema strict, so Astro refuses unknown keys too', () => {
    for (const collection of COLLECTIONS) {
      for (const { path: where, strict } of objectSchemas(collection.schema)) {
        expect(strict, `${collection.name}: ${where || '(top level)'}`).toBe(true);
      }
    }
    const valid = { title: '标题', date: '2021-03-01', issuer: '测试' };
    expect(reportSchema.safeParse(valid).success).toBe(true);
    expect(reportSchema.safeParse({ ...valid, acess: 'restricted' }).success).toBe(false);
  });
});

describe('content files must be real files inside the content folder', () => {
  it('refuses a symlink to a file, to a folder and to a system file, naming each, without reading them', async () => {
    const outside = await makeContent({ 'secret.md': '---\ntitle: 外部文件\ndate: 2021-03-01\nissuer: 测试\n---\n\n外部正文。\n' });
    const dir = await makeContent({}, BASIC);
    await symlink(path.join(outside, 'secret.md'), path.join(dir, 'reports/linked.md'));
    await symlink(outside, path.join(dir, 'reports/linked-folder'));
    // A link to a folder that holds the link: a walk that follows links never ends.
    await symlink(dir, path.join(dir, 'reforms/loop'));
    await symlink('/etc/passwd', path.join(dir, 'reports/passwd.md'));
    await symlink('/nonexistent/target.md', path.join(dir, 'summaries/dangling.md'));
    const result = check(dir);
    for (const name of ['reports/linked.md', 'reports/linked-folder', 'reports/passwd.md', 'summaries/dangling.md', 'reforms/loop']) {
      const problems = problemsOf(result, name);
      expect(problems, name).toHaveLength(1);
      expect(problems[0]).toMatchObject({ severity: 'error' });
      expect(formatProblem(problems[0]!)).toMatch(/符号链接[\s\S]*symbolic link/);
    }
    expect(result.index.documents.has('reports/linked.md')).toBe(false);
    // Nothing is read through the linked folder.
    expect(result.problems.filter((p) => p.file.includes('linked-folder/'))).toEqual([]);
    expect(result.index.documents.has('reports/linked-folder/secret.md')).toBe(false);
    expect(formatReport(result)).not.toContain('外部正文');
  });
});

describe('other readers of the content folder', () => {
  it('read nothing through a link: the importer suggests no indicator from a linked file or folder', async () => {
    const group =
      'category: 外部\nissuer: 外部\nindicators:\n  outside-figure:\n    name: 外部指标\n    unit: 件\n    values:\n      - { year: 2021, value: 1 }\n';
    const outside = await makeContent({ 'outside.yaml': group });
    const dir = await makeContent({ 'indicators/own.yaml': group.replace('outside-figure', 'own-figure') }, BASIC);
    await symlink(path.join(outside, 'outside.yaml'), path.join(dir, 'indicators/linked.yaml'));
    await symlink(outside, path.join(dir, 'indicators/linked-folder.yaml'));
    expect(loadIndicatorReferences(dir).map((indicator) => indicator.id)).toEqual(['own-figure']);
  });
});

describe('two files with one URL', () => {
  it.each([
    ['a name that slugs the same', { 'reports/ab.md': 'ab', 'reports/a..b.md': 'a..b' }],
    ['one name as .md and .mdx', { 'reports/x.md': 'x', 'reports/x.mdx': 'x' }],
    ['names that differ in case', { 'reports/Case.md': 'Case', 'reports/case.md': 'case' }],
    ['a slug field that takes another file’s name', { 'reports/taken.md': 'taken', 'reports/other.md': 'other\nslug: taken' }],
  ])('refuses %s, naming both files', async (_name, files) => {
    const content = Object.fromEntries(
      Object.entries(files).map(([file, title]) => [file, `---\ntitle: ${title}\ndate: 2021-03-01\nissuer: 测试\n---\n\n正文。\n`]),
    );
    const result = check(await makeContent(content, BASIC));
    const [first, second] = Object.keys(files).map((file) => path.basename(file));
    for (const [file, other] of [
      [first!, second!],
      [second!, first!],
    ]) {
      const problems = problemsOf(result, `reports/${file}`).filter((p) => p.severity === 'error');
      expect(problems, formatReport(result)).toHaveLength(1);
      expect(problems[0]!.expected).toContain(other);
    }
  });

  it('tells two bulletins with one entry name about .md and .mdx, not .yaml and .yml', async () => {
    const bulletin = (issue: number) =>
      `---\ntitle: 第${issue}期\ndate: 2021-03-01\nissuer: 测试办公室\npublication: 测试快报\nissue: ${issue}\n---\n\n正文。\n`;
    const result = check(await makeContent({ 'bulletins/same.md': bulletin(7), 'bulletins/same.mdx': bulletin(8) }, BASIC));
    const [problem] = problemsOf(result, 'bulletins/same.md').filter((p) => p.severity === 'error');
    expect(problem?.expected, formatReport(result)).toContain('same.mdx');
    expect(problem!.expected).toContain('.md/.mdx');
    expect(problem!.expected).not.toContain('.yaml');
  });

  it('refuses two journals with one slug', async () => {
    const result = check(await makeContent({ 'publications/test-journal.yml': 'name: 又一刊物\nissuer: 测试办公室\n' }, BASIC));
    expect(problemsOf(result, 'publications/test-journal.yml')[0]?.expected).toContain('test-journal.yaml');
    expect(problemsOf(result, 'publications/test-journal.yaml')[0]?.expected).toContain('test-journal.yml');
  });
});

describe('content files must be UTF-8', () => {
  it('refuses a GBK file with the line of the first bad byte and points to npm run import', async () => {
    const dir = await makeContent({}, BASIC);
    await writeFile(path.join(dir, 'reports/gbk.md'), gbk('---\ntitle: 编码错误\ndate: 2021-03-01\nissuer: 测试\n---\n\n正文。\n'));
    await writeFile(
      path.join(dir, 'reports/links-to-gbk.md'),
      '---\ntitle: 链接\ndate: 2021-03-01\nissuer: 测试\n---\n\n见[编码错误的文件](gbk.md)。\n',
    );
    const result = check(dir);
    // The link is not called broken as well: the file it points to has the error.
    expect(problemsOf(result, 'links-to-gbk.md')).toEqual([]);
    const problems = problemsOf(result, 'gbk.md');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', line: 2 });
    expect(problems[0]!.expected).toMatch(/UTF-8[\s\S]*npm run import/);
  });

  it('refuses a UTF-16 data file too', async () => {
    const dir = await makeContent({}, BASIC);
    await writeFile(path.join(dir, 'publications/utf16.yaml'), Buffer.from('\uFEFFname: 十六位\nissuer: 测试\n', 'utf16le'));
    const problems = problemsOf(check(dir), 'utf16.yaml');
    expect(problems).toMatchObject([{ severity: 'error', line: 1 }]);
    expect(problems[0]!.expected).toMatch(/UTF-8[\s\S]*npm run import/);
  });
});

describe('size limit', () => {
  it('refuses a document over the limit, naming its size and the limit', async () => {
    const body = '正文很长。'.repeat(2000);
    const dir = await makeContent({ 'reports/huge.md': `---\ntitle: 很长\ndate: 2021-03-01\nissuer: 测试\n---\n\n${body}\n` }, BASIC);
    const size = Buffer.byteLength(`---\ntitle: 很长\ndate: 2021-03-01\nissuer: 测试\n---\n\n${body}\n`);
    const result = checkContent({ contentDir: dir, audience: 'internal', base: '/', maxDocumentBytes: 20_000 });
    const problems = problemsOf(result, 'huge.md');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.severity).toBe('error');
    expect(formatProblem(problems[0]!)).toContain(size.toLocaleString('en-US'));
    expect(formatProblem(problems[0]!)).toContain('20,000');
    // The other files are well under it.
    expect(result.errorCount).toBe(1);
  });

  it('reads the limit from the environment, 2 MB by default, and refuses a value that is not a size', () => {
    expect(parseMaxDocumentBytes(undefined)).toBe(2 * 1024 * 1024);
    expect(parseMaxDocumentBytes('500000')).toBe(500_000);
    expect(() => parseMaxDocumentBytes('2MB')).toThrow(/GAZETTE_MAX_DOCUMENT_BYTES/);
    expect(() => parseMaxDocumentBytes('0')).toThrow(/GAZETTE_MAX_DOCUMENT_BYTES/);
  });
});

describe('one run, every problem and no follow-on errors', () => {
  it('reports published-before-date even when another field is missing', async () => {
    const dir = await makeContent(
      { 'reports/two-problems.md': '---\ntitle: 两个问题\ndate: 2021-03-01\npublished: 2021-02-01\n---\n\n正文。\n' },
      BASIC,
    );
    expect(
      problemsOf(check(dir), 'two-problems.md')
        .map((p) => p.field)
        .sort(),
    ).toEqual(['issuer', 'published']);
  });

  it('gives an impossible date one error, not a second about published', async () => {
    const dir = await makeContent(
      { 'reports/bad-date.md': '---\ntitle: 日期\ndate: 2021-13-01\npublished: 2021-12-01\nissuer: 测试\n---\n\n正文。\n' },
      BASIC,
    );
    expect(problemsOf(check(dir), 'bad-date.md').map((p) => p.field)).toEqual(['date']);
  });

  it('does not call a link broken when its target only has errors of its own', async () => {
    const dir = await makeContent(
      {
        'reports/invalid-target.md': '---\ntitle: 缺发布机构\ndate: 2021-03-01\n---\n\n正文。\n',
        'reports/linking.md': '---\ntitle: 链接\ndate: 2021-03-01\nissuer: 测试\n---\n\n见[另一篇](invalid-target.md)。\n',
      },
      BASIC,
    );
    const result = check(dir);
    expect(problemsOf(result, 'linking.md')).toEqual([]);
    expect(problemsOf(result, 'invalid-target.md').map((p) => p.field)).toEqual(['issuer']);
  });
});

describe('wording', () => {
  it('never says 应为 twice', async () => {
    const files = Object.assign({}, ...CONTENT_ERROR_CASES.map((c) => c.files));
    const report = formatReport(check(await makeContent(files, BASIC)));
    expect(report).toContain('应为');
    expect(report).not.toMatch(/应为：\s*应为/);
  });

  it('counts in English singular and plural', () => {
    expect(checkLabels.errorCount(1, 1)).toContain('1 error, 1 warning）');
    expect(checkLabels.errorCount(2, 0)).toContain('2 errors, 0 warnings');
    expect(checkLabels.allGood(1)).toContain('1 file）');
  });
});

describe('<Indicator> and <IndicatorChart> in MDX', () => {
  const INDICATORS = path.join(FIXTURE_SITES, 'indicators');
  const mdx = (body: string) => `---\ntitle: 引用指标\ndate: 2021-03-01\nissuer: 测试\n---\n\n${body}\n`;

  it('passes the references the fixture site makes', () => {
    expect(
      check(INDICATORS)
        .problems.filter((p) => p.severity === 'error')
        .map(formatProblem),
    ).toEqual([]);
  });

  it.each([
    ['an unknown id', '收文<Indicator id="no-such-indicator" year={2020} />。', '指标不存在'],
    ['a year with no figure', '收文<Indicator id="docs-processed" year={2017} />。', '没有 2017 年的数值'],
    ['a figure only a restricted document gives', '<Indicator id="restricted-only" year={2020} />', '指标不存在'],
    ['a chart with an unknown id', "<IndicatorChart ids={['docs-received', 'nothing-here']} />", 'nothing-here'],
    ['a chart mixing units', "<IndicatorChart ids={['docs-received', 'hazards-identified']} />", '单位不同'],
    ['a bar chart of a year with no figures', "<IndicatorChart ids={['docs-received']} year={2010} />", '没有该年数值'],
    [
      'a year written with a digit separator, as JavaScript reads it',
      '收文<Indicator id="docs-processed" year={2_017} />。',
      '没有 2017 年的数值',
    ],
  ])('refuses %s, with the line', async (_name, body, expected) => {
    const result = check(await makeContent({ 'reports/refs.mdx': mdx(`正文。\n\n${body}`) }, INDICATORS));
    const problems = problemsOf(result, 'refs.mdx');
    expect(problems, formatReport(result)).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', line: 9 });
    expect(problems[0]!.expected).toContain(expected);
  });
});
