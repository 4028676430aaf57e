/**
 * The site as deployed: `npm run build` of the shipped content, served by
 * nginx with the repository's `scripts/nginx/gazette-server.conf` and
 * `gazette.conf` and workers that run as an unprivileged user, as Debian's
 * `www-data` does. Every file and every URL of the sitemap answers 200;
 * dotfiles planted in the served folder answer 404 with no body; CSV and
 * feeds carry their type and charset; nginx's own error responses (400, 403,
 * 404) carry the security headers, and 403 and 404 are the site's Chinese pages.
 */
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ui } from '../../src/translations/zh-CN.ts';
import { buildSite, listFiles, type BuildResult } from '../helpers/build-site.ts';
import { serveWithNginx, WORKER_USER, type NginxServer } from '../helpers/nginx.ts';
import { REPO_ROOT } from '../helpers/paths.ts';

/** Files someone might leave in the deployed folder: an editor's `.env`, a checkout's `.git/`, a Mac's `.DS_Store`, a dot-folder with a page. */
const PLANTED_DOTFILES = [
  '.env',
  '.htpasswd',
  '.git/config',
  '.git/HEAD',
  'x/.hidden',
  'reports/.DS_Store',
  'reports/.drafts/index.html',
  '_astro/.secret.js',
  'pagefind/.cache',
  '.well-known/security.txt',
];

/** Further paths that must answer the same, whether the file exists or not. */
const DOTFILE_PATHS = [...PLANTED_DOTFILES, 'reports/.drafts/', '.nothing-here', '%2eenv', 'x/%2Ehidden'];

function expectSecurityHeaders(headers: Headers, what: string): void {
  expect(headers.get('content-security-policy'), what).toMatch(/^default-src 'self'; script-src 'self'; .*frame-ancestors 'self'$/);
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(headers.get('referrer-policy'), what).toBe('same-origin');
}

/** Sends `request` as it is over a new connection and returns the whole response. */
function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let response = '';
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => (response += chunk));
    socket.on('error', reject);
    socket.on('end', () => resolve(response));
  });
}

/** The ids (real uid) of the processes whose parent is `pid`. */
async function childUids(pid: number): Promise<number[]> {
  const uids: number[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const status = await readFile(`/proc/${name}/status`, 'utf8').catch(() => '');
    if (Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]) === pid) uids.push(Number(/^Uid:\s+(\d+)/m.exec(status)![1]));
  }
  return uids;
}

