/**
 * `npm run check:links [-- dist]`: after a build, checks every internal link
 * in the written HTML (see src/lib/link-check/built-links.ts). Run with the
 * same SITE_BASE as the build. Exit code 1 when a link is broken.
 */
import { checkBuiltLinks, formatBrokenLinks } from '../src/lib/link-check/built-links.ts';
import { SITE_BASE } from '../src/site-settings.ts';

const outDir = process.argv[2] ?? 'dist';
const broken = checkBuiltLinks(outDir, SITE_BASE);
console.log(formatBrokenLinks(broken));
process.exitCode = broken.length > 0 ? 1 : 0;
