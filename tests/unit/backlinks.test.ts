import { describe, expect, it } from 'vitest';
import { buildBacklinks, type LinkingDocument } from '../../src/lib/content-links/backlinks.ts';

const doc = (contentPath: string, body: string): LinkingDocument => ({
  contentPath,
  urlPath: contentPath.replace(/\.mdx?$/, '/'),
  body,
});

describe('backlinks (引用本文的文档)', () => {
  const target = doc('reports/target.md', '正文。');
  const docs = [
    doc('summaries/inline.md', '见[报告](../reports/target.md)和[再一次](../reports/target.md#一总体情况)。'),
    doc('reports/sibling.md', '见[同一目录的报告][ref]。\n\n[ref]: target.md'),
    doc('reforms/component.mdx', '见[报告](../reports/target.md)。\n\n<Indicator id="x" year={2020} />'),
    doc('reports/mentions-only.md', '正文提到 target.md，但没有链接；[网页](https://example.org/target.md)也不算。'),
    doc('reports/elsewhere.md', '见[另一份](../summaries/inline.md)和[不存在的](../reports/missing.md)。'),
    target,
    doc('reports/self.md', '见[本文](self.md)。'),
    doc('reports/html-link.md', '见<a href="target.md">报告</a>。'),
    doc('reforms/jsx-link.mdx', '见<a href="../reports/target.md">报告</a>。'),
  ];
  const backlinks = buildBacklinks(docs, '/kb/');

  it('finds inline, reference-style and MDX links, each linking document once, in the order given', () => {
    expect(backlinks.get('reports/target.md')?.map((d) => d.contentPath)).toEqual([
      'summaries/inline.md',
      'reports/sibling.md',
      'reforms/component.mdx',
    ]);
    expect(backlinks.get('summaries/inline.md')?.map((d) => d.contentPath)).toEqual(['reports/elsewhere.md']);
  });

  it('counts no mention of a file name, external URL, link to a document not given, link to itself, or <a href> (left as written, it leads nowhere)', () => {
    expect(backlinks.has('reports/missing.md')).toBe(false);
    expect(backlinks.has('reports/self.md')).toBe(false);
    expect([...backlinks.keys()].sort()).toEqual(['reports/target.md', 'summaries/inline.md']);
  });

  it('knows only the documents it is given: a link from or to one left out is no backlink', () => {
    // The caller passes only what the build publishes; here the linking summary is left out.
    const published = buildBacklinks(
      docs.filter((d) => d.contentPath !== 'summaries/inline.md'),
      '/kb/',
    );
    expect(published.get('reports/target.md')?.map((d) => d.contentPath)).toEqual(['reports/sibling.md', 'reforms/component.mdx']);
    expect(published.has('summaries/inline.md')).toBe(false);
  });
});
