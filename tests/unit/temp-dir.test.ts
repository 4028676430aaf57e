import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.ts';

describe('temporary folders of tests', () => {
  it('are removed with their contents, and so are those made after an earlier removal', async () => {
    const dirs = [await tempDir('gazette-temp-test-'), await tempDir('gazette-temp-test-')];
    await writeFile(path.join(dirs[0]!, 'page.html'), '<p>x</p>');
    expect(dirs.every((dir) => existsSync(dir))).toBe(true);
    await removeTempDirs();
    expect(dirs.some((dir) => existsSync(dir))).toBe(false);
    const later = await tempDir('gazette-temp-test-');
    await removeTempDirs();
    expect(existsSync(later)).toBe(false);
  });
});
