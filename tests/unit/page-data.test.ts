/**
 * A document page's data (src/data/page-data.ts) is the one source of what
 * the page shows about other files, and its cache key
 * (src/data/page-cache-keys.ts) is a digest of it: what the key covers and
 * what the page renders cannot drift apart.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SiteDocument } from '../../src/data/documents.ts';
import { documentPageCacheKey } from '../../src/data/page-cache-keys.ts';
import type { DocumentPageData } from '../../src/data/page-data.ts';
import { REPO_ROOT } from '../helpers/paths.ts';

/** A document as `getDocuments()` gives it, with only what the key reads filled in with care. */
function document(key: string, data: { title: string; summary?: string }, body = '正文。'): SiteDocument {
  const [kind, id] = key.split('/') as [SiteDocument['kind'], string];
  const fullData = { date: '2021-03-01', issuer: '区政府办公室', topics: ['营商环境'], keywords: [], ...data };
  return {
    kind,
    key,
    path: `${key}/`,
    filePath: `content/${key}.md`,
    contentPath: `${key}.md`,
    year: 2021,
    entry: { id, collection: kind, data: fullData, body },
    data: fullData,
    publication: undefined,
    date: fullData.date,
    topics: fullData.topics,
    keywords: [],
  } as unknown as SiteDocument;
}

function pageData(): DocumentPageData {
  return {
    doc: document('reports/own', { title: '本文' }),
    revisions: [{ date: '2021-03-02', notes: ['补充数据。'] }],
    related: [document('reports/related', { title: '相关文档标题' })],
    backlinks: [document('summaries/linking', { title: '引用本文的文档' })],
    previousIssue: undefined,
    nextIssue: undefined,
    indicatorRows: [{ name: '收文数量', href: '/indicators/received/', figures: ['8555份（2020年）'] }],
    everyIndicator: undefined,
  };
}

describe('document page cache key', () => {
  it('changes when a related document is retitled, and only with what the page shows', () => {
    const page = pageData();
    const before = documentPageCacheKey(page);
    expect(documentPageCacheKey(pageData())).toBe(before);

    const retitled = pageData();
    retitled.related = [document('reports/related', { title: '相关文档（修订后的标题）' })];
    expect(documentPageCacheKey(retitled)).not.toBe(before);

    // A field no list shows today still counts: the whole file is the related document's part of the key.
    const resummarised = pageData();
    resummarised.related = [document('reports/related', { title: '相关文档标题', summary: '新的摘要' })];
    expect(documentPageCacheKey(resummarised)).not.toBe(before);

    // Astro's digest of the file stands for the file when there is one.
    const withDigest = (title: string, digest: string) => {
      const page = pageData();
      const related = document('reports/related', { title });
      (related.entry as { digest?: string }).digest = digest;
      page.related = [related];
      return documentPageCacheKey(page);
    };
    expect(withDigest('相关文档标题', 'a')).toBe(withDigest('相关文档（修订后的标题）', 'a'));
    expect(withDigest('相关文档标题', 'a')).not.toBe(withDigest('相关文档标题', 'b'));
  });

  it('covers every field of the page data, whichever it is', () => {
    const before = documentPageCacheKey(pageData());
    const other = document('bulletins/other', { title: '另一期' });
    const changed: { [K in keyof DocumentPageData]-?: (page: DocumentPageData) => void } = {
      doc: (page) => void (page.doc = document('reports/own', { title: '本文' }, '改过的正文。')),
      revisions: (page) => void page.revisions.push({ date: '2021-04-01', notes: [] }),
      related: (page) => void page.related.push(other),
      backlinks: (page) => void (page.backlinks = []),
      previousIssue: (page) => void (page.previousIssue = other),
      nextIssue: (page) => void (page.nextIssue = other),
      indicatorRows: (page) => void (page.indicatorRows[0]!.figures = ['8556份（2020年）']),
      everyIndicator: (page) => void (page.everyIndicator = { indicators: [], sources: [] }),
    };
    for (const [field, change] of Object.entries(changed)) {
      const page = pageData();
      change(page);
      expect(documentPageCacheKey(page), field).not.toBe(before);
    }
  });

  it('covers every indicator on an MDX page, digesting the shared object once', () => {
    const everyIndicator = (value: number) =>
      ({
        indicators: [{ id: 'received', name: '收文数量', values: [{ year: 2020, value }] }],
        sources: [{ title: '本文', href: '/reports/own/' }],
      }) as unknown as NonNullable<DocumentPageData['everyIndicator']>;
    const mdxPage = (shared: DocumentPageData['everyIndicator']) => ({ ...pageData(), everyIndicator: shared });
    const shared = everyIndicator(8555);
    expect(documentPageCacheKey(mdxPage(shared))).toBe(documentPageCacheKey(mdxPage(everyIndicator(8555))));
    expect(documentPageCacheKey(mdxPage(everyIndicator(8556)))).not.toBe(documentPageCacheKey(mdxPage(shared)));
  });
});

