/**
 * `astro build`'s console output, one line per step. Astro renders pages
 * four at a time and logs each route when it starts without ending the line,
 * then its time when it ends, after whatever was logged meanwhile: route
 * lines run together (`├─ /a.html21:46:59 ├─ /b.html`) and times stand on
 * lines of their own (` (+13ms)`), next to the wrong route. Here each route
 * gets its own line and the times, which name no route reliably, are dropped.
 */
import { Transform, type TransformCallback } from 'node:stream';

/** A log line's start, `21:46:59 `, written straight after an unfinished line. */
const GLUED_TIMESTAMP = /(?<=\S)(?=\d{2}:\d{2}:\d{2} )/g;
/** A route's render time, ` (+511ms)` or ` (+1.04s)`, at the end of a line. */
const ROUTE_TIME = /\s*\(\+\d+(?:\.\d+)?m?s\)\s*$/;

/** The lines to print for one line of Astro's output: none for a lone time. */
export function cleanAstroLine(line: string): string[] {
  return line
    .split(GLUED_TIMESTAMP)
    .map((part) => part.replace(ROUTE_TIME, '').trimEnd())
    .filter((part, index, parts) => part !== '' || (parts.length === 1 && !ROUTE_TIME.test(line)));
}

/** A stream that passes Astro's output through `cleanAstroLine`, line by line. */
export class AstroOutputLines extends Transform {
  private pending = '';

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const lines = (this.pending + chunk.toString('utf8')).split('\n');
    this.pending = lines.pop()!;
    this.push(
      lines
        .flatMap(cleanAstroLine)
        .map((line) => `${line}\n`)
        .join(''),
    );
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.pending !== '')
      this.push(
        cleanAstroLine(this.pending)
          .map((line) => `${line}\n`)
          .join(''),
      );
    done();
  }
}
