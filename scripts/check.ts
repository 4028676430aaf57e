/**
 * `npm run check [-- --verbose]`: validates all content in seconds without
 * building pages, and lists every problem at once. Exit code 1 when there
 * are errors, 0 otherwise (warnings alone do not fail).
 */
import { runScript } from '../src/lib/cli.ts';
import { checkContent } from '../src/lib/content-check/check-content.ts';
import { formatReport } from '../src/lib/content-check/report.ts';
import { CONTENT_DIR, MAX_DOCUMENT_BYTES, SITE_AUDIENCE, SITE_BASE } from '../src/site-settings.ts';

await runScript(async () => {
  const result = checkContent({ contentDir: CONTENT_DIR, audience: SITE_AUDIENCE, base: SITE_BASE, maxDocumentBytes: MAX_DOCUMENT_BYTES });
  console.log(formatReport(result));
  return result.errorCount > 0 ? 1 : 0;
});
