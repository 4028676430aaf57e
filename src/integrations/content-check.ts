/**
 * Runs `npm run check`'s content check before `astro build` and `astro dev`
 * do anything else, so an editor's first message is a list of every problem
 * with file, line, field, value and what was expected, not Astro's stack
 * trace for the first bad file. A build with errors stops here; `astro dev`
 * reports them and checks again whenever a content file changes.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { checkContent, type CheckResult } from '../lib/content-check/check-content.ts';
import { checkLabels, checkMessages } from '../lib/content-check/messages.ts';
import { formatProblem } from '../lib/content-check/report.ts';
import { forgetSiteLinks, primeSiteLinks } from '../lib/content-links/site-links.ts';
import { CONTENT_DIR, MAX_DOCUMENT_BYTES, SITE_AUDIENCE, SITE_BASE } from '../site-settings.ts';
import { dataStoreFile } from './content-data-from-disk.ts';

const verbose = process.argv.includes('--verbose');
/** In the cache folder: the digest of how the links between documents resolved in the last build. */
const LINK_DIGEST_FILE = 'gazette-link-resolutions.txt';
/** In the cache folder: Astro's record of the pages its incremental build can copy. */
const INCREMENTAL_BUILD_MANIFEST = 'incremental-build.json';

/** Checks and logs; the result when there are no errors. */
function runCheck(logger: AstroIntegrationLogger): CheckResult | undefined {
  try {
    const result = checkContent({
      contentDir: CONTENT_DIR,
      audience: SITE_AUDIENCE,
      base: SITE_BASE,
      maxDocumentBytes: MAX_DOCUMENT_BYTES,
    });
    primeSiteLinks(CONTENT_DIR, SITE_AUDIENCE, SITE_BASE, result.index);
    for (const problem of result.problems) {
      if (problem.severity === 'error') logger.error(formatProblem(problem));
      else logger.warn(formatProblem(problem));
    }
    logger.info(
      result.problems.length > 0 ? checkLabels.errorCount(result.errorCount, result.warningCount) : checkLabels.allGood(result.fileCount),
    );
    return result.errorCount === 0 ? result : undefined;
  } catch (error) {
    logger.error(`${checkMessages.crashed}\n${verbose && error instanceof Error ? error.stack : String(error)}`);
    return undefined;
  }
}

/**
 * Astro keeps a Markdown document's rendered HTML in its content store, and
 * the page made from it in the incremental build's cache, until the
 * document's own file changes. But a link to another document is rendered as
 * that document's URL, or as plain text when this build leaves it out
 * (src/markdown/internal-links.ts), which changes with the other file. So
 * when any link resolves differently than in the build before, both caches
 * are dropped and every document is rendered again.
 */
function dropRenderedDocumentsIfLinksChanged(linkResolutions: readonly string[], cacheDir: URL, logger: AstroIntegrationLogger): void {
  const digest = createHash('sha256').update(linkResolutions.join('\n')).digest('hex');
  const digestFile = new URL(LINK_DIGEST_FILE, cacheDir);
  const previous = existsSync(digestFile) ? readFileSync(digestFile, 'utf8') : undefined;
  if (previous === digest) return;
  const store = dataStoreFile(cacheDir);
  if (existsSync(store)) {
    logger.info(checkLabels.linksChanged);
    rmSync(store);
    rmSync(new URL(INCREMENTAL_BUILD_MANIFEST, cacheDir), { force: true });
  }
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(digestFile, digest);
}

export function contentCheck(): AstroIntegration {
  return {
    name: 'gazette-content-check',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        const result = runCheck(logger);
        if (result && command === 'build') dropRenderedDocumentsIfLinksChanged(result.linkResolutions, config.cacheDir, logger);
        if (result || command === 'dev') return;
        logger.error(checkLabels.buildStopped);
        // Exiting here, rather than throwing, keeps Astro from printing a stack trace after the list.
        process.exit(1);
      },
      'astro:server:setup': ({ server, logger }) => {
        const contentDir = path.resolve(CONTENT_DIR);
        // The content folder may lie outside the project (tests, other checkouts), where Vite does not watch by itself.
        server.watcher.add(contentDir);
        server.watcher.on('all', (_event, file) => {
          if (path.relative(contentDir, file).startsWith('..')) return;
          forgetSiteLinks();
          runCheck(logger);
        });
        logger.info(checkLabels.watching(path.relative(process.cwd(), contentDir) || '.'));
      },
    },
  };
}
