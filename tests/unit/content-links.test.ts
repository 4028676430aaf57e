/**
 * Links to documents a build leaves out, in every form editors write them:
 * the source file, the page URL with or without the base, relative URLs
 * read from the page or from the file's folder, with fragments and queries,
 * reference definitions and MDX `<a href>`. `npm run check` warns about each
 * (the Markdown plugin turns the same links into plain text, see
 * tests/build/excluded-links.test.ts); raw HTML links are errors.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content-check/check-content.ts';
import { formatProblem } from '../../src/lib/content-check/report.ts';
import { resolveContentLink, type LinkContext, type LinkTarget } from '../../src/lib/content-links/resolve.ts';
import { makeContent } from '../helpers/build-site.ts';
import { FIXTURE_SITES } from '../helpers/paths.ts';

const BASIC = path.join(FIXTURE_SITES, 'basic');
const FRONT = '---\ntitle: 链接形式\ndate: 2021-03-01\nissuer: 测试\naccess: public\n---\n\n';

describe('resolving a link', () => {
  const documents: Record<string, LinkTarget> = {
    'reports/open.md': { urlPath: 'reports/open/', publishable: true },
    'reports/secret-doc.md': { urlPath: 'reports/secret-doc/', publishable: false },
    'bulletins/2021-1.md': { urlPath: 'bulletins/journal/2021/1/', publishable: true },
    'bulletins/2021-2-draft.md': { urlPath: 'bulletins/journal/2021/2/', publishable: false },
  };
  const context = (fromContentPath: string): LinkContext => ({
    fromContentPath,
    base: '/kb/',
    targetAt: (contentPath) => documents[contentPath],
    targetAtUrl: (urlPath) => {
      const found = Object.entries(documents).find(([, doc]) => doc.urlPath === urlPath.toLowerCase());
      return found && { ...found[1], contentPath: found[0] };
    },
    anchorsOf: () => new Map(),
  });
  const resolve = (url: string, from = 'reports/open.md') => resolveContentLink(url, context(from));
  const excluded = { type: 'excluded', target: 'reports/secret-doc.md' };

  it.each([
    ['/reports/secret-doc/'],
    ['/kb/reports/secret-doc/'],
    ['/kb/reports/secret-doc'],
    ['/KB/Reports/Secret-Doc/index.html'],
    ['../secret-doc/'],
    ['../secret-doc'],
    ['./secret-doc'],
    ['secret-doc/'],
    ['../../reports/secret-doc/'],
    ['../../../../reports/secret-doc/'],
    ['../secret-doc/#一、情况'],
    ['../secret-doc/?from=open#top'],
    ['%2E%2E/secret%2Ddoc/'],
    ['secret-doc.md'],
    ['../reports/secret-doc.md#一、情况'],
    ['secret-doc.md?x=1'],
    ['/reports/secret-doc.md'],
  ])('finds the excluded document in %s', (url) => {
    expect(resolve(url)).toEqual(excluded);
  });

  it('finds an excluded bulletin from the next issue, by its page or its file', () => {
    const draft = { type: 'excluded', target: 'bulletins/2021-2-draft.md' };
    expect(resolve('../2/', 'bulletins/2021-1.md')).toEqual(draft);
    expect(resolve('/kb/bulletins/journal/2021/2/', 'reports/open.md')).toEqual(draft);
    expect(resolve('./2021-2-draft', 'bulletins/2021-1.md')).toEqual(draft);
  });

  it('leaves links to published pages, other sites and the page itself alone', () => {
    for (const url of [
      '../open/',
      '/kb/reports/open/',
      'https://example.com/reports/secret-doc/',
      '//example.com/secret-doc/',
      '#一、情况',
      '?page=2',
      '/kb/indicators/x/',
    ]) {
      expect(resolve(url), url).toEqual({ type: 'other' });
    }
    // The browser's reading wins: from issue 1, `../1/` is issue 1's own page.
    expect(resolve('../1/', 'bulletins/2021-1.md')).toEqual({ type: 'other' });
  });
});

describe('npm run check on links to excluded documents', () => {
  const forms = [
    '/reports/restricted-report/',
    '/kb/reports/restricted-report/',
    '../restricted-report/',
    './restricted-report',
    '../../reports/restricted-report/#一、情况',
    'restricted-report.md',
    '../reports/restricted-report.md?v=1#一',
    '/kb/bulletins/test-journal/2021/3/',
    '../../summaries/internal-summary/',
  ];

  it('warns about every form in a Markdown document, naming file, line and link', async () => {
    const body = forms.map((url, i) => `第${i + 1}处见[材料](${url})。`).join('\n\n');
    const dir = await makeContent(
      { 'reports/forms.md': `${FRONT}${body}\n\n另见[引用材料][r]。\n\n> [r]: ../restricted-report/\n` },
      BASIC,
    );
    const problems = checkContent({ contentDir: dir, audience: 'public', base: '/kb/' }).problems.filter((p) =>
      p.file.endsWith('forms.md'),
    );
    expect(problems.map((p) => [p.severity, p.found])).toEqual([...forms, '../restricted-report/'].map((url) => ['warning', url]));
    expect(problems[0]!.line).toBe(8);
    expect(formatProblem(problems[0]!)).toContain('纯文本');
  });

  it('warns about an MDX <a href> and stops a raw HTML link in Markdown', async () => {
    const dir = await makeContent(
      {
        'reports/jsx.mdx': `${FRONT}见<a href="../restricted-report/">材料</a>。\n`,
        'reports/raw.md': `${FRONT}见<a href="../restricted-report/">材料</a>。\n\n<p><a title="x" href='/kb/summaries/internal-summary/'>计划</a></p>\n`,
      },
      BASIC,
    );
    const problems = checkContent({ contentDir: dir, audience: 'public', base: '/kb/' }).problems;
    const of = (name: string) => problems.filter((p) => p.file.endsWith(name)).map((p) => [p.severity, p.line, p.found]);
    expect(of('jsx.mdx')).toEqual([['warning', 8, '../restricted-report/']]);
    expect(of('raw.md')).toEqual([
      ['error', 8, '../restricted-report/'],
      ['error', 10, '/kb/summaries/internal-summary/'],
    ]);
    expect(formatProblem(problems.find((p) => p.file.endsWith('raw.md'))!)).toContain('HTML');
  });

  it('says nothing about the same links in a build that publishes their targets', async () => {
    const dir = await makeContent(
      { 'reports/forms.md': `${FRONT}见[内部计划](../../summaries/internal-summary/)和<a href="../public-report/">公开报告</a>。\n` },
      BASIC,
    );
    const problems = checkContent({ contentDir: dir, audience: 'internal', base: '/kb/' }).problems.filter((p) =>
      p.file.endsWith('forms.md'),
    );
    expect(problems).toEqual([]);
  });
});
