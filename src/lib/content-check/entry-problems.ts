/**
 * Problems inside one file: its encoding, its YAML syntax, the schema's
 * verdict, unfilled TODO placeholders and field names the schema does not know.
 */
import type { z } from 'astro/zod';
import { closestMatch } from 'leven';
import type { LoadedEntry } from '../content-files/load.ts';
import { checkLabels, checkMessages } from './messages.ts';
import { fieldName, showValue, type ContentProblem } from './problem.ts';
import { knownKeysAt } from './schema-keys.ts';

/** Marks a value the importer could not fill; see src/lib/importer. */
export const PLACEHOLDER_PREFIX = 'TODO';

/**
 * The known key an unknown one was probably meant to be: the same key in
 * another case (`Draft` → `draft`), or one within a typo or two (`acess` → `access`).
 */
export function nearestKey(key: string, known: readonly string[]): string | undefined {
  const byLowerCase = new Map(known.map((candidate) => [candidate.toLowerCase(), candidate]));
  // Up to one edit in a short name, two in a longer one: further off, a suggestion is a guess.
  const nearest = closestMatch(key.toLowerCase(), [...byLowerCase.keys()], { maxDistance: key.length <= 4 ? 1 : 2 });
  return nearest === undefined ? undefined : byLowerCase.get(nearest);
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function placeholderPaths(value: unknown, path: PropertyKey[] = []): PropertyKey[][] {
  if (typeof value === 'string') return value.trimStart().startsWith(PLACEHOLDER_PREFIX) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => placeholderPaths(item, [...path, index]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => placeholderPaths(item, [...path, key]));
  }
  return [];
}

function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  return (schema as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {};
}

/** Fields without which the schema fails: the ones an empty file must gain. */
export function requiredFields(schema: z.ZodType): string[] {
  return Object.entries(shapeOf(schema))
    .filter(([, field]) => !field.safeParse(undefined).success)
    .map(([name]) => name);
}

export function entryProblems(entry: LoadedEntry): ContentProblem[] {
  const file = entry.file.displayPath;
  const schema = entry.file.collection!.schema;
  if (entry.notUtf8Line !== undefined) {
    return [{ severity: 'error', file, line: entry.notUtf8Line, field: checkLabels.encoding, expected: checkMessages.notUtf8 }];
  }
  if (entry.source.replace(/^\uFEFF/, '').trim() === '') {
    return [{ severity: 'error', file, line: 1, expected: checkMessages.emptyFile(requiredFields(schema)) }];
  }
  if (entry.document && !entry.document.hasFrontMatter) {
    return [{ severity: 'error', file, line: 1, expected: checkMessages.noFrontMatter(requiredFields(schema)) }];
  }
  const yaml = entry.yaml!;
  if (yaml.errors.length > 0) {
    return yaml.errors.map((error) => ({
      severity: 'error',
      file,
      line: error.line,
      field: 'YAML',
      expected: checkMessages.yamlSyntax(error.message),
    }));
  }
  const data = yaml.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    return [{ severity: 'error', file, line: 1, field: 'YAML', found: showValue(data), expected: checkMessages.notAMapping }];
  }

  const problems: ContentProblem[] = [];
  const reported = new Set<string>();
  for (const issue of entry.validation?.error?.issues ?? []) {
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(schema, issue.path);
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        reported.add(fieldName(path));
        problems.push({
          severity: 'error',
          file,
          line: yaml.lineOf(path),
          field: fieldName(path),
          found: showValue(valueAt(data, path)),
          expected: checkMessages.unknownField(key, nearestKey(key, known), known),
        });
      }
      continue;
    }
    const value = valueAt(data, issue.path);
    const field = fieldName(issue.path);
    reported.add(field);
    problems.push({
      severity: 'error',
      file,
      line: yaml.lineOf(issue.path),
      field,
      found: showValue(value),
      expected: value === undefined ? `${checkMessages.missingField}：${issue.message}` : issue.message,
    });
  }
  for (const path of placeholderPaths(data)) {
    const field = fieldName(path);
    if (reported.has(field)) continue;
    problems.push({
      severity: 'error',
      file,
      line: yaml.lineOf(path),
      field,
      found: showValue(valueAt(data, path)),
      expected: checkMessages.placeholder,
    });
  }
  return problems;
}
