/**
 * Serves a built site with nginx under a sub-path, using the repository's own
 * `scripts/nginx/gazette.conf` with only its `alias` pointed at the build.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { REPO_ROOT } from './paths.ts';
import { tempDir } from './temp-dir.ts';

export const NGINX_SITE_CONF = path.join(REPO_ROOT, 'scripts/nginx/gazette.conf');
const DEPLOYED_DIST = '/srv/gazette/dist/';

export interface NginxServer {
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

/** Starts nginx on a free loopback port serving `distDir` at `/kb/`. */
export async function serveWithNginx(distDir: string): Promise<NginxServer> {
  const work = await tempDir('gazette-nginx-');
  await mkdir(path.join(work, 'temp'), { recursive: true });
  const port = await freePort();
  const site = (await readFile(NGINX_SITE_CONF, 'utf8')).replaceAll(DEPLOYED_DIST, `${path.resolve(distDir)}/`);
  await writeFile(path.join(work, 'gazette.conf'), site);
  const conf = `
# Runs as the invoking user (root in CI) so it can read the temporary build.
${process.getuid?.() === 0 ? 'user root;' : ''}
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
