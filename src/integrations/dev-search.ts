/**
 * Search under `astro dev`. The search page loads the index that
 * `npm run build` writes after Astro has exited (src/search/build-index.ts),
 * so the dev server has none of its own. This integration makes one with the
 * same code, from the pages the dev server itself renders: the search records
 * (`search-records.json`, through the access gate), then each record's page,
 * written into a folder in the cache as a build would write them, then
 * indexed into `pagefind/` there, which the dev server serves under the
 * base path. The index is made when the search page first asks for it, and
 * again on the next search after the content changed (Astro's dev data store,
 * `.astro/data-store.json`, is written after it has taken in an edit); a page
 * that asks meanwhile waits for it.
 */
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { SEARCH_RECORDS_FILE, readSearchDocuments, takeSearchRecords, writeSearchIndex } from '../search/build-index.ts';
import { SEARCH_BUNDLE_DIR, SEARCH_MANIFEST_FILE } from '../search/shards.ts';
import { devDataStoreFile } from './content-data-from-disk.ts';
import { CACHE_DIR, CONTENT_DIR, SEARCH_SHARD_SIZE, href } from '../site-settings.ts';

/** Where the dev server's indexes are made, one folder per index; the last two are kept. */
const DEV_SEARCH_DIR = path.resolve(CACHE_DIR, 'dev-search');
/** Pages fetched from the dev server at a time: it renders them one by one anyway, this keeps it busy. */
const PAGES_AT_A_TIME = 4;

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** The dev server's own address, for fetching its pages. */
function originOf(address: AddressInfo): string {
  const loopback = address.family === 'IPv6' ? '[::1]' : '127.0.0.1';
  const host = ['::', '0.0.0.0', ''].includes(address.address)
    ? loopback
    : address.family === 'IPv6'
      ? `[${address.address}]`
      : address.address;
  return `http://${host}:${address.port}`;
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

/** Makes one index of what the dev server at `origin` shows now, in `folder`; returns the number of documents. */
async function makeIndex(origin: string, folder: string, logger: AstroIntegrationLogger): Promise<number> {
  await mkdir(folder, { recursive: true });
  // As a build writes it: the records file, then each page at its output path.
  await writeFile(path.join(folder, SEARCH_RECORDS_FILE), await fetchText(`${origin}${href(SEARCH_RECORDS_FILE)}`));
  const records = await takeSearchRecords(folder);
  let next = 0;
  const fetchPages = async () => {
    for (let record = records[next++]; record; record = records[next++]) {
      const file = path.join(folder, record.file);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, await fetchText(`${origin}${record.url}`));
    }
  };
  await Promise.all(Array.from({ length: PAGES_AT_A_TIME }, fetchPages));
  const log = { info: (message: string) => logger.info(message), warn: (message: string) => logger.warn(message) };
  const documents = await readSearchDocuments(folder, records, log);
  await writeSearchIndex(folder, documents, { shardSize: SEARCH_SHARD_SIZE, cacheDir: path.resolve(CACHE_DIR), logger: log });
  return records.length;
}

/** The dev server's index: made on demand, made again after a content change, never two at once. */
class DevSearchIndex {
  private origin: string | undefined;
  private generation = 0;
  /** The folders of the index being served and of the one before (a page may still be loading its files). */
  private folders: string[] = [];
  private making: Promise<void> | undefined;
  private stale = true;
  /** When the data store the served index was made from was written. */
  private indexedStore = 0;

  constructor(
    private readonly logger: AstroIntegrationLogger,
    /** Astro's dev data store: written once an edit to the content has been taken in. */
    private readonly dataStore: string,
  ) {}

  private storeWritten(): Promise<number> {
    return stat(this.dataStore).then(
      (info) => info.mtimeMs,
      () => 0,
    );
  }

  listening(address: AddressInfo): void {
    this.origin = originOf(address);
  }

  contentChanged(): void {
    this.stale = true;
  }

