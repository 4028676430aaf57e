/** The check's result as text for a terminal: one block per problem, `file:line` first so editors can click it. */
import type { CheckResult } from './check-content.ts';
import { checkLabels } from './messages.ts';
import type { ContentProblem } from './problem.ts';

export function formatProblem(problem: ContentProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const label = problem.severity === 'error' ? checkLabels.error : checkLabels.warning;
  const lines = [`${label} ${where}${problem.field ? `  ${checkLabels.field} ${problem.field}` : ''}`];
  if (problem.found !== undefined) lines.push(`  ${checkLabels.found}：${problem.found}`);
  // Many schema messages start with 应为 themselves (`应为 true 或 false`); the label says it once.
  lines.push(`  ${checkLabels.expected}：${problem.expected.replace(new RegExp(`^${checkLabels.expected}[：:\\s]*`), '')}`);
  return lines.join('\n');
}

export function formatReport(result: CheckResult): string {
  if (result.problems.length === 0) return checkLabels.allGood(result.fileCount);
  return [...result.problems.map(formatProblem), checkLabels.errorCount(result.errorCount, result.warningCount)].join('\n\n');
}
