/**
 * The store module that `contentDataFromDisk` loads in a build gives the same
 * value as Astro's own (`export default JSON.parse("…")`). That every page of a
 * build still gets its data is what all the build tests show.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ASTRO_CHECKED_VERSION,
  contentDataFromDisk,
  DATA_STORE_MODULE_ID,
  dataStoreFile,
  devDataStoreFile,
} from '../../src/integrations/content-data-from-disk.ts';
import { REPO_ROOT } from '../helpers/paths.ts';
import { tempDir } from '../helpers/temp-dir.ts';

type Transform = (code: string, id: string) => { code: string } | null;
type Load = (id: string) => string | null;

/** What the integration's Vite plugin makes of Astro's module `id`, for `command`; undefined when it adds no plugin. */
function storeLoader(command: 'build' | 'dev', cacheDir: string): Load | undefined {
  let load: Load | undefined;
  const setup = contentDataFromDisk().hooks['astro:config:setup'] as unknown as (options: object) => void;
  setup({
    command,
    config: { cacheDir: pathToFileURL(`${cacheDir}/`) },
    updateConfig: (config: { vite: { plugins: { transform: Transform }[] } }) => {
      const { transform } = config.vite.plugins[0]!;
      load = (id) => transform('export default JSON.parse("…")', id)?.code ?? null;
    },
  });
  return load;
}

describe('content data store read from disk in a build', () => {
  it('gives the same value as Astro’s module, from the store file in the cache folder', async () => {
    const cacheDir = await tempDir('gazette-store-');
    // Astro's store is devalue's JSON form; any JSON text stands for it here.
    const store = JSON.stringify([{ reports: 1 }, ['网格化管理', '含“引号”与\\反斜杠\n换行', 2026]]);
    await writeFile(path.join(cacheDir, 'data-store.json'), store);
    const code = storeLoader('build', cacheDir)!('\0astro:data-layer-content');
    expect(code).toEqual(expect.any(String));
    const moduleFile = path.join(cacheDir, 'store-module.mjs');
    await writeFile(moduleFile, code!);
    const astroModuleFile = path.join(cacheDir, 'astro-module.mjs');
    await writeFile(astroModuleFile, `export default JSON.parse(${JSON.stringify(store)})`);
    const [ours, astros] = await Promise.all([import(pathToFileURL(moduleFile).href), import(pathToFileURL(astroModuleFile).href)]);
    expect(ours.default).toEqual(astros.default);
  });

  it('leaves other modules, a build without a store file, and `astro dev` to Astro', async () => {
    const cacheDir = await tempDir('gazette-store-');
    const load = storeLoader('build', cacheDir)!;
    expect(load('\0astro:data-layer-content')).toBeNull();
    await writeFile(path.join(cacheDir, 'data-store.json'), '[]');
    expect(load('\0astro:content')).toBeNull();
    expect(load('\0astro:data-layer-content')).not.toBeNull();
    expect(storeLoader('dev', cacheDir)).toBeUndefined();
  });
});

/**
 * The seam's contract with the installed Astro (src/integrations/content-data-from-disk.ts):
 * each assumption the integration makes about Astro's private store module, read from
 * Astro itself, so that an upgrade that changes one fails here by name.
 */
describe('the content store seam holds for the installed Astro', () => {
  const astroFile = (file: string) => path.join(REPO_ROOT, 'node_modules/astro', file);
  const astroModule = (file: string) => import(pathToFileURL(astroFile(file)).href);

  it(`is the major version the seam was checked against (${ASTRO_CHECKED_VERSION})`, async () => {
    const { version } = JSON.parse(await readFile(astroFile('package.json'), 'utf8')) as { version: string };
    expect(version.split('.')[0], 'a new major version of Astro: check the seam’s assumptions, then ASTRO_CHECKED_VERSION').toBe(
      ASTRO_CHECKED_VERSION.split('.')[0],
    );
  });

  it('1. names the store module as the integration expects', async () => {
    const { RESOLVED_DATA_STORE_VIRTUAL_ID } = await astroModule('dist/content/consts.js');
    expect(RESOLVED_DATA_STORE_VIRTUAL_ID).toBe(DATA_STORE_MODULE_ID);
  });

  it('2. keeps the store of a build in data-store.json in the cache folder, and under astro dev in .astro/', async () => {
    const { getDataStoreFile } = await astroModule('dist/content/paths.js');
    const cacheDir = pathToFileURL('/site/.cache/');
    const root = pathToFileURL('/site/');
    const settings = { config: { cacheDir }, dotAstroDir: new URL('.astro/', root) };
    expect(getDataStoreFile(settings, false).href).toBe(dataStoreFile(cacheDir).href);
    expect(getDataStoreFile(settings, true).href).toBe(devDataStoreFile(root).href);
    const settingsSource = await readFile(astroFile('dist/core/config/settings.js'), 'utf8');
    expect(settingsSource).toContain('const dotAstroDir = new URL(".astro/", config.root);');
  });

  it('3. makes the store module JSON.parse of the file’s whole text, as the replacement does', async () => {
    const source = await readFile(astroFile('dist/content/vite-plugin-content-virtual-mod.js'), 'utf8');
    expect(source).toContain('const jsonData = await fs.promises.readFile(dataStoreFile, "utf-8");');
    expect(source).toContain('code: `export default JSON.parse(${JSON.stringify(jsonData)})`');
  });
});
