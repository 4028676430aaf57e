/**
 * How the editor scripts (`npm run import`, `npm run new`, `npm run check`)
 * end: an editor's mistake prints its message and exits 2; anything
 * unexpected prints one line (the stack trace only with --verbose) and exits 1.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export const EXIT_BAD_INPUT = 2;

/** Bad arguments; the message says how to call the script. */
export class UsageError extends Error {
  override name = 'UsageError';
}

type ErrorClass = abstract new (...args: never[]) => Error;

export async function runScript(main: () => Promise<number>, editorErrors: readonly ErrorClass[] = []): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (error) {
    if ([UsageError, ...editorErrors].some((kind) => error instanceof kind)) {
      console.error((error as Error).message);
      process.exitCode = EXIT_BAD_INPUT;
      return;
    }
    const verbose = process.argv.includes('--verbose');
    console.error(verbose ? error : `${String(error)}\n（加 --verbose 查看详情；add --verbose for details）`);
    process.exitCode = 1;
  }
}

/** `parseArgs`, with bad arguments turned into a UsageError that shows `usage`. */
export function parseScriptArgs<T extends ParseArgsConfig['options']>(options: T, usage: string) {
  try {
    return parseArgs({ allowPositionals: true, options: { ...options, verbose: { type: 'boolean' } } });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  }
}
