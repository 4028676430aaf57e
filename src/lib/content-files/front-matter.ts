/** Splitting a Markdown/MDX file into its YAML front matter and its body. */

export interface SplitDocument {
  /** False when the file does not start with a `---` block. */
  hasFrontMatter: boolean;
  /** The YAML between the `---` lines. */
  yaml: string;
  /** File line (1-based) of the first YAML line. */
  yamlFirstLine: number;
  /** Everything after the closing `---`. */
  body: string;
  /** File line (1-based) where the body starts. */
  bodyFirstLine: number;
}

// A leading BOM and CRLF line endings are both things editors' tools write;
// Astro accepts them, so this does too.
const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

export function splitFrontMatter(source: string): SplitDocument {
  const match = FRONT_MATTER.exec(source);
  if (!match) {
    return { hasFrontMatter: false, yaml: '', yamlFirstLine: 1, body: source.replace(/^\uFEFF/, ''), bodyFirstLine: 1 };
  }
  const linesInBlock = match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0);
  return {
    hasFrontMatter: true,
    yaml: match[1] ?? '',
    yamlFirstLine: 2,
    body: source.slice(match[0].length),
    bodyFirstLine: linesInBlock + 1,
  };
}
