/**
 * `npm run check` parses each document body once, however many checks read
 * it (the MDX rules, the indicator references, the links): at 10,000
 * documents each extra parse of every body is seconds of every build.
 */
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { checkContent } from '../../src/lib/content-check/check-content.ts';
import { makeContent } from '../helpers/build-site.ts';
import { FIXTURE_SITES } from '../helpers/paths.ts';

const parses = vi.hoisted(() => ({ mdx: [] as string[], markdown: [] as string[] }));

vi.mock('satteri', async (importOriginal) => {
  const satteri = await importOriginal<typeof import('satteri')>();
  return {
    ...satteri,
    mdxToMdast: (source: string, ...rest: unknown[]) => {
      parses.mdx.push(source);
      return (satteri.mdxToMdast as (...args: unknown[]) => unknown)(source, ...rest);
    },
    markdownToMdast: (source: string, ...rest: unknown[]) => {
      parses.markdown.push(source);
      return (satteri.markdownToMdast as (...args: unknown[]) => unknown)(source, ...rest);
    },
  };
});

describe('the content check', () => {
  it('parses each body once for all the checks that read it', async () => {
    const mdx =
      '---\ntitle: 引用指标\ndate: 2021-03-01\nissuer: 测试\n---\n\n见[改革](../reforms/reform-2020.md)。\n\n收文<Indicator id="docs-received" year={2020} />。\n';
    const markdown =
      '---\ntitle: 链接\ndate: 2021-03-01\nissuer: 测试\n---\n\n见[改革](../reforms/reform-2020.md)与<abbr title="x">缩写</abbr>。\n';
    const dir = await makeContent({ 'reports/all-checks.mdx': mdx, 'reports/links.md': markdown }, path.join(FIXTURE_SITES, 'indicators'));
    parses.mdx.length = 0;
    parses.markdown.length = 0;
    const result = checkContent({ contentDir: dir, audience: 'internal', base: '/' });
    expect(result.errorCount).toBe(0);
    // Every MDX body and every Markdown body with a link or HTML once, the two above among them.
    expect(parses.mdx.filter((source) => source === mdx)).toHaveLength(1);
    expect(parses.markdown.filter((source) => source === markdown)).toHaveLength(1);
    expect(new Set(parses.mdx).size).toBe(parses.mdx.length);
    expect(new Set(parses.markdown).size).toBe(parses.markdown.length);
  });
});
