/**
 * Reading YAML the way an editor wrote it: with line numbers for every value,
 * and dates left as the text they are.
 *
 * Astro parses front matter with js-yaml, which silently turns the impossible
 * date `2020-02-30` into 1 March. The `yaml` package with its YAML 1.2 core
 * schema keeps `2020-02-30` a string, so the schema's date check sees what was
 * really written.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

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

/**
 * Parses `text`, which starts on line `firstLine` of its file (front matter
 * starts on line 2, after the opening `---`).
 */
export function parseYamlSource(text: string, firstLine = 1): ParsedYaml {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toFileLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const errors = document.errors.map((error) => ({
    line: toFileLine(error.pos[0]),
    message: error.message.split('\n')[0]!,
  }));

  const lineOf = (path: readonly PropertyKey[]): number => {
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
      if (!isMap(next) && !isSeq(next)) line = toFileLine((next as Node).range![0]);
      else if (isSeq(node)) line = toFileLine((next as Node).range![0]);
      node = next;
    }
    return line;
  };

  return { data: errors.length > 0 ? undefined : document.toJS(), errors, lineOf };
}
