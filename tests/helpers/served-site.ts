/**
 * What every browser test of a built site starts with: the build checked,
 * served by nginx with the repository's config, and chromium launched.
 */
import { expect } from 'vitest';
import type { Browser } from 'playwright-core';
import type { BuildResult } from './build-site.ts';
import { launchChromium } from './browser.ts';
import { serveWithNginx, type NginxServer } from './nginx.ts';

export interface ServedSite {
  server: NginxServer;
  browser: Browser;
  /** Closes the browser and stops nginx. */
  close(): Promise<void>;
}

/** Serves a build that must have succeeded (its output is the failure message otherwise). */
export async function serveInChromium(build: BuildResult): Promise<ServedSite> {
  expect(build.ok, build.output).toBe(true);
  const server = await serveWithNginx(build.outDir);
  const browser = await launchChromium();
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.stop();
    },
  };
}
