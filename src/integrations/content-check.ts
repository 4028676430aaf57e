/**
 * Runs `npm run check`'s content check before `astro build` and `astro dev`
 * do anything else, so an editor's first message is a list of every problem
 * with file, line, field, value and what was expected, not Astro's stack
 * trace for the first bad file. A build with errors stops here; `astro dev`
 * reports them and checks again whenever a content file changes.
 */
import path from 'node:path';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { checkContent } from '../lib/content-check/check-content.ts';
import { checkLabels, checkMessages } from '../lib/content-check/messages.ts';
import { formatProblem } from '../lib/content-check/report.ts';
import { forgetSiteLinks, primeSiteLinks } from '../lib/content-links/site-links.ts';
import { CONTENT_DIR, SITE_AUDIENCE, SITE_BASE } from '../site-settings.ts';

const verbose = process.argv.includes('--verbose');

/** Checks and logs; true when there are no errors. */
function runCheck(logger: AstroIntegrationLogger): boolean {
  try {
    const result = checkContent({ contentDir: CONTENT_DIR, audience: SITE_AUDIENCE, base: SITE_BASE });
    primeSiteLinks(CONTENT_DIR, SITE_AUDIENCE, SITE_BASE, result.index);
    for (const problem of result.problems) {
      if (problem.severity === 'error') logger.error(formatProblem(problem));
      else logger.warn(formatProblem(problem));
    }
    logger.info(
      result.problems.length > 0 ? checkLabels.errorCount(result.errorCount, result.warningCount) : checkLabels.allGood(result.fileCount),
    );
    return result.errorCount === 0;
  } catch (error) {
    logger.error(`${checkMessages.crashed}\n${verbose && error instanceof Error ? error.stack : String(error)}`);
    return false;
  }
}

export function contentCheck(): AstroIntegration {
  return {
    name: 'gazette-content-check',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        if (runCheck(logger) || command === 'dev') return;
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
