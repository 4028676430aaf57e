/**
 * The content check on real files: every editor mistake comes back as a
 * problem naming the file, the line and the field, and valid content passes.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content-check/check-content.ts';
import { formatProblem, formatReport } from '../../src/lib/content-check/report.ts';
import { makeContent } from '../helpers/build-site.ts';
import { FIXTURE_SITES, REPO_ROOT } from '../helpers/paths.ts';
import { CONTENT_ERROR_CASES } from '../fixtures/content-errors.ts';

const BASIC = path.join(FIXTURE_SITES, 'basic');
const check = (contentDir: string, audience: 'internal' | 'public' = 'internal') =>
  checkContent({ contentDir, audience, base: '/kb/' });

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
    expect(result.problems.filter((p) => p.field === 'issue').map((p) => path.basename(p.file)).sort()).toEqual([
      '2021-1.md',
      'duplicate-issue.md',
    ]);
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

  it('warns about links to documents the build leaves out, and about unknown fields', async () => {
    const dir = await makeContent(
      {
        'reports/links.md':
          '---\ntitle: 链接\ndate: 2021-03-01\nissuer: 测试\nauthor: 张三\n---\n\n见[公开](public-report.md)和[内部](../summaries/internal-summary.md)。\n',
      },
      BASIC,
    );
    const internal = check(dir, 'internal').problems.filter((p) => p.file.endsWith('links.md'));
    expect(internal.map((p) => [p.severity, p.field])).toEqual([['warning', 'author']]);
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
    expect(missingSource.problems.map(formatProblem).join('\n')).toMatch(/test\.yaml:4 +字段 indicators\.documents-received\.values[^\n]*\n[^\n]*reports\/no-such-report/);
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
