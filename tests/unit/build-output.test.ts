/**
 * `npm run build`'s console: Astro's route lines, written four pages at a
 * time, come out one per line and without the render times that Astro
 * attaches to whichever line is open.
 */
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { AstroOutputLines, cleanAstroLine } from '../../scripts/publish/astro-output.ts';

describe('astro build output', () => {
  it('splits route lines that run together and drops render times', () => {
    expect(
      cleanAstroLine(
        '21:46:59   ├─ /404.html21:46:59   ├─ /bulletins/guangming-xinxi/2020/1/index.html21:46:59   ├─ /bulletins/guangming-xinxi/index.html (+511ms) ',
      ),
    ).toEqual([
      '21:46:59   ├─ /404.html',
      '21:46:59   ├─ /bulletins/guangming-xinxi/2020/1/index.html',
      '21:46:59   ├─ /bulletins/guangming-xinxi/index.html',
    ]);
    expect(cleanAstroLine('21:47:01   ├─ /indicators/division-cadres-promoted/index.html (+1.22s) ')).toEqual([
      '21:47:01   ├─ /indicators/division-cadres-promoted/index.html',
    ]);
    expect(cleanAstroLine(' (+13ms) ')).toEqual([]);
  });

  it('keeps every other line as it is, blank lines and times inside messages included', () => {
    for (const line of [
      '',
      '21:47:05 [build] ✓ Completed in 6.34s.',
      '21:47:05 [build] 95 page(s) built in 9.81s',
      '21:46:58 [build] directory: /a/b/',
    ]) {
      expect(cleanAstroLine(line)).toEqual([line]);
    }
  });

  it('works across chunks that end mid-line', async () => {
    const chunks = [
      '21:46:59   ├─ /a/index.html',
      '21:46:59   ├─ /b/',
      'index.html (+5ms) \n (+13ms) \n',
      '21:47:05 ✓ Completed in 6.34s.\n',
      'last line',
    ];
    const output = await text(Readable.from(chunks.map((chunk) => Buffer.from(chunk))).pipe(new AstroOutputLines()));
    expect(output).toBe('21:46:59   ├─ /a/index.html\n21:46:59   ├─ /b/index.html\n21:47:05 ✓ Completed in 6.34s.\nlast line\n');
  });
});
