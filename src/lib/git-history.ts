/**
 * Documents' revision history (修订记录): the dates on which git saw a
 * document's file change, and the notes editors write for readers in the
 * document's front matter (`revisions: [{ date, note }]`).
 *
 * Only commit dates are read from git, never subjects or hashes: a commit's
 * subject is written for developers, and one commit can touch a public and a
 * restricted file, so its words must never reach a published page. What a
 * change was is told by the editor's note, validated like any other field.
 *
 * One `git log` over the whole content folder per build, not one process
 * per document. Commits that only changed whitespace or blank lines are left
 * out (`-w --ignore-blank-lines` drops the file from such a commit's list).
 * Commit dates, never the build time, so two builds of one commit agree.
 * Outside git, or in a shallow clone where the history is cut short, there
 * are no dates rather than wrong ones.
 */
import { spawnSync } from 'node:child_process';

/** Dates (`YYYY-MM-DD`, newest first, each once) on which a file changed, by path inside the content folder (`reports/x.md`). */
export type ChangeDates = ReadonlyMap<string, readonly string[]>;

/** An editor's note on a revision, from the document's front matter. */
export interface RevisionNote {
  date: string;
  note: string;
}

/** One line of the 修订记录: a date, and what the editors say changed on it. */
export interface RevisionEntry {
  /** `YYYY-MM-DD`. */
  date: string;
  /** The editors' notes for that date, in the order written; empty for a change without a note. */
  notes: readonly string[];
}

const RECORD = '\u001e';

/** The one `git log`: commit dates and the paths each commit changed, relative to the content folder, Chinese names unquoted. */
const GIT_LOG_ARGS = [
  '-c',
  'core.quotePath=false',
  'log',
  '--no-renames',
  '-w',
  '--ignore-blank-lines',
  '--numstat',
  '--relative',
  // The committer date, in the committer's own time zone, and nothing else of the commit.
  `--format=${RECORD}%cs`,
  '--',
  '.',
];

/** Parses the output of `git log` with GIT_LOG_ARGS into each file's dates of change, newest first. */
export function parseGitLog(output: string): Map<string, string[]> {
  // Several commits on one day are one date of change, and they need not follow each other: git lists commits by
  // time, and each date is in its committer's time zone, so one from 2021-03-02 in +08:00 can come between two of
  // 2021-03-01 in -05:00 (or a merged branch's commits between the main line's).
  const dates = new Map<string, Set<string>>();
  for (const record of output.split(RECORD).slice(1)) {
    const [date = '', ...lines] = record.split('\n');
    for (const line of lines) {
      // `added<TAB>deleted<TAB>path`; binary files show `-` counts.
      const match = /^(?:\d+|-)\t(?:\d+|-)\t(.+)$/.exec(line);
      if (!match) continue;
      const fileDates = dates.get(match[1]!) ?? new Set<string>();
      fileDates.add(date);
      dates.set(match[1]!, fileDates);
    }
  }
  return new Map([...dates].map(([file, fileDates]) => [file, [...fileDates].sort().reverse()]));
}

function git(cwd: string, args: string[]): string | undefined {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return result.status === 0 ? result.stdout : undefined;
}

/** The dates of change of every file under `contentDir`; empty outside git or in a shallow clone. */
export function readChangeDates(contentDir: string): ChangeDates {
  const shallow = git(contentDir, ['rev-parse', '--is-shallow-repository']);
  if (shallow === undefined || shallow.trim() !== 'false') return new Map();
  const output = git(contentDir, GIT_LOG_ARGS);
  return output === undefined ? new Map() : parseGitLog(output);
}

/**
 * The 修订记录 of one document, newest first: every date git saw the file
 * change and every date an editor wrote a note for (a note may record a
 * revision made before the file was in git), each date once with its notes.
 */
export function revisionHistory(changeDates: readonly string[], notes: readonly RevisionNote[]): RevisionEntry[] {
  const byDate = new Map<string, string[]>();
  for (const date of changeDates) byDate.set(date, byDate.get(date) ?? []);
  for (const { date, note } of notes) byDate.set(date, [...(byDate.get(date) ?? []), note]);
  return [...byDate].sort(([a], [b]) => b.localeCompare(a)).map(([date, dateNotes]) => ({ date, notes: dateNotes }));
}
