/** One thing wrong (or worth a look) in one content file, in words an editor can act on. */
export interface ContentProblem {
  /** Errors stop the build; warnings are shown and the build goes on. */
  severity: 'error' | 'warning';
  /** The file, relative to the repository. */
  file: string;
  /** 1-based line, where one is known. */
  line?: number | undefined;
  /** The front-matter field (`date`, `instructions[0].date`) or the part of the file (`正文`, `链接`). */
  field?: string | undefined;
  /** What the file says, as written. */
  found?: string | undefined;
  /** What was expected, or what is wrong, in plain words (Chinese, with English in brackets). */
  expected: string;
}

/** `instructions.0.date` → `instructions[0].date`. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)),
    '',
  );
}

/** A value as the editor wrote it, short enough for one line. */
export function showValue(value: unknown): string {
  if (value === undefined) return '（空）';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

export function byFileAndLine(a: ContentProblem, b: ContentProblem): number {
  return a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0);
}
