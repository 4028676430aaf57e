/** Reading content files the way Astro does: ids, front matter, YAML lines, the list of collections. */
import { describe, expect, it } from 'vitest';
import { COLLECTIONS, collectionGlobOptions } from '../../src/lib/content-files/collections.ts';
import { splitFrontMatter } from '../../src/lib/content-files/front-matter.ts';
import { parseYamlSource } from '../../src/lib/content-files/yaml-source.ts';
import { placeDocument } from '../../src/lib/document-model.ts';
import { documentUrlPath } from '../../src/lib/document-urls.ts';
import { entryId } from '../../src/lib/entry-id.ts';
import { DOCUMENT_KINDS, KINDS } from '../../src/lib/kinds.ts';
import { indicatorGroupSchema } from '../../src/schemas/indicator.ts';
import { publicationSchema } from '../../src/schemas/publication.ts';

describe('entryId', () => {
  // The ids Astro's default gave these files (astro 7.3.5, generateIdDefault), so that taking the id over changed no URL.
  it.each([
    ['2020-annual-summary.md', '2020-annual-summary'],
    ['带 空格 的报告.md', '带-空格-的报告'],
    ['Sub Folder/Report One.mdx', 'sub-folder/report-one'],
    ['guangming/index.md', 'guangming'],
    ['a.b.c.md', 'abc'],
    ['中文（括号）.md', '中文括号'],
  ])('gives %s the id %s', (file, id) => {
    expect(entryId(file)).toBe(id);
  });

  it('lets a slug field win', () => {
    expect(entryId('x.md', 'custom-id')).toBe('custom-id');
  });
});

describe('the collections', () => {
  it('are the kinds of the registry, each with its schema, then the journals and the indicators', () => {
    expect(COLLECTIONS.map((collection) => collection.name)).toEqual([...DOCUMENT_KINDS, 'publications', 'indicators']);
    for (const kind of DOCUMENT_KINDS) {
      expect(COLLECTIONS.find((collection) => collection.name === kind)).toMatchObject({
        format: 'markdown',
        extensions: ['.md', '.mdx'],
        schema: KINDS[kind].schema,
      });
    }
    expect(COLLECTIONS.find((collection) => collection.name === 'publications')?.schema).toBe(publicationSchema);
    expect(COLLECTIONS.find((collection) => collection.name === 'indicators')?.schema).toBe(indicatorGroupSchema);
  });

  it('give Astro’s glob loader their folder, their extensions and our entry id', () => {
    const reports = collectionGlobOptions(
      COLLECTIONS.find((collection) => collection.name === 'reports')!,
      '/site/content',
    );
    expect(reports).toMatchObject({ pattern: '**/*.{md,mdx}', base: '/site/content/reports' });
    expect(reports.generateId({ entry: 'Sub Folder/Report One.mdx', data: {} })).toBe('sub-folder/report-one');
    expect(reports.generateId({ entry: 'x.md', data: { slug: 'chosen' } })).toBe('chosen');
    const journals = collectionGlobOptions(
      COLLECTIONS.find((collection) => collection.name === 'publications')!,
      'content',
    );
    expect(journals).toMatchObject({ pattern: '**/*.{yaml,yml}', base: 'content/publications' });
  });
});

describe('placeDocument', () => {
  const journals = (name: string) => (name === '光明信息' ? 'guangming-xinxi' : undefined);
  const base = { date: '2020-05-01', access: 'internal' as const, draft: false };

  it('gives key, URL, year and access by one rule for every kind', () => {
    expect(placeDocument('reports', 'gba', base, journals, 'internal')).toEqual({
      kind: 'reports',
      id: 'gba',
      key: 'reports/gba',
      urlPath: 'reports/gba/',
      year: 2020,
      publishable: true,
    });
    expect(placeDocument('bulletins', 'x', { ...base, publication: '光明信息', issue: 3 }, journals, 'internal').urlPath).toBe(
      'bulletins/guangming-xinxi/2020/3/',
    );
    expect(placeDocument('reports', 'gba', base, journals, 'public').publishable).toBe(false);
    expect(placeDocument('reports', 'gba', { ...base, access: 'restricted' }, journals, 'internal').publishable).toBe(false);
  });

  it('gives an issue of an unknown journal no URL', () => {
    expect(placeDocument('bulletins', 'x', { ...base, publication: '无此刊物', issue: 3 }, journals, 'internal').urlPath).toBeUndefined();
  });
});

describe('documentUrlPath', () => {
  it('places bulletins by journal, year and issue, everything else by id', () => {
    expect(documentUrlPath('bulletins', 'x', { publicationSlug: 'guangming-xinxi', year: 2020, issue: 3 })).toBe(
      'bulletins/guangming-xinxi/2020/3/',
    );
    expect(documentUrlPath('reports', 'gba-research')).toBe('reports/gba-research/');
  });
});

describe('splitFrontMatter', () => {
  it('finds front matter after a BOM and with CRLF line endings, and where the body starts', () => {
    const split = splitFrontMatter('\uFEFF---\r\ntitle: 标题\r\ndate: 2021-01-01\r\n---\r\n\r\n正文\r\n');
    expect(split).toMatchObject({ hasFrontMatter: true, yamlFirstLine: 2, bodyFirstLine: 5 });
    expect(split.yaml).toBe('title: 标题\r\ndate: 2021-01-01');
    expect(split.body).toBe('\r\n正文\r\n');
  });

  it('reports a file without front matter', () => {
    expect(splitFrontMatter('正文').hasFrontMatter).toBe(false);
  });
});

describe('parseYamlSource', () => {
  it('keeps an impossible date as written, where js-yaml would roll it over', () => {
    expect(parseYamlSource('date: 2020-02-30').data).toEqual({ date: '2020-02-30' });
  });

  it('knows the file line of every field, nested ones too', () => {
    const yaml = parseYamlSource('title: 标题\ninstructions:\n  - by: 甲\n    date: 2021-01-01\n', 2);
    expect(yaml.lineOf(['title'])).toBe(2);
    expect(yaml.lineOf(['instructions', 0, 'date'])).toBe(5);
    // A missing field is placed at the nearest parent that exists.
    expect(yaml.lineOf(['instructions', 0, 'text'])).toBe(4);
  });

  it('reports syntax errors with their file line', () => {
    const yaml = parseYamlSource('title: 标题\ntopics: [a, b\ndate: 2021-01-01\n', 2);
    expect(yaml.data).toBeUndefined();
    expect(yaml.errors[0]!.line).toBeGreaterThanOrEqual(3);
  });
});
