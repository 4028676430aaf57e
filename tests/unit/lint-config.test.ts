/**
 * What `npm run lint` looks at (eslint.config.js): the sources, never what a
 * build or the benchmark generates, wherever it lands.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.ts';

describe('the lint configuration', () => {
  const eslint = new ESLint({ cwd: REPO_ROOT });
  const ignored = (file: string) => eslint.isPathIgnored(path.join(REPO_ROOT, file));

  it('leaves out the .astro folders Astro writes beside every site it builds, the bench baseline’s too', async () => {
    expect(await ignored('.astro/content.d.ts')).toBe(true);
    expect(await ignored('bench/baseline/.astro/content.d.ts')).toBe(true);
  });

  it('lints the sources, the tests and the bench', async () => {
    for (const file of ['src/search/text.ts', 'src/pages/search/index.astro', 'tests/unit/lint-config.test.ts', 'bench/run.ts']) {
      expect(await ignored(file), file).toBe(false);
    }
  });
});