  /** Waits for an index that shows the current content when `fresh`, or for any index. */
  async ready(fresh: boolean): Promise<void> {
    const outdated = fresh && (this.stale || (await this.storeWritten()) > this.indexedStore);
    if (outdated || this.folders.length === 0) this.making ??= this.make().finally(() => (this.making = undefined));
    await this.making;
  }

  private async make(): Promise<void> {
    if (!this.origin) throw new Error('dev server address unknown');
    // Taken before the pages are fetched: an edit taken in meanwhile makes the next search index again.
    this.stale = false;
    this.indexedStore = await this.storeWritten();
    const folder = path.join(DEV_SEARCH_DIR, String(++this.generation));
    const started = performance.now();
    this.logger.info('正在为开发服务器建立搜索索引（building the search index for the dev server）…');
    try {
      const count = await makeIndex(this.origin, folder, this.logger);
      this.folders = [folder, ...this.folders];
      for (const old of this.folders.splice(2)) await rm(old, { recursive: true, force: true });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      this.logger.info(
        `开发服务器搜索索引已就绪：${count} 篇文档，用时 ${seconds} 秒；内容改动后下次搜索时重建（dev search index ready: ${count} documents in ${seconds} s; made again on the next search after a content change）`,
      );
    } catch (error) {
      this.stale = true;
      await rm(folder, { recursive: true, force: true });
      this.logger.error(`开发服务器搜索索引建立失败（dev search index failed）：${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  }

  /** The file at `relative` under the bundle folder, from the newest index that has it. */
  async file(relative: string): Promise<Buffer | undefined> {
    for (const folder of this.folders) {
      const file = path.join(folder, SEARCH_BUNDLE_DIR, relative);
      if (!file.startsWith(path.join(folder, SEARCH_BUNDLE_DIR) + path.sep)) return undefined;
      const content = await readFile(file).catch(() => undefined);
      if (content) return content;
    }
    return undefined;
  }
}

export function devSearch(): AstroIntegration {
  let index: DevSearchIndex | undefined;
  let root: URL | undefined;
  return {
    name: 'gazette-dev-search',
    hooks: {
      'astro:config:setup': ({ config }) => {
        root = config.root;
      },
      'astro:server:setup': async ({ server, logger }) => {
        // `astro:config:setup` has run: it always comes first.
        const devIndex = (index = new DevSearchIndex(logger, fileURLToPath(devDataStoreFile(root!))));
        // Indexes of an earlier dev server are out of date.
        await rm(DEV_SEARCH_DIR, { recursive: true, force: true });
        const bundle = href(`${SEARCH_BUNDLE_DIR}/`);
        const contentDir = path.resolve(CONTENT_DIR);
        server.watcher.on('all', (_event, file) => {
          if (!path.relative(contentDir, file).startsWith('..')) devIndex.contentChanged();
        });
        server.middlewares.use((request: IncomingMessage & { originalUrl?: string }, response: ServerResponse, next: () => void) => {
          // Astro's own middleware runs first and takes the base off `url`; connect keeps the URL as requested.
          const pathname = decodeURIComponent(new URL(request.originalUrl ?? request.url ?? '/', 'http://dev').pathname);
          if (!pathname.startsWith(bundle)) return next();
          const relative = pathname.slice(bundle.length);
          // The manifest is the first file a search page asks for: the index it gets is made from the current content.
          devIndex
            .ready(relative === SEARCH_MANIFEST_FILE)
            .then(() => devIndex.file(relative))
            .then(
              (content) => {
                if (!content) {
                  response.statusCode = 404;
                  response.end();
                  return;
                }
                response.setHeader('Content-Type', CONTENT_TYPES[path.extname(relative)] ?? 'application/octet-stream');
                response.setHeader('Cache-Control', 'no-store');
                response.end(content);
              },
              () => {
                response.statusCode = 503;
                response.end();
              },
            );
        });
      },
      'astro:server:start': ({ address }) => {
        index?.listening(address);
      },
    },
  };
}
