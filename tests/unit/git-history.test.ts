/** Parsing the one `git log` of the content folder into revisions per file. */
import { describe, expect, it } from 'vitest';
import { parseGitLog } from '../../src/lib/git-history.ts';

const record = (hash: string, date: string, subject: string, files: string[]) =>
  `\u001e${hash}\u001f${date}\u001f${subject}\n\n${files.join('\n')}\n`;

describe('parseGitLog', () => {
  it('lists each file’s commits in log order (newest first), Chinese names and spaces included', () => {
    const log = parseGitLog(
      record('b2', '2021-03-05', '补充调研报告正文', ['3\t1\treports/public-report.md']) +
        record('a1', '2021-02-01', '收录文档', ['10\t0\treports/public-report.md', '5\t0\treports/带 空格 的报告.md', '-\t-\treports/scan.png']),
    );
    expect(log.get('reports/public-report.md')).toEqual([
      { hash: 'b2', date: '2021-03-05', subject: '补充调研报告正文' },
      { hash: 'a1', date: '2021-02-01', subject: '收录文档' },
    ]);
    expect(log.get('reports/带 空格 的报告.md')).toHaveLength(1);
    expect(log.get('reports/scan.png')).toHaveLength(1);
  });

  it('leaves out commits that list no file (whitespace-only changes under -w)', () => {
    const log = parseGitLog(record('c3', '2021-04-01', '调整空白', []) + record('a1', '2021-02-01', '收录', ['1\t0\tx.md']));
    expect(log.get('x.md')!.map((revision) => revision.subject)).toEqual(['收录']);
  });

  it('gives nothing for empty output', () => {
    expect(parseGitLog('').size).toBe(0);
  });
});
