/**
 * Runs in every test file before its tests. Hooks run in reverse order of
 * registration (Vitest's `sequence.hooks: 'stack'`), so this one runs after
 * the file's own `afterAll`s have stopped its servers and browsers.
 */
import { afterAll } from 'vitest';
import { removeTempDirs } from '../helpers/temp-dir.ts';

afterAll(removeTempDirs);
