/**
 * The link check after a build: every internal link, stylesheet, script and
 * image in the written HTML must lead to a file the build wrote, under the
 * base, and a `#fragment` to an element with that id on the target page.
 * It reads the output only, so it catches what no source check can: a
 * component's link, a hand-written `/reports/x/` that ignores the `/kb/`
 * base, a heading id that changed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { htmlToHast } from 'satteri';
import { normalizeBase } from '../urls.ts';

export interface BrokenLink {
  /** The page with the link, relative to the output folder. */
  page: string;
  /** The link as written. */
  href: string;
  reason: 'outside-base' | 'missing-file' | 'missing-anchor';
}

/** Attributes that load or lead to another URL, by element. */
const URL_ATTRIBUTES: Record<string, string> = { a: 'href', link: 'href', img: 'src', script: 'src', source: 'src', iframe: 'src' };
// Any scheme (`https:`, `mailto:`, `data:`) or host (`//cdn`): not a link within the site.
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
const ORIGIN = 'http://site.invalid';

interface PageInfo {
  ids: Set<string>;
  links: string[];
}

function walk(node: Root | RootContent, visit: (element: Element) => void): void {
  if (node.type === 'element') visit(node);
  if ('children' in node) for (const child of node.children) walk(child as RootContent, visit);
}

function readPage(file: string): PageInfo {
  const info: PageInfo = { ids: new Set(), links: [] };
  walk(htmlToHast(readFileSync(file, 'utf8')) as Root, (element) => {
    const { id, name } = element.properties ?? {};
    if (typeof id === 'string') info.ids.add(id);
    if (element.tagName === 'a' && typeof name === 'string') info.ids.add(name);
    const attribute = URL_ATTRIBUTES[element.tagName];
    const value = attribute ? element.properties?.[attribute === 'href' ? 'href' : 'src'] : undefined;
    if (typeof value === 'string' && value !== '' && !EXTERNAL.test(value)) info.links.push(value);
  });
  return info;
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The site URL of an output file: `reports/x/index.html` → `/kb/reports/x/`. */
function pageUrl(base: string, page: string): string {
  return `${base}${page
    .split(path.sep)
    .join('/')
    .replace(/(^|\/)index\.html$/, '$1')}`;
}

export function checkBuiltLinks(outDir: string, siteBase: string): BrokenLink[] {
  const base = normalizeBase(siteBase);
  const pages = readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)))
    .sort();
  const cache = new Map<string, PageInfo>();
  const infoOf = (page: string) => {
    let info = cache.get(page);
    if (!info) cache.set(page, (info = readPage(path.join(outDir, page))));
    return info;
  };

  /** The output file a URL path leads to, if the build wrote one. */
  const fileFor = (urlPath: string): string | undefined => {
    const relative = urlPath.slice(base.length);
    const candidate = relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
    return existsSync(path.join(outDir, candidate)) ? path.normalize(candidate) : undefined;
  };

  const broken: BrokenLink[] = [];
  for (const page of pages) {
    const here = new URL(pageUrl(base, page), ORIGIN);
    for (const href of infoOf(page).links) {
      const target = new URL(href, here);
      const urlPath = decode(target.pathname);
      if (!urlPath.startsWith(base)) {
        broken.push({ page, href, reason: 'outside-base' });
        continue;
      }
      const file = fileFor(urlPath);
      if (!file) {
        broken.push({ page, href, reason: 'missing-file' });
        continue;
      }
      const fragment = decode(target.hash.slice(1));
      if (fragment && file.endsWith('.html') && !infoOf(file).ids.has(fragment)) {
        broken.push({ page, href, reason: 'missing-anchor' });
      }
    }
  }
  return broken;
}

const REASONS: Record<BrokenLink['reason'], string> = {
  'outside-base': '不在站点路径下，部署后无法打开（outside the site base）',
  'missing-file': '目标页面或文件不存在（target not built）',
  'missing-anchor': '目标页面没有这个 # 锚点（anchor not on the target page）',
};

export function formatBrokenLinks(broken: readonly BrokenLink[]): string {
  if (broken.length === 0) return '链接检查通过：没有失效的站内链接（no broken internal links）';
  return [
    ...broken.map((link) => `${link.page}: ${link.href} — ${REASONS[link.reason]}`),
    `共 ${broken.length} 个失效的站内链接（broken internal links）`,
  ].join('\n');
}