describe('the built site served by the deployed nginx config with unprivileged workers', () => {
  let build: BuildResult;
  let server: NginxServer;
  let files: string[];

  beforeAll(async () => {
    build = await buildSite({ contentDir: path.join(REPO_ROOT, 'content'), base: '/kb/', pipeline: true });
    expect(build.ok, build.output).toBe(true);
    files = await listFiles(build.outDir);
    for (const file of PLANTED_DOTFILES) {
      await mkdir(path.dirname(path.join(build.outDir, file)), { recursive: true });
      await writeFile(path.join(build.outDir, file), `SECRET in ${file}\n`);
    }
    server = await serveWithNginx(build.outDir);
  });

  afterAll(() => server?.stop());

  it('runs its workers as an unprivileged user', async () => {
    const uids = await childUids(server.pid);
    expect(uids.length).toBeGreaterThan(0);
    expect(uids).not.toContain(0);
    if (process.getuid?.() === 0) {
      const passwd = await readFile('/etc/passwd', 'utf8');
      const nobody = Number(new RegExp(`^${WORKER_USER}:[^:]*:(\\d+):`, 'm').exec(passwd)![1]);
      expect(new Set(uids)).toEqual(new Set([nobody]));
    } else {
      expect(new Set(uids)).toEqual(new Set([process.getuid?.()]));
    }
  });

  it('answers 200 for every file of the build and every URL of its sitemap', async () => {
    const sitemapFiles = files.filter((file) => /^sitemap-\d+\.xml$/.test(file));
    const sitemapPaths = (await Promise.all(sitemapFiles.map((file) => readFile(path.join(build.outDir, file), 'utf8')))).flatMap((xml) =>
      [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname),
    );
    expect(sitemapPaths.length).toBeGreaterThan(20);
    const urls = [...files.map((file) => `/kb/${encodeURI(file.split(path.sep).join('/'))}`), ...sitemapPaths];
    const failures: string[] = [];
    for (const url of urls) {
      const response = await fetch(`${server.origin}${url}`);
      await response.arrayBuffer();
      if (response.status !== 200) failures.push(`${response.status} ${url}`);
    }
    console.log(`nginx: ${urls.length} URLs requested (${files.length} files, ${sitemapPaths.length} sitemap entries)`);
    expect(failures).toEqual([]);
  });

  it('answers every dotfile path with 404 and no body, though the planted files are readable by others', async () => {
    for (const file of PLANTED_DOTFILES) expect((await stat(path.join(server.servedDir, file))).mode & 0o004, file).toBe(0o004);
    for (const dotfile of DOTFILE_PATHS) {
      const response = await fetch(`${server.siteUrl}${dotfile}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(response.status, dotfile).toBe(404);
      expect(await response.text(), dotfile).toBe('');
      expectSecurityHeaders(response.headers, dotfile);
    }
  });

  it('serves CSV as text/csv in UTF-8, compressed or not', async () => {
    const csvFiles = files.filter((file) => file.endsWith('.csv'));
    expect(csvFiles).toContain('indicators/data.csv');
    for (const file of csvFiles) {
      for (const encoding of ['identity', 'gzip']) {
        const response = await fetch(`${server.siteUrl}${file}`, { headers: { 'accept-encoding': encoding } });
        expect(response.status, file).toBe(200);
        expect(response.headers.get('content-type'), `${file} (${encoding})`).toBe('text/csv; charset=utf-8');
      }
    }
  });

  it('serves feeds and sitemaps with charset=utf-8', async () => {
    const feeds = files.filter((file) => file.endsWith('.xml'));
    expect(feeds).toEqual(expect.arrayContaining(['rss.xml', 'reports/rss.xml', 'sitemap-index.xml']));
    for (const file of feeds) {
      const response = await fetch(`${server.siteUrl}${file}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(response.headers.get('content-type'), file).toMatch(/^(text|application)\/(rss\+)?xml; charset=utf-8$/);
    }
  });

  it('answers a forbidden path with the Chinese 403 page and the security headers', async () => {
    // A folder with no index page: nginx lists no folders.
    const response = await fetch(`${server.siteUrl}_astro/`);
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain(`<h1>${ui.forbidden}</h1>`);
    expect(html).toContain(ui.forbiddenHint);
    expectSecurityHeaders(response.headers, '403');
  });

  it("answers a missing page with the site's 404 page and the security headers", async () => {
    const response = await fetch(`${server.siteUrl}no-such-page/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain(`<h1>${ui.notFound}</h1>`);
    expectSecurityHeaders(response.headers, '404');
  });

  it('answers a bad request with 400 and the security headers, without naming its version', async () => {
    const port = Number(new URL(server.origin).port);
    // HTTP/1.1 without a Host header: refused before any location is chosen, so the server block's headers apply.
    const response = await rawRequest(port, 'GET /kb/ HTTP/1.1\r\nConnection: close\r\n\r\n');
    const [head] = response.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    const headers = new Headers();
    for (const line of head!.split('\r\n').slice(1))
      headers.append(line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim());
    expectSecurityHeaders(headers, '400');
    expect(headers.get('server')).toBe('nginx');
    // The redirect of the bare base, outside the /kb/ location, carries them too.
    const bare = await fetch(`${server.origin}/kb`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expectSecurityHeaders(bare.headers, '301');
  });
});
