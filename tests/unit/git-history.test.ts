/**
 * The revision history: the one `git log` of the content folder read into
 * dates of change per file (and nothing else of a commit), merged with the
 * editors' notes from front matter, and those notes checked like any field.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content-check/check-content.ts';
import { formatProblem } from '../../src/lib/content-check/report.ts';
import { parseGitLog, readChangeDates, revisionHistory } from '../../src/lib/git-history.ts';
import { makeContent } from '../helpers/build-site.ts';
import { FIXTURE_SITES } from '../helpers/paths.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const record = (date: string, files: string[]) => `\u001e${date}\n\n${files.join('\n')}\n`;

describe('parseGitLog', () => {
  it('lists each file’s dates of change in log order (newest first), Chinese names and spaces included', () => {
    const log = parseGitLog(
      record('2021-03-05', ['3\t1\treports/public-report.md']) +
        record('2021-02-01', ['10\t0\treports/public-report.md', '5\t0\treports/带 空格 的报告.md', '-\t-\treports/scan.png']),
    );
    expect(log.get('reports/public-report.md')).toEqual(['2021-03-05', '2021-02-01']);
    expect(log.get('reports/带 空格 的报告.md')).toEqual(['2021-02-01']);
    expect(log.get('reports/scan.png')).toHaveLength(1);
  });

  it('gives several commits of one day as one date', () => {
    const log = parseGitLog(
      record('2021-03-05', ['1\t0\tx.md']) + record('2021-03-05', ['2\t0\tx.md']) + record('2021-02-01', ['1\t0\tx.md']),
    );
    expect(log.get('x.md')).toEqual(['2021-03-05', '2021-02-01']);
  });

  it('gives a date once when commits of other days come between (committers in other time zones, merged branches)', () => {
    const log = parseGitLog(
      record('2021-03-01', ['1\t0\tx.md']) +
        record('2021-03-02', ['1\t0\tx.md']) +
        record('2021-03-01', ['1\t0\tx.md']) +
        record('2021-02-01', ['1\t0\tx.md']),
    );
    expect(log.get('x.md')).toEqual(['2021-03-02', '2021-03-01', '2021-02-01']);
  });

  it('leaves out commits that list no file (whitespace-only changes under -w)', () => {
    const log = parseGitLog(record('2021-04-01', []) + record('2021-02-01', ['1\t0\tx.md']));
    expect(log.get('x.md')).toEqual(['2021-02-01']);
  });

  it('gives nothing for empty output', () => {
    expect(parseGitLog('').size).toBe(0);
  });
});

describe('readChangeDates', () => {
  it('reads only dates from a real repository: no subject, hash or author reaches the result', async () => {
    const repo = await tempDir('gazette-git-');
    const git = (args: string[], date?: string) =>
      execFileSync('git', args, {
        cwd: repo,
        stdio: 'pipe',
        env: { ...process.env, ...(date && { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }) },
      });
    git(['init', '-q']);
    git(['config', 'user.email', 'editor@example.invalid']);
    git(['config', 'user.name', '编辑甲']);
    await mkdir(path.join(repo, 'reports'));
    await writeFile(path.join(repo, 'reports/public.md'), '公开\n');
    await writeFile(path.join(repo, 'reports/secret.md'), '机密\n');
    git(['add', '.']);
    git(['commit', '-qm', '修改机密报告（测密〔2021〕9号）'], '2021-03-05T23:30:00+08:00');
    const dates = readChangeDates(repo);
    expect(Object.fromEntries(dates)).toEqual({ 'reports/public.md': ['2021-03-05'], 'reports/secret.md': ['2021-03-05'] });
    const hash = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
    const text = JSON.stringify([...dates]);
    for (const secret of ['测密', '机密报告', '编辑甲', hash.slice(0, 7)]) expect(text).not.toContain(secret);
  });

  it('gives nothing outside git', async () => {
    expect(readChangeDates(await tempDir('gazette-no-git-')).size).toBe(0);
  });
});

describe('revisionHistory', () => {
  it('merges dates of change and editors’ notes, newest first, each date once', () => {
    expect(
      revisionHistory(
        ['2021-03-05', '2021-02-01'],
        [
          { date: '2021-03-05', note: '补充第二季度数据' },
          { date: '2020-12-20', note: '形成初稿' },
          { date: '2021-03-05', note: '更正错字' },
        ],
      ),
    ).toEqual([
      { date: '2021-03-05', notes: ['补充第二季度数据', '更正错字'] },
      { date: '2021-02-01', notes: [] },
      { date: '2020-12-20', notes: ['形成初稿'] },
    ]);
  });

  it('is empty with neither git history nor notes', () => {
    expect(revisionHistory([], [])).toEqual([]);
  });
});

describe('revisions in front matter', () => {
  const BASIC = path.join(FIXTURE_SITES, 'basic');
  const withRevisions = (lines: string[]) =>
    makeContent(
      {
        'reports/revised.md': [
          '---',
          'title: 修订过的报告',
          'date: 2021-01-01',
          'issuer: 测试',
          'revisions:',
          ...lines,
          '---',
          '',
          '正文。',
          '',
        ].join('\n'),
      },
      BASIC,
    );
  const problemsOf = (contentDir: string) =>
    checkContent({ contentDir, audience: 'internal', base: '/' }).problems.filter((problem) => problem.file.endsWith('revised.md'));

  it('accepts dates with Chinese notes', async () => {
    const dir = await withRevisions([
      '  - { date: 2021-03-05, note: 补充2021年第二季度数据 }',
      "  - date: '2021-04-01'",
      '    note: 更正 GDP 数字',
    ]);
    expect(problemsOf(dir).map(formatProblem)).toEqual([]);
  });

  it.each([
    ['an impossible date', ['  - { date: 2021-13-01, note: 补充数据 }'], 'revisions[0].date', 6, 'YYYY-MM-DD'],
    ['a missing date', ['  - note: 补充数据'], 'revisions[0].date', 6, 'YYYY-MM-DD'],
    [
      'an empty note',
      ['  - { date: 2021-03-05, note: 补充数据 }', "  - { date: 2021-03-06, note: '  ' }"],
      'revisions[1].note',
      7,
      '不能为空',
    ],
    ['a note without Chinese', ['  - { date: 2021-03-05, note: "fix typo (a1b2c3d)" }'], 'revisions[0].note', 6, '中文'],
    ['a note that is not text', ['  - { date: 2021-03-05, note: 42 }'], 'revisions[0].note', 6, '文字'],
    ['a single note instead of a list', ['  date: 2021-03-05', '  note: 补充数据'], 'revisions', 5, 'date 和 note'],
  ])('reports %s with file, line and field', async (_name, lines, field, line, expected) => {
    const problems = problemsOf(await withRevisions(lines));
    expect(problems.map(formatProblem)).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', field, line });
    expect(problems[0]!.expected).toContain(expected);
  });
});
