/**
 * `npm run check [-- --verbose]`: validates all content in seconds without
 * building pages, and lists every problem at once. Exit code 1 when there
 * are errors, 0 otherwise (warnings alone do not fail).
 */
import { checkContent } from '../src/lib/content-check/check-content.ts';
import { checkMessages } from '../src/lib/content-check/messages.ts';
import { formatReport } from '../src/lib/content-check/report.ts';
import { CONTENT_DIR, SITE_AUDIENCE, SITE_BASE } from '../src/site-settings.ts';

const verbose = process.argv.includes('--verbose');

try {
  const result = checkContent({ contentDir: CONTENT_DIR, audience: SITE_AUDIENCE, base: SITE_BASE });
  console.log(formatReport(result));
  process.exitCode = result.errorCount > 0 ? 1 : 0;
} catch (error) {
  console.error(verbose ? error : `${checkMessages.crashed}\n${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
