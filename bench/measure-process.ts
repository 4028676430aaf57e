/**
 * Runs a command and measures what it costs: wall time, and the peak of the
 * summed resident memory of its whole process tree (Node, the Pagefind
 * binary, anything else it starts), sampled from /proc. `/usr/bin/time`
 * reports only the largest single process, which misses Pagefind running
 * beside Node.
 *
 * Every output line is kept with the second it arrived, so that the build
 * can be split into phases afterwards.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_BYTES = 4096;
const SAMPLE_INTERVAL_MS = 100;

export interface TimedLine {
  /** Seconds since the command started. */
  at: number;
  text: string;
}

export interface Measurement {
  wallSeconds: number;
  /** Peak of the summed RSS of the process tree, in MB (10^6 bytes). */
  peakRssMB: number;
  /** Peak RSS of the largest single process, in MB: what `/usr/bin/time -v` reports. */
  peakProcessRssMB: number;
  exitCode: number | null;
  lines: TimedLine[];
}

interface ProcStat {
  parent: number;
  rssBytes: number;
}

function readProcStat(pid: number): ProcStat | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name, in parentheses, may contain spaces: count fields after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { parent: Number(fields[1]), rssBytes: Number(fields[21]) * PAGE_BYTES };
  } catch {
    return undefined; // The process ended between listing and reading.
  }
}

/** The RSS of `root` and all its descendants: the total, and the largest. */
export function processTreeRss(root: number): { total: number; largest: number } {
  const stats = new Map<number, ProcStat>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const stat = readProcStat(pid);
    if (stat) stats.set(pid, stat);
  }
  const children = new Map<number, number[]>();
  for (const [pid, { parent }] of stats) children.set(parent, [...(children.get(parent) ?? []), pid]);
  let total = 0;
  let largest = 0;
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    const rss = stats.get(pid)?.rssBytes ?? 0;
    total += rss;
    largest = Math.max(largest, rss);
    pending.push(...(children.get(pid) ?? []));
  }
  return { total, largest };
}

export interface RunOptions {
  cwd: string;
  env?: Record<string, string>;
  /** Echo output lines as they arrive. */
  echo?: boolean;
}

/** Runs `command args` to completion, never throwing on a failed exit. */
export function measureCommand(command: string, args: string[], options: RunOptions): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let peak = 0;
    let peakProcess = 0;
    const sample = () => {
      if (child.pid === undefined) return;
      const { total, largest } = processTreeRss(child.pid);
      peak = Math.max(peak, total);
      peakProcess = Math.max(peakProcess, largest);
    };
    const sampler = setInterval(sample, SAMPLE_INTERVAL_MS);
    const lines: TimedLine[] = [];
    const collect = (stream: NodeJS.ReadableStream) => {
      let partial = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const parts = (partial + chunk).split('\n');
        partial = parts.pop()!;
        for (const text of parts) {
          lines.push({ at: seconds(), text });
          if (options.echo) console.log(text);
        }
      });
      stream.on('end', () => partial && lines.push({ at: seconds(), text: partial }));
    };
    collect(child.stdout);
    collect(child.stderr);
    child.on('error', (error) => {
      clearInterval(sampler);
      reject(error);
    });
    child.on('close', (exitCode) => {
      clearInterval(sampler);
      resolve({
        wallSeconds: seconds(),
        peakRssMB: peak / 1e6,
        peakProcessRssMB: peakProcess / 1e6,
        exitCode,
        lines,
      });
    });
  });
}

/** Several commands one after another, measured as one: times add up, the peak is the highest. */
export async function measureSequence(steps: ReadonlyArray<{ command: string; args: string[]; options: RunOptions }>) {
  const results: Measurement[] = [];
  for (const step of steps) {
    const result = await measureCommand(step.command, step.args, step.options);
    results.push(result);
    if (result.exitCode !== 0) break;
  }
  return {
    wallSeconds: results.reduce((sum, r) => sum + r.wallSeconds, 0),
    peakRssMB: Math.max(...results.map((r) => r.peakRssMB)),
    peakProcessRssMB: Math.max(...results.map((r) => r.peakProcessRssMB)),
    exitCode: results.at(-1)!.exitCode,
    steps: results,
  };
}
