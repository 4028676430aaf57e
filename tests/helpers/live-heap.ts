/**
 * How much memory a value really keeps alive: the live heap, measured after
 * full garbage collections, with and without the value.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
// A context made after the flag is set has `gc`, whatever flags the test process started with.
const collectGarbage = runInNewContext('gc') as () => void;

function liveHeap(): number {
  // V8 keeps the last string a regular expression ran on (`RegExp.input`); run one on a small string instead.
  /x/.exec('x');
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

/** Holds the measured value while the heap is measured. */
const holder: unknown[] = [];

/** Bytes of live heap that the value `make` returns keeps, once everything else `make` allocated is garbage. */
export function retainedBytes(make: () => unknown): number {
  const before = liveHeap();
  holder.push(make());
  const after = liveHeap();
  holder.length = 0;
  return after - before;
}
