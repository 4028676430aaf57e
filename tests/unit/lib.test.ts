import { describe, expect, it } from 'vitest';
import { isPublishable, parseAudience } from '../../src/lib/access.ts';
import { formatChineseDate, isCalendarDate, toIsoDate, yearOf } from '../../src/lib/dates.ts';
import { findDuplicates } from '../../src/lib/duplicates.ts';
import { listingPages } from '../../src/lib/pagination.ts';
import { buildRelatedIndex } from '../../src/lib/related.ts';
import { slugify } from '../../src/lib/slug.ts';
import { normalizeBase, withBase, withoutBase } from '../../src/lib/urls.ts';
import { sectionCurrent } from '../../src/lib/navigation.ts';
import { metadataRows } from '../../src/lib/metadata-rows.ts';

describe('access rules', () => {
  const doc = (access: 'public' | 'internal' | 'restricted', draft = false) => ({ access, draft });
  it('never publishes drafts or restricted documents', () => {
    for (const audience of ['internal', 'public'] as const) {
      expect(isPublishable(doc('restricted'), audience)).toBe(false);
      expect(isPublishable(doc('public', true), audience)).toBe(false);
      expect(isPublishable(doc('internal', true), audience)).toBe(false);
    }
  });
  it('publishes internal documents only to the intranet', () => {
    expect(isPublishable(doc('internal'), 'internal')).toBe(true);
    expect(isPublishable(doc('internal'), 'public')).toBe(false);
    expect(isPublishable(doc('public'), 'public')).toBe(true);
    expect(isPublishable(doc('public'), 'internal')).toBe(true);
  });
  it('reads the audience from the environment value', () => {
    expect(parseAudience(undefined)).toBe('internal');
    expect(parseAudience('')).toBe('internal');
    expect(parseAudience('public')).toBe('public');
    expect(() => parseAudience('everyone')).toThrow(/SITE_AUDIENCE/);
  });
});

describe('dates', () => {
  it('accepts real dates and rejects impossible ones', () => {
    expect(isCalendarDate('2020-12-31')).toBe(true);
    expect(isCalendarDate('2020-02-29')).toBe(true);
    expect(isCalendarDate('2021-02-29')).toBe(false);
    expect(isCalendarDate('2020-02-30')).toBe(false);
    expect(isCalendarDate('2020-13-01')).toBe(false);
    expect(isCalendarDate('2020-1-1')).toBe(false);
  });
  it('formats dates the Chinese way, without shifting the day', () => {
    expect(formatChineseDate('2020-12-31')).toBe('2020年12月31日');
    expect(formatChineseDate('2021-01-01')).toBe('2021年1月1日');
    expect(toIsoDate(new Date(Date.UTC(2020, 11, 31)))).toBe('2020-12-31');
    expect(yearOf('2020-12-31')).toBe(2020);
  });
});

describe('slugs', () => {
  it('keeps Chinese and folds punctuation and full-width forms', () => {
    expect(slugify('光明新区综合办公室')).toBe('光明新区综合办公室');
    expect(slugify('ＯＡ系统 升级')).toBe('oa系统-升级');
    expect(slugify('《光明信息》')).toBe('光明信息');
    expect(() => slugify('《》')).toThrow();
  });
  it('separates words at punctuation and spaces, once, never at either end (unlike github-slugger)', () => {
    expect(slugify('城市更新（旧改）')).toBe('城市更新-旧改');
    expect(slugify('光明·新区')).toBe('光明-新区');
    expect(slugify('A & B')).toBe('a-b');
    expect(slugify(' 前后 ')).toBe('前后');
    expect(slugify('x--y_z')).toBe('x-y-z');
  });
});

