/**
 * Serves a built site with nginx under a sub-path, using the repository's own
 * `scripts/nginx/gazette-server.conf` and `scripts/nginx/gazette.conf` with
 * only the latter's `alias` pointed at the build.
 *
 * The workers run as an unprivileged user, as a deployed nginx's do (Debian's
 * `www-data`; here `nobody`), so a build that other users cannot read is
 * answered with 403, as it would be in production. That needs a master
 * process started as root; started by another user, nginx cannot switch
 * users and its workers run as that user, who already is unprivileged.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmod, readFile, stat, writeFile, mkdir } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from './paths.ts';
import { isTempDir, tempDir } from './temp-dir.ts';

export const NGINX_SITE_CONF = path.join(REPO_ROOT, 'scripts/nginx/gazette.conf');
export const NGINX_SERVER_CONF = path.join(REPO_ROOT, 'scripts/nginx/gazette-server.conf');
const DEPLOYED_DIST = '/srv/gazette/dist/';

/** The user nginx's workers run as when the tests run as root: `nobody`, in Debian's `nogroup` (other systems name the group `nobody`). */
export const WORKER_USER = 'nobody';

async function workerGroup(): Promise<string> {
  const groups = await readFile('/etc/group', 'utf8');
  return /^nogroup:/m.test(groups) ? 'nogroup' : 'nobody';
}

/** The folders from the root down to `dir`'s parent. */
function ancestors(dir: string): string[] {
  const folders: string[] = [];
  for (let folder = path.dirname(dir); ; folder = path.dirname(folder)) {
    folders.unshift(folder);
    if (folder === path.dirname(folder)) return folders;
  }
}

/**
 * The path of `distDir` that an unprivileged worker can reach. Every folder
 * above it must let others pass (o+x); what is in it is the build's own and
 * is left exactly as the build made it. A folder above it that a test made
 * with `mkdtemp` (0700) is opened to passing, as the folder a site is deployed
 * in would be (`/srv/gazette/`). When a folder the tests did not make is shut
 * (a repository cloned under `/root`), the build is copied with its
 * permissions to a temporary folder, as a deployment copies `dist/` to the
 * server, and served from there.
 */
async function reachableByWorkers(distDir: string, copied = false): Promise<string> {
  for (const folder of ancestors(distDir)) {
    const { mode } = await stat(folder);
    if (mode & 0o001) continue;
    if (isTempDir(folder)) {
      await chmod(folder, mode | 0o001);
      continue;
    }
    if (copied)
      throw new Error(
        `nginx's workers cannot reach ${distDir}: ${folder} is closed to other users (point TMPDIR at a folder they may pass)`,
      );
    // `cp -a` keeps the mode of every file and folder (Node's `cp` does not keep folders').
    const copy = path.join(await tempDir('gazette-served-'), path.basename(distDir));
    await promisify(execFile)('cp', ['-a', distDir, copy]);
    return reachableByWorkers(copy, true);
  }
  return distDir;
}

export interface NginxServer {
  /** The master process. */
  pid: number;
  /** The folder served at /kb/: the build's, or a copy of it (see `reachableByWorkers`). */
  servedDir: string;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** `http://127.0.0.1:PORT/kb/` */
  siteUrl: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nginx did not listen on ${port}:\n${log()}`);
}

/**
 * A stock nginx location for a site that is not Gazette's (the benchmark's
 * baseline): the files and compression, none of our headers, whose CSP would
 * stop stock Pagefind's web worker from compiling its WebAssembly.
 */
const plainSiteConf = (served: string) => `
location /kb/ {
    alias ${served}/;
    index index.html;
    gzip on;
    gzip_static on;
    gzip_comp_level 6;
    gzip_min_length 1024;
    gzip_types text/css application/javascript application/json application/wasm image/svg+xml text/plain;
}
`;

export interface ServeOptions {
  /** Serve with a stock location instead of the repository's config (see `plainSiteConf`). */
  plain?: boolean;
}

/** Starts nginx on a free loopback port serving `distDir` at `/kb/`. */
export async function serveWithNginx(distDir: string, { plain = false }: ServeOptions = {}): Promise<NginxServer> {
  const asRoot = process.getuid?.() === 0;
  const served = asRoot ? await reachableByWorkers(path.resolve(distDir)) : path.resolve(distDir);
  const work = await tempDir('gazette-nginx-');
  await mkdir(path.join(work, 'temp'), { recursive: true });
  const port = await freePort();
  const site = plain ? plainSiteConf(served) : (await readFile(NGINX_SITE_CONF, 'utf8')).replaceAll(DEPLOYED_DIST, `${served}/`);
  await writeFile(path.join(work, 'gazette.conf'), site);
  const conf = `
${asRoot ? `user ${WORKER_USER} ${await workerGroup()};` : '# Not started as root: the workers run as the invoking user.'}
worker_processes 1;
pid ${work}/nginx.pid;
error_log ${work}/error.log warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${work}/access.log;
  client_body_temp_path ${work}/temp/body;
  proxy_temp_path ${work}/temp/proxy;
  fastcgi_temp_path ${work}/temp/fastcgi;
  uwsgi_temp_path ${work}/temp/uwsgi;
  scgi_temp_path ${work}/temp/scgi;
  server {
    listen 127.0.0.1:${port};
    server_name localhost;
    ${plain ? '' : `include ${NGINX_SERVER_CONF};`}
    include ${work}/gazette.conf;
  }
}
`;
  await writeFile(path.join(work, 'nginx.conf'), conf);
  const child = spawn('nginx', ['-c', path.join(work, 'nginx.conf'), '-p', work, '-g', 'daemon off;'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (c) => (log += c));
  child.stderr?.on('data', (c) => (log += c));
  await waitForPort(port, child, () => log);
  const origin = `http://127.0.0.1:${port}`;
  return {
    pid: child.pid!,
    servedDir: served,
    origin,
    siteUrl: `${origin}/kb/`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.on('exit', () => resolve());
        child.kill('SIGQUIT');
      }),
  };
}
