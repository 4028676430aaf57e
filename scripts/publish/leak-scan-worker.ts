/**
 * One share of the leak gate's output scan, in a worker thread (see
 * `findLeaks` in `leak-gate.ts`): reads its files, scans their text for the
 * fingerprints it was given, and posts back what it found.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { createScanner, scanOutputText, type Fingerprint, type LeakHit } from '../../src/lib/leak-scan.ts';
import { outputFileText } from './leak-gate.ts';

export interface ScanShare {
  outDir: string;
  files: string[];
  fingerprints: Fingerprint[];
}

const { outDir, files, fingerprints } = workerData as ScanShare;
const scanner = createScanner(fingerprints);
const hits: LeakHit[] = [];
for (const file of files) {
  const text = outputFileText(file, await readFile(path.join(outDir, file)));
  if (text !== undefined) hits.push(...scanOutputText(scanner, file, text));
}
parentPort!.postMessage(hits);
