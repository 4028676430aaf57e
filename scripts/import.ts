/**
 * `npm run import -- <file.txt|file.docx> --kind <kind> [--out content/<kind>/<name>.md] [--force]`
 *
 * Exit codes: 0 imported; 2 refused (unreadable or empty file, unknown kind,
 * a name that gives no URL without --out, an output outside the kind's folder
 * through a symbolic link, the document or its review file exists without
 * --force, bad arguments); 1 anything unexpected.
 */
import { parseScriptArgs, runScript, UsageError } from '../src/lib/cli.ts';
import { importDocument } from '../src/lib/importer/import-document.ts';
import { importMessages } from '../src/lib/importer/messages.ts';
import { ImportRefusal } from '../src/lib/importer/refusal.ts';
import { CONTENT_DIR } from '../src/site-settings.ts';

await runScript(async () => {
  const { values, positionals } = parseScriptArgs(
    { kind: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } },
    importMessages.usage,
  );
  const [input] = positionals;
  const { kind, out, force } = values;
  if (!input || !kind) throw new UsageError(`${input ? '' : `${importMessages.missingFile}\n`}${importMessages.usage}`);
  const result = await importDocument({
    input,
    kind,
    out,
    force,
    contentDir: CONTENT_DIR,
  });
  console.log(importMessages.written(result.output, result.encoding));
  if (result.review) console.log(importMessages.reviewWritten(result.review, result.figures.length));
  console.log(importMessages.todo(result.todo));
  return 0;
}, [ImportRefusal]);
