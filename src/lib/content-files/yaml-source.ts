/**
 * Reading YAML the way an editor wrote it: dates left as the text they are,
 * and line numbers for every value when a message needs one.
 *
 * Astro parses front matter with js-yaml's default schema, which silently
 * turns the impossible date `2020-02-30` into 1 March. Parsing with js-yaml's
 * core schema (no timestamps) keeps `2020-02-30` a string, so the schema's
 * date check sees what was really written; otherwise values come out as
 * Astro reads them. js-yaml is also quick, which matters on every build: the
 * slower `yaml` package, which knows where each value is, is only asked when
 * a file has something to report. Measured on the front matter and data
 * files of the bench's 2,000-document corpus (same values from both):
 * js-yaml 93 ms, `yaml` 1,767 ms, so `yaml` alone would add some 8 s to
 * every check and build at 10,000 documents; it stays for locations and
 * for writing YAML (importer, scaffold), js-yaml for reading.
 */
import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

export interface YamlSyntaxError {
  /** 1-based line in the whole file. */
  line: number;
  message: string;
}

export interface ParsedYaml {
  /** The plain value, or undefined when there were syntax errors. */
  data: unknown;
  errors: YamlSyntaxError[];
  /** The file line (1-based) of the value at `path`, or of its nearest parent that exists. */
  lineOf(path: readonly PropertyKey[]): number;
}

interface Located {
  document: Document;
  toFileLine(offset: number): number;
}

function locate(text: string, firstLine: number): Located {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  return { document, toFileLine: (offset) => lineCounter.linePos(offset).line + firstLine - 1 };
}

function lineIn({ document, toFileLine }: Located, path: readonly PropertyKey[], firstLine: number): number {
  let node: unknown = document.contents;
  let line = node && (node as Node).range ? toFileLine((node as Node).range![0]) : firstLine;
  for (const key of path) {
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key));
      if (pair && isScalar(pair.key) && pair.key.range) line = toFileLine(pair.key.range[0]);
      next = pair?.value;
    } else if (isSeq(node) && typeof key === 'number') {
      next = node.items[key];
    }
    if (!next || !(next as Node).range) break;
    if ((!isMap(next) && !isSeq(next)) || isSeq(node)) line = toFileLine((next as Node).range![0]);
    node = next;
  }
  return line;
}

/**
 * Parses `text`, which starts on line `firstLine` of its file (front matter
 * starts on line 2, after the opening `---`).
 */
export function parseYamlSource(text: string, firstLine = 1): ParsedYaml {
  let located: Located | undefined;
  const detail = () => (located ??= locate(text, firstLine));
  const lineOf = (path: readonly PropertyKey[]) => lineIn(detail(), path, firstLine);
  try {
    return { data: load(text, { schema: CORE_SCHEMA }), errors: [], lineOf };
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const { document, toFileLine } = detail();
    const errors = document.errors.map((found) => ({ line: toFileLine(found.pos[0]), message: found.message.split('\n')[0]! }));
    // Should the two parsers disagree, js-yaml's verdict (Astro's parser) stands.
    if (errors.length === 0) errors.push({ line: error.mark.line + firstLine, message: error.reason });
    return { data: undefined, errors, lineOf };
  }
}
