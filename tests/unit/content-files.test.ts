/** Reading content files the way Astro does: ids, front matter, YAML lines, the list of collections. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../src/lib/content-files/collections.ts';
import { splitFrontMatter } from '../../src/lib/content-files/front-matter.ts';
import { parseYamlSource } from '../../src/lib/content-files/yaml-source.ts';
import { documentUrlPath } from '../../src/lib/document-urls.ts';
import { entryId } from '../../src/lib/entry-id.ts';
import { REPO_ROOT } from '../helpers/paths.ts';

// Astro's own id function (not exported, hence the file path), to prove ours agrees with it.
const { getContentEntryIdAndSlug } = await import(
  pathToFileURL(path.join(REPO_ROOT, 'node_modules/astro/dist/content/utils.js')).href
);

describe('entryId', () => {
  it.each(['2020-annual-summary.md', '带 空格 的报告.md', 'Sub Folder/Report One.mdx', 'guangming/index.md', 'a.b.c.md', '中文（括号）.md'])(
    'gives %s the id Astro gives it',
    (file) => {
      const base = pathToFileURL('/content/reports/');
      const { slug } = getContentEntryIdAndSlug({ entry: new URL(encodeURI(file), base), contentDir: base, collection: '' });
      expect(entryId(file)).toBe(slug);
    },
  );

  it('lets a slug field win', () => {
    expect(entryId('x.md', 'custom-id')).toBe('custom-id');
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

describe('COLLECTIONS', () => {
  it('lists exactly the collections src/content.config.ts defines', async () => {
    const config = await readFile(path.join(REPO_ROOT, 'src/content.config.ts'), 'utf8');
    const defined = [...config.matchAll(/^\s*(\w+): defineCollection\(/gm)].map((match) => match[1]);
    expect(COLLECTIONS.map((collection) => collection.name).sort()).toEqual(defined.sort());
  });
});
