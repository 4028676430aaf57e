/**
 * `npm run import -- <file.txt|file.docx> --kind <kind> [--out content/<kind>/<name>.md] [--force]`
 *
 * Exit codes: 0 imported; 2 refused (unreadable or empty file, unknown kind,
 * output exists without --force, bad arguments); 1 anything unexpected.
 */
import { parseArgs } from 'node:util';
import { importDocument } from '../src/lib/importer/import-document.ts';
import { importMessages } from '../src/lib/importer/messages.ts';
import { ImportRefusal } from '../src/lib/importer/refusal.ts';
import { CONTENT_DIR } from '../src/site-settings.ts';

const REFUSED = 2;

async function main(): Promise<number> {
  let values: { kind?: string | undefined; out?: string | undefined; force?: boolean | undefined; verbose?: boolean | undefined };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      allowPositionals: true,
      options: {
        kind: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean' },
        verbose: { type: 'boolean' },
      },
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${importMessages.usage}`);
    return REFUSED;
  }
  const [input] = positionals;
  if (!input || !values.kind) {
    console.error(`${input ? '' : `${importMessages.missingFile}\n`}${importMessages.usage}`);
    return REFUSED;
  }
  try {
    const result = await importDocument({ input, kind: values.kind, out: values.out, force: values.force, contentDir: CONTENT_DIR });
    console.log(importMessages.written(result.output, result.encoding));
    if (result.review) console.log(importMessages.reviewWritten(result.review, result.figures.length));
    console.log(importMessages.todo(result.todo));
    return 0;
  } catch (error) {
    if (error instanceof ImportRefusal) {
      console.error(error.message);
      return REFUSED;
    }
    console.error(values.verbose ? error : String(error));
    return 1;
  }
}

process.exitCode = await main();