describe('base paths', () => {
  it('normalises the base and joins paths', () => {
    expect(normalizeBase(undefined)).toBe('/');
    expect(normalizeBase('kb')).toBe('/kb/');
    expect(normalizeBase('/kb/')).toBe('/kb/');
    expect(withBase('/kb/', 'reports/x/')).toBe('/kb/reports/x/');
    expect(withBase('/', '/reports/')).toBe('/reports/');
    expect(withBase('/kb/', '')).toBe('/kb/');
  });

  it('takes the base off a URL path', () => {
    expect(withoutBase('/kb/', '/kb/reports/x/')).toBe('reports/x/');
    expect(withoutBase('/kb/', '/kb/')).toBe('');
    expect(withoutBase('/', '/years/2020/')).toBe('years/2020/');
  });
});

describe('header navigation', () => {
  it("marks a section's own page as the current page and the pages inside it as the current section", () => {
    expect(sectionCurrent('reports/', 'reports/')).toBe('page');
    expect(sectionCurrent('reports/x/', 'reports/')).toBe('true');
    expect(sectionCurrent('reports/page/2/', 'reports/')).toBe('true');
    expect(sectionCurrent('reforms/', 'reports/')).toBeUndefined();
    expect(sectionCurrent('', '')).toBe('page');
    // The home page contains every page, but is current only on itself.
    expect(sectionCurrent('reports/', '')).toBeUndefined();
  });
});

describe('issue uniqueness', () => {
  it('finds every group that claims one key', () => {
    const items = [
      { file: 'a.md', key: '光明信息/2020/1' },
      { file: 'b.md', key: '光明信息/2020/2' },
      { file: 'c.md', key: '光明信息/2020/1' },
      { file: 'd.md', key: undefined },
      { file: 'e.md', key: undefined },
    ];
    expect(findDuplicates(items, (i) => i.key).map((g) => g.map((i) => i.file))).toEqual([['a.md', 'c.md']]);
  });
});

describe('pagination', () => {
  it('puts page 1 at the listing URL and later pages under page/N', () => {
    const pages = listingPages([...Array(45).keys()], 20);
    expect(pages.map((p) => [p.page, p.param, p.items.length])).toEqual([
      [1, undefined, 20],
      [2, 'page/2', 20],
      [3, 'page/3', 5],
    ]);
    expect(listingPages([], 20)).toHaveLength(1);
  });
});

describe('related documents', () => {
  it('ranks shared topics over shared keywords, then newer first, and never the document itself', () => {
    const docs = [
      { key: 'a', date: '2020-01-01', topics: ['改革'], keywords: ['试点'] },
      { key: 'b', date: '2020-02-01', topics: [], keywords: ['试点'] },
      { key: 'c', date: '2019-01-01', topics: ['改革'], keywords: [] },
      { key: 'd', date: '2021-01-01', topics: ['改革'], keywords: [] },
      { key: 'e', date: '2021-01-01', topics: ['其他'], keywords: [] },
    ];
    const related = buildRelatedIndex(docs);
    expect(related(docs[0]!).map((d) => d.key)).toEqual(['d', 'c', 'b']);
    expect(related(docs[0]!, 1).map((d) => d.key)).toEqual(['d']);
  });
});

describe('metadata block', () => {
  it('labels fields in Chinese and leaves out empty ones', () => {
    const rows = metadataRows('bulletins', {
      title: 't',
      date: '2020-12-31',
      issuer: '综合办',
      docNo: '深光综〔2020〕12号',
      topics: [],
      keywords: ['甲', '乙'],
      access: 'internal',
      publication: '光明信息',
      issue: 3,
      totalIssue: 120,
    });
    expect(rows.map((r) => `${r.label}:${r.value}`)).toEqual([
      '文档类别:简报内刊',
      '发文字号:深光综〔2020〕12号',
      '发布机构:综合办',
      '成文日期:2020年12月31日',
      '主题词:甲；乙',
      '公开属性:内部资料',
      '刊物:《光明信息》',
      '期号:第3期',
      '总期号:总第120期',
    ]);
  });
});
