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
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PAGE_BYTES = 4096;
const SAMPLE_INTERVAL_MS = 100;
/** GNU time reports the CPU time of a command and all the children it waited for. */
const GNU_TIME = '/usr/bin/time';

export interface TimedLine {
  /** Seconds since the command started. */
  at: number;
  text: string;
}

export interface Measurement {
  wallSeconds: number;
  /**
   * CPU seconds (user + system) of the whole tree. On a shared machine wall
   * time swings with the load; CPU time much less, so changes are compared on it.
   */
  cpuSeconds: number | undefined;
  /** Peak of the summed RSS of the process tree, in MB (10^6 bytes). */
  peakRssMB: number;
  /** Peak RSS of the largest single process, in MB: what `/usr/bin/time -v` reports. */
  peakProcessRssMB: number;
  /** Set when the tree was stopped for passing `memoryCapMB`. */
  cappedAt?: number;
  /** When the tree's peak came, in seconds since the start, and which executables held it (MB by name). */
  peakAt: number;
  peakByProcess: Record<string, number>;
  exitCode: number | null;
  lines: TimedLine[];
}

interface ProcStat {
  parent: number;
  rssBytes: number;
  /** The executable's name, as /proc/<pid>/stat gives it (at most 15 characters). */
  name: string;
}

function readProcStat(pid: number): ProcStat | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name, in parentheses, may contain spaces: count fields after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    return { parent: Number(fields[1]), rssBytes: Number(fields[21]) * PAGE_BYTES, name };
  } catch {
    return undefined; // The process ended between listing and reading.
  }
}

/** The RSS of `root` and all its descendants: the total, the largest, and the total by executable name. */
export function processTreeRss(root: number): { total: number; largest: number; byName: Map<string, number> } {
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
  const byName = new Map<string, number>();
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    const stat = stats.get(pid);
    if (stat) {
      total += stat.rssBytes;
      largest = Math.max(largest, stat.rssBytes);
      byName.set(stat.name, (byName.get(stat.name) ?? 0) + stat.rssBytes);
    }
    pending.push(...(children.get(pid) ?? []));
  }
  return { total, largest, byName };
}

export interface RunOptions {
  cwd: string;
  env?: Record<string, string>;
  /**
   * Stops the whole tree when its RSS passes this many MB, so that a run that
   * would exhaust a shared machine's memory ends as a recorded failure
   * instead of waking the kernel's OOM killer among other people's work.
   */
  memoryCapMB?: number;
  /** Echo output lines as they arrive. */
  echo?: boolean;
}

/** Runs `command args` to completion, never throwing on a failed exit. */
export function measureCommand(command: string, args: string[], options: RunOptions): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    const timeDir = existsSync(GNU_TIME) ? mkdtempSync(path.join(os.tmpdir(), 'gazette-time-')) : undefined;
    const timeFile = timeDir && path.join(timeDir, 'cpu');
    const [program, programArgs] = timeFile ? [GNU_TIME, ['-f', '%U %S', '-o', timeFile, command, ...args]] : [command, args];
    // Its own process group, so that the memory cap can stop every process in the tree at once.
    const child = spawn(program, programArgs, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let cappedAt: number | undefined;
    let peak = 0;
    let peakProcess = 0;
    let peakAt = 0;
    let peakByProcess: Record<string, number> = {};
    const sample = () => {
      if (child.pid === undefined) return;
      const { total, largest, byName } = processTreeRss(child.pid);
      if (total > peak) {
        peak = total;
        peakAt = seconds();
        peakByProcess = Object.fromEntries([...byName].map(([name, bytes]) => [name, Math.round(bytes / 1e6)]));
      }
      peakProcess = Math.max(peakProcess, largest);
      if (options.memoryCapMB && total / 1e6 > options.memoryCapMB && cappedAt === undefined) {
        cappedAt = seconds();
        process.kill(-child.pid, 'SIGKILL');
      }
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
      let cpuSeconds: number | undefined;
      if (timeDir) {
        const [user, system] = readFileSync(timeFile!, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
        cpuSeconds = user! + system!;
        rmSync(timeDir, { recursive: true, force: true });
      }
      resolve({
        wallSeconds: seconds(),
        cpuSeconds,
        peakRssMB: peak / 1e6,
        peakProcessRssMB: peakProcess / 1e6,
        peakAt,
        peakByProcess,
        cappedAt,
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
    cpuSeconds: results.reduce((sum, r) => sum + (r.cpuSeconds ?? 0), 0),
    peakRssMB: Math.max(...results.map((r) => r.peakRssMB)),
    peakProcessRssMB: Math.max(...results.map((r) => r.peakProcessRssMB)),
    exitCode: results.at(-1)!.exitCode,
    steps: results,
  };
}
