/**
 * The field names a content schema knows, at any depth, read from the zod
 * schemas themselves: when a field is added to a schema, the check knows it
 * at once, and a misspelt key is compared with the real list.
 *
 * Zod 4 describes every schema by a plain `def` (`{ type: 'object', shape }`,
 * `{ type: 'optional', innerType }`…); only the structural types matter here.
 */
import type { z } from 'astro/zod';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: readonly z.ZodType[];
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** Wrappers that check the same value as the schema inside them. */
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'nonoptional', 'readonly', 'catch', 'lazy']);

/** The structural schemas (object, array, record) `schema` checks a value with, through wrappers, pipes and unions. */
function structural(schema: z.ZodType): z.ZodType[] {
  const def = defOf(schema);
  if (WRAPPERS.has(def.type) && def.innerType) return structural(def.innerType);
  // z.preprocess(fn, schema) is a pipe from a transform into the schema that checks.
  if (def.type === 'pipe') return [def.in, def.out].flatMap((part) => (part ? structural(part) : []));
  if (def.type === 'union') return (def.options ?? []).flatMap(structural);
  return ['object', 'array', 'record'].includes(def.type) ? [schema] : [];
}

/** The schemas a value's `key` is checked with. */
function childSchemas(schema: z.ZodType, key: PropertyKey): z.ZodType[] {
  return structural(schema).flatMap((part) => {
    const def = defOf(part);
    if (def.type === 'object') {
      const field = def.shape?.[String(key)];
      return field ? [field] : [];
    }
    if (def.type === 'array') return typeof key === 'number' && def.element ? [def.element] : [];
    return def.valueType ? [def.valueType] : [];
  });
}

/** The field names of the object at `path` in a value of `schema`, sorted as the schema lists them. */
export function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let schemas = [schema];
  for (const key of path) schemas = schemas.flatMap((part) => childSchemas(part, key));
  const keys = schemas.flatMap(structural).flatMap((part) => Object.keys(defOf(part).shape ?? {}));
  return [...new Set(keys)];
}

export interface ObjectSchema {
  /** Where the object is: `instructions[]`, `indicators.*.rate`; empty at the top. */
  path: string;
  /** True when unknown keys fail the schema (z.strictObject). */
  strict: boolean;
}

/** Every object schema inside `schema`, for the test that keeps them all strict. */
export function objectSchemas(schema: z.ZodType, path = ''): ObjectSchema[] {
  return structural(schema).flatMap((part): ObjectSchema[] => {
    const def = defOf(part);
    if (def.type === 'array') return def.element ? objectSchemas(def.element, `${path}[]`) : [];
    if (def.type === 'record') return def.valueType ? objectSchemas(def.valueType, `${path}.*`) : [];
    const strict = def.catchall !== undefined && defOf(def.catchall).type === 'never';
    const fields = Object.entries(def.shape ?? {}).flatMap(([name, field]) => objectSchemas(field, path ? `${path}.${name}` : name));
    return [{ path, strict }, ...fields];
  });
}
