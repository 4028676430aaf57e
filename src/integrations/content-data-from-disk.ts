/**
 * In `astro build`, pages read the content data store from its file instead
 * of from a JavaScript module holding it.
 *
 * Astro hands the store (`data-store.json` in the cache folder, every
 * document's data and rendered HTML) to the pages as a module whose source
 * is one string literal: `export default JSON.parse("…")`. V8's time to
 * compile such a module grows faster than its size: 27 s for the 69 MB of
 * 10,000 documents, while reading and parsing the same file takes under 2 s,
 * and the module's source is not kept in memory for the rest of the build
 * (bench/README.md). The module this loads instead gives the same value.
 *
 * Only the build: `astro dev` reloads the store module when content changes.
 *
 * THE SEAM. This is the one module of Gazette that relies on how Astro keeps
 * its content store, which is private to Astro: the dev search index asks it
 * where the store is (src/integrations/dev-search.ts), and nothing else of
 * Astro's internals is copied anywhere (the entry ids are ours:
 * src/lib/entry-id.ts). What it assumes, checked against the Astro below:
 *   1. the store module's resolved id is `\0astro:data-layer-content`
 *      (astro/dist/content/consts.js, RESOLVED_DATA_STORE_VIRTUAL_ID);
 *   2. in a build, the store file is `data-store.json` in the cache folder,
 *      under `astro dev` in `.astro/` (astro/dist/content/paths.js, getDataStoreFile;
 *      astro/dist/core/config/settings.js names `.astro/`);
 *   3. with the default single-file storage, Astro's module is
 *      `export default JSON.parse(<the file's text>)`, so parsing the file
 *      gives the same value (astro/dist/content/vite-plugin-content-virtual-mod.js).
 * `tests/unit/content-data-from-disk.test.ts` reads the installed Astro and
 * fails, naming the assumption, when an upgrade changes one of them, or when
 * its major version is no longer ASTRO_CHECKED_VERSION's.
 *
 * Astro 7.1's experimental `collectionStorage: 'chunked'` splits the store
 * into modules of at most 20 MiB, which may make this unnecessary; it is not
 * yet measured (`npm run bench`). Under it the store file is a manifest, so
 * this steps aside.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The Astro version the assumptions above were last checked against. */
export const ASTRO_CHECKED_VERSION = '7.3.5';

/** Astro's resolved id of the store module (`astro:data-layer-content`): assumption 1. */
export const DATA_STORE_MODULE_ID = '\0astro:data-layer-content';

/** The store's file in the cache folder, as Astro names it in a build: assumption 2. */
export function dataStoreFile(cacheDir: URL): URL {
  return new URL('data-store.json', cacheDir);
}

/** The store's file under `astro dev`, which the dev search index watches (src/integrations/dev-search.ts): assumption 2. */
export function devDataStoreFile(root: URL): URL {
  return new URL('.astro/data-store.json', root);
}

/** The module that replaces Astro's: the same value (assumption 3), parsed from the file at run time. */
export function storeModuleCode(storeFile: string): string {
  return `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(storeFile)}, 'utf8'));\n`;
}

export function contentDataFromDisk(): AstroIntegration {
  return {
    name: 'gazette-content-data-from-disk',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        // Chunked storage: the file is a manifest of chunk modules, which Astro's own module imports.
        const storage = config.experimental?.collectionStorage;
        if (storage !== undefined && storage !== 'single-file') return;
        const storeFile = fileURLToPath(dataStoreFile(config.cacheDir));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'gazette-content-data-from-disk',
                enforce: 'pre',
                // Astro's own plugin loads the module first (reading the file once more, about a second at
                // 10,000 documents); a transform still sees the module and can replace its code.
                transform(_code, id) {
                  // Without a store file Astro's module (an empty store) is right.
                  if (id !== DATA_STORE_MODULE_ID || !existsSync(storeFile)) return null;
                  return { code: storeModuleCode(storeFile), map: null };
                },
              },
            ],
          },
        });
      },
    },
  };
}
