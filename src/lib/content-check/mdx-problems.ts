/**
 * MDX files are programs: an unclosed tag or a component nobody imported
 * fails the build deep inside the compiler. The same compiler (Sätteri) runs
 * here first, so the editor gets the file, the line and the tag instead.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { mdxToJs } from 'satteri';
import type { LoadedEntry } from '../content-files/load.ts';
import { checkMessages } from './messages.ts';
import type { ContentProblem } from './problem.ts';

/** `3:1: Expected a closing tag for <Foo> (3:1) (mdx-jsx:…)`: line and column lead the message. */
const COMPILER_POSITION = /^(\d+):(\d+):\s*/;
/** The compiled module throws this for a component that is neither imported nor provided. */
const MISSING_REFERENCE = /_missingMdxReference\("([^"]+)", true\)/g;

/**
 * Components the site hands to every MDX document: every `.astro` file in
 * `src/user-components/`, under its file name (`Indicator.astro` →
 * `<Indicator>`), as src/user-components/index.ts collects them.
 */
export function providedComponents(userComponentsDir: string): string[] {
  try {
    return readdirSync(userComponentsDir)
      .map((name) => path.parse(name))
      .filter((file) => file.ext === '.astro')
      .map((file) => file.name)
      .sort();
  } catch {
    return [];
  }
}

function lineOfTag(source: string, name: string): number | undefined {
  const tag = new RegExp(`<${name.replace(/\./g, '\\.')}(?=[\\s/>])`);
  const index = source.split('\n').findIndex((line) => tag.test(line));
  return index === -1 ? undefined : index + 1;
}

export function mdxProblems(entry: LoadedEntry, provided: readonly string[]): ContentProblem[] {
  const file = entry.file.displayPath;
  let code: string;
  try {
    code = mdxToJs(entry.source, { jsxImportSource: 'astro' }).code;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = COMPILER_POSITION.exec(message);
    return [
      {
        severity: 'error',
        file,
        line: position ? Number(position[1]) : undefined,
        field: 'MDX',
        found: message.replace(COMPILER_POSITION, '').replace(/\s*\(mdx[^)]*\)\s*$/, ''),
        expected: checkMessages.mdxSyntax,
      },
    ];
  }
  const missing = new Set([...code.matchAll(MISSING_REFERENCE)].map((match) => match[1]!));
  return [...missing]
    .filter((name) => !provided.includes(name.split('.')[0]!))
    .map((name) => ({
      severity: 'error' as const,
      file,
      line: lineOfTag(entry.source, name),
      field: 'MDX',
      found: `<${name}>`,
      expected: checkMessages.unknownComponent(provided),
    }));
}
