/**
 * Documents' revision history from git, GOV.UK change-note style: the date
 * and subject of every commit that changed a file, newest first.
 *
 * One `git log` over the whole content folder per build, not one process
 * per document. Commits that only changed whitespace or blank lines are left
 * out (`-w --ignore-blank-lines` drops the file from such a commit's list).
 * Commit dates, never the build time, so two builds of one commit agree.
 * Outside git, or in a shallow clone where the history is cut short, there
 * is no history rather than a wrong one.
 */
import { spawnSync } from 'node:child_process';

export interface Revision {
  /** Commit date, `YYYY-MM-DD`, in the committer's own time zone. */
  date: string;
  subject: string;
  hash: string;
}

/** Revisions by path inside the content folder (`reports/x.md`), newest first. */
export type RevisionLog = ReadonlyMap<string, readonly Revision[]>;

const RECORD = '\u001e';
const FIELD = '\u001f';

/** The one `git log`: paths relative to the content folder, Chinese names unquoted (core.quotePath=false). */
const GIT_LOG_ARGS = [
  '-c',
  'core.quotePath=false',
  'log',
  '--no-renames',
  '-w',
  '--ignore-blank-lines',
  '--numstat',
  '--relative',
  `--format=${RECORD}%H${FIELD}%cs${FIELD}%s`,
  '--',
  '.',
];

/** Parses the output of `git log` with GIT_LOG_ARGS. */
export function parseGitLog(output: string): Map<string, Revision[]> {
  const log = new Map<string, Revision[]>();
  for (const record of output.split(RECORD).slice(1)) {
    const [header = '', ...lines] = record.split('\n');
    const [hash = '', date = '', subject = ''] = header.split(FIELD);
    for (const line of lines) {
      // `added<TAB>deleted<TAB>path`; binary files show `-` counts.
      const match = /^(?:\d+|-)\t(?:\d+|-)\t(.+)$/.exec(line);
      if (!match) continue;
      const revisions = log.get(match[1]!) ?? [];
      revisions.push({ date, subject, hash });
      log.set(match[1]!, revisions);
    }
  }
  return log;
}

function git(cwd: string, args: string[]): string | undefined {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return result.status === 0 ? result.stdout : undefined;
}

/** The revision history of every file under `contentDir`; empty outside git or in a shallow clone. */
export function readRevisionLog(contentDir: string): RevisionLog {
  const shallow = git(contentDir, ['rev-parse', '--is-shallow-repository']);
  if (shallow === undefined || shallow.trim() !== 'false') return new Map();
  const output = git(contentDir, GIT_LOG_ARGS);
  return output === undefined ? new Map() : parseGitLog(output);
}