/** `import … from '…'` statements of a module (an .astro file's frontmatter or a .ts file). */
function importsOf(source: string): { what: string; from: string; typeOnly: boolean }[] {
  return [...source.matchAll(/^import\s+(type\s+)?([\s\S]*?)\s*from\s*['"]([^'"]+)['"]/gm)].map(([, type, what, from]) => {
    const names =
      /\{([\s\S]*)\}/
        .exec(what!)?.[1]
        ?.split(',')
        .map((name) => name.trim())
        .filter(Boolean) ?? [];
    const hasDefault = !what!.trim().startsWith('{');
    return { what: what!, from: from!, typeOnly: Boolean(type) || (!hasDefault && names.every((name) => name.startsWith('type '))) };
  });
}

/** Modules rendered from `roots`, followed through local imports (.astro and .ts) up to src/data/, the data layer. */
async function renderedModules(roots: readonly string[]): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  const queue = roots.map((root) => path.join(REPO_ROOT, root));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    const source = await readFile(file, 'utf8');
    seen.set(file, source);
    for (const { from, typeOnly } of importsOf(source)) {
      const target = path.resolve(path.dirname(file), from);
      const inDataLayer = target.startsWith(path.join(REPO_ROOT, 'src/data') + path.sep);
      if (!typeOnly && !inDataLayer && from.startsWith('.') && /\.(astro|ts)$/.test(from)) queue.push(target);
    }
  }
  return seen;
}

const relative = (file: string) => path.relative(REPO_ROOT, file).split(path.sep).join('/');

/** What the modules import, other than types, from `astro:content` and src/data/: `file reads src/data/x.ts`. */
function dataReads(modules: ReadonlyMap<string, string>): string[] {
  const reads: string[] = [];
  for (const [file, source] of modules) {
    for (const { what, from, typeOnly } of importsOf(source)) {
      const target = from.startsWith('.') ? relative(path.resolve(path.dirname(file), from)) : from;
      if (typeOnly) continue;
      // The body of the page's own entry.
      if (target === 'astro:content' && what.trim() === '{ render }') continue;
      if (target === 'astro:content' || target.startsWith('src/data/')) reads.push(`${relative(file)} reads ${target}`);
    }
  }
  return reads.sort();
}

describe('document page data', () => {
  it('is the only thing the document layout and its components read about other files', async () => {
    const modules = await renderedModules(['src/layouts/DocumentLayout.astro']);
    expect([...modules.keys()].map(relative)).toEqual(
      expect.arrayContaining([
        'src/layouts/DocumentLayout.astro',
        'src/components/IssueNavigation.astro',
        'src/components/RevisionHistory.astro',
        'src/components/DocumentsAside.astro',
        'src/indicators/DocumentIndicators.astro',
      ]),
    );
    expect(dataReads(modules)).toEqual([]);
  });

  it('leaves to MDX bodies only the indicators, which the page data of an MDX document holds in full', async () => {
    // MDX bodies reach the user components through import.meta.glob (src/user-components/index.ts);
    // whatever they read of src/data/indicators.ts is drawn from `everyIndicator`: every indicator and its sources.
    const userComponents = (await readdir(path.join(REPO_ROOT, 'src/user-components'))).filter((file) => file.endsWith('.astro'));
    expect(userComponents.length).toBeGreaterThan(0);
    const modules = await renderedModules(userComponents.map((file) => `src/user-components/${file}`));
    const others = dataReads(modules).filter((read) => !read.endsWith(' reads src/data/indicators.ts'));
    expect(others).toEqual([]);
  });
});

describe('page props', () => {
  /** Every file under src/pages/, relative to the repository. */
  async function pageFiles(): Promise<string[]> {
    const entries = await readdir(path.join(REPO_ROOT, 'src/pages'), { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && /\.(astro|ts)$/.test(entry.name))
      .map((entry) => relative(path.join(entry.parentPath, entry.name)));
  }

  it('are inferred from getStaticPaths in every route that has them, never cast', async () => {
    const routes: string[] = [];
    const problems: string[] = [];
    for (const file of await pageFiles()) {
      const source = await readFile(path.join(REPO_ROOT, file), 'utf8');
      if (/\bprops\s+as\b/i.test(source)) problems.push(`${file}: casts its props`);
      if (!/getStaticPaths/.test(source) || !/\bprops\b/.test(source)) continue;
      routes.push(file);
      const inferred = file.endsWith('.astro')
        ? /type Props = InferGetStaticPropsType<typeof getStaticPaths>;/.test(source)
        : /APIRoute<InferGetStaticPropsType<typeof getStaticPaths>>/.test(source);
      if (!inferred) problems.push(`${file}: props not inferred from getStaticPaths`);
    }
    expect(routes).toEqual(expect.arrayContaining(['src/pages/[kind]/[id].astro', 'src/pages/indicators/[id].csv.ts']));
    expect(problems).toEqual([]);
  });
});
