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
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Astro's resolved id of the store module (`astro:data-layer-content`). */
const DATA_STORE_MODULE_ID = '\0astro:data-layer-content';

/** The store's file in the cache folder, as Astro names it in a build. */
export function dataStoreFile(cacheDir: URL): URL {
  return new URL('data-store.json', cacheDir);
}

export function contentDataFromDisk(): AstroIntegration {
  return {
    name: 'gazette-content-data-from-disk',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
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
                  return { code: `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(storeFile)}, 'utf8'));\n`, map: null };
                },
              },
            ],
          },
        });
      },
    },
  };
}
