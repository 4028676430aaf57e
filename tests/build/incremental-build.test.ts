/**
 * Incremental builds (`experimental.incrementalBuild`, keys from
 * src/data/page-cache-keys.ts): a rebuild with the same cache folder copies
 * every document page that shows nothing changed, and renders the rest. What
 * it writes must be exactly what a cold build of the same content writes.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeContent, type BuildResult } from '../helpers/build-site.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { buildIsolated } from '../helpers/isolated-build.ts';
import { FIXTURE_SITES } from '../helpers/paths.ts';
import { treeHashes } from '../helpers/tree-hashes.ts';

const OLD_TITLE = '测试快报第2期标题';
const LINKS_CHANGED = 'links between documents changed';
const NEW_TITLE = '测试快报第2期（修订后的标题）';
/** A document of the indicators fixture that the retitled issue links to, and that shares nothing else with it. */
const LINKED_FROM_ISSUE = 'pilot-2020';

/** Output files (`bulletins/…/index.html`) of the pages Astro copied from its cache instead of rendering. */
function restoredPages(output: string): Set<string> {
  return new Set([...output.matchAll(/├─ \/(\S+) \(restored\)/g)].map((match) => match[1]!));
}

/** Output files of the document pages: every page under a document kind's folder but its listings and feeds. */
function documentPages(hashes: Map<string, string>): string[] {
  return [...hashes.keys()].filter((file) => /^(bulletins\/[^/]+\/\d{4}\/\d+|(reports|summaries|reforms)\/[^/]+)\/index\.html$/.test(file));
}

async function editFile(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  expect(text).toContain(from);
  await writeFile(file, text.replace(from, to));
}

describe('incremental build', () => {
  let contentDir: string;
  let cacheDir: string;
  let first: BuildResult;
  let unchanged: BuildResult;
  let edited: BuildResult;
  let cold: BuildResult;

  beforeAll(async () => {
    // Bulletins with neighbouring issues and shared topics, and an MDX report quoting and charting indicators.
    contentDir = await makeContent({}, path.join(FIXTURE_SITES, 'basic'));
    await cp(path.join(FIXTURE_SITES, 'indicators'), contentDir, { recursive: true });
    await editFile(
      path.join(contentDir, 'bulletins/2021-2.md'),
      '第2期正文内容。',
      `第2期正文内容。参见[市级试点](../reforms/${LINKED_FROM_ISSUE}.md)。`,
    );
    cacheDir = await tempDir('gazette-cache-');
    const build = (cache: string) => buildIsolated({ contentDir, base: '/kb/', env: { GAZETTE_CACHE_DIR: cache } }, 'incremental-');

    first = await build(cacheDir);
    expect(first.ok, first.output).toBe(true);
    unchanged = await build(cacheDir);
    expect(unchanged.ok, unchanged.output).toBe(true);

    // An editor retitles an issue, shown on its neighbours' pages, in related documents and in the
    // backlinks of a page it links to (a page that shows the issue nowhere else),
    // and corrects a figure that the MDX report quotes and charts.
    await editFile(path.join(contentDir, 'bulletins/2021-2.md'), `title: ${OLD_TITLE}`, `title: ${NEW_TITLE}`);
    await editFile(path.join(contentDir, 'indicators/handling.yaml'), '{ year: 2018, value: 7000,', '{ year: 2018, value: 7100,');
    edited = await build(cacheDir);
    expect(edited.ok, edited.output).toBe(true);
    cold = await build(await tempDir('gazette-cache-'));
    expect(cold.ok, cold.output).toBe(true);
  }, 240_000);

  it('copies every document page when nothing changed, and writes the same site', async () => {
    const [before, after] = await Promise.all([treeHashes(first.outDir), treeHashes(unchanged.outDir)]);
    const pages = documentPages(after);
    expect(pages.length).toBeGreaterThan(8);
    expect(restoredPages(first.output)).toEqual(new Set());
    expect([...restoredPages(unchanged.output)].sort()).toEqual(pages.sort());
    expect(unchanged.output).not.toContain(LINKS_CHANGED);
    expect(after).toEqual(before);
  });

  it('after edits, writes exactly what a cold build of the same content writes', async () => {
    const [incremental, fresh] = await Promise.all([treeHashes(edited.outDir), treeHashes(cold.outDir)]);
    expect(incremental).toEqual(fresh);
    expect(restoredPages(cold.output)).toEqual(new Set());
  });

  it('renders again the pages that show an edit, and only those', async () => {
    const restored = restoredPages(edited.output);
    const pages = documentPages(await treeHashes(cold.outDir));
    const showing = async (text: string) =>
      (
        await Promise.all(pages.map(async (page) => ((await readFile(path.join(cold.outDir, page), 'utf8')).includes(text) ? page : [])))
      ).flat();
    const showingTitle = await showing(NEW_TITLE);
    // The issue itself, the issue before it (下一期), a document listing it as related and one listing it as linking there.
    expect(showingTitle).toEqual(
      expect.arrayContaining([
        'bulletins/test-journal/2021/2/index.html',
        'bulletins/test-journal/2021/1/index.html',
        'reforms/reform-a/index.html',
        `reforms/${LINKED_FROM_ISSUE}/index.html`,
      ]),
    );
    const showingFigure = await showing('7100份');
    expect(showingFigure).toEqual(expect.arrayContaining(['reports/figures-in-prose/index.html', 'summaries/summary-2019/index.html']));
    const rerendered = pages.filter((page) => !restored.has(page));
    expect(rerendered.sort()).toEqual([...new Set([...showingTitle, ...showingFigure])].sort());
  });
});

describe('incremental build after a linked document is withdrawn', () => {
  it('renders the linking document again, with the link as plain text', async () => {
    // open-report.md links to public-reform.md, which an editor then marks as a draft.
    const contentDir = await makeContent({}, path.join(FIXTURE_SITES, 'gates'));
    const cacheDir = await tempDir('gazette-cache-');
    const build = () => buildIsolated({ contentDir, base: '/kb/', env: { GAZETTE_CACHE_DIR: cacheDir } }, 'incremental-links-');
    const linkToReform = 'href="/kb/reforms/public-reform/"';
    const first = await build();
    expect(first.ok, first.output).toBe(true);
    expect(await readFile(path.join(first.outDir, 'reports/open-report/index.html'), 'utf8')).toContain(linkToReform);

    await editFile(path.join(contentDir, 'reforms/public-reform.md'), 'access: public\n', 'access: public\ndraft: true\n');
    const second = await build();
    expect(second.ok, second.output).toBe(true);
    expect(second.output).toContain(LINKS_CHANGED);
    const page = await readFile(path.join(second.outDir, 'reports/open-report/index.html'), 'utf8');
    expect(page).not.toContain(linkToReform);
    expect(page).toContain('另一份公开材料');
    expect(restoredPages(second.output)).not.toContain('reports/open-report/index.html');
  }, 120_000);
});
