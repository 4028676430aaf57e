/**
 * What `npm run build` prints: one line per step. Astro's route lines each on
 * a line of their own, no render time standing alone, and a leak-scan line
 * that gives the real number of files checked, also when this build leaves no
 * document out (the first build of a site with nothing to hide once said
 * `0 files scanned`).
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listFiles, makeContent, type BuildResult } from '../helpers/build-site.ts';
import { buildIsolated } from '../helpers/isolated-build.ts';
import { FIXTURE_SITES } from '../helpers/paths.ts';

describe('the console of a first `npm run build`', () => {
  let build: BuildResult;
  let lines: string[];

  beforeAll(async () => {
    // The basic fixture without its draft and restricted documents: nothing for the leak scan to look for.
    const contentDir = await makeContent({}, path.join(FIXTURE_SITES, 'basic'));
    await rm(path.join(contentDir, 'bulletins/2021-3-draft.md'));
    await rm(path.join(contentDir, 'reports/restricted-report.md'));
    build = await buildIsolated({ contentDir, base: '/kb/', pipeline: true }, 'console-');
    lines = build.output.split('\n');
  });

  it('builds', () => {
    expect(build.ok, build.output).toBe(true);
  });

  it('prints each route on a line of its own, without stray render times', () => {
    const routes = lines.filter((line) => line.includes('├─') || line.includes('└─'));
    expect(routes.length).toBeGreaterThan(10);
    for (const line of routes) {
      expect(line).toMatch(/^\d{2}:\d{2}:\d{2} +[├└]─ \/\S*$/);
    }
    expect(lines.filter((line) => /^\s*\(\+[\d.]+m?s\)\s*$/.test(line))).toEqual([]);
    expect(lines.filter((line) => (line.match(/\d{2}:\d{2}:\d{2} /g) ?? []).length > 1)).toEqual([]);
  });

  it('says how many files the leak scan checked: every file it publishes but the gzip copies', async () => {
    const leakLines = lines.filter((line) => line.includes('泄露检查'));
    expect(leakLines).toHaveLength(1);
    const count = /泄露检查：已扫描 (\d+) 个文件/.exec(leakLines[0]!)?.[1];
    const published = (await listFiles(build.outDir)).filter((file) => !file.endsWith('.gz'));
    expect(Number(count)).toBe(published.length);
    expect(published.length).toBeGreaterThan(20);
    expect(leakLines[0]).toContain(`leak scan passed: ${published.length} files, no document excluded from this build`);
  });
});
