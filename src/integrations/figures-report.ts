/**
 * Writes the figures report (`_report/figures.json` in the output folder)
 * after a build, prints each warning and a summary line, and in strict mode
 * fails the build when any printed figure disagrees with its recomputation.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { toJson } from '../indicators/downloads.ts';
import { figureReportJson, figureSummary, takeFigureReport } from '../indicators/report.ts';
import { STRICT_FIGURES } from '../site-settings.ts';

export const FIGURES_REPORT_PATH = '_report/figures.json';

export function figuresReport(): AstroIntegration {
  return {
    name: 'gazette-figures-report',
    hooks: {
      // Drop anything a previous build in the same process left behind.
      'astro:build:start': () => {
        takeFigureReport();
      },
      'astro:build:done': async ({ dir, logger }) => {
        const entries = takeFigureReport();
        const file = new URL(FIGURES_REPORT_PATH, dir);
        await mkdir(new URL('.', file), { recursive: true });
        await writeFile(file, toJson(figureReportJson(entries)));
        const warnings = entries.filter((entry) => !entry.ok);
        for (const warning of warnings) logger.warn(warning.message);
        logger.info(figureSummary(entries, FIGURES_REPORT_PATH));
        if (STRICT_FIGURES && warnings.length > 0) {
          logger.error(
            `${warnings.length} 处数字与重新计算的结果不符，严格模式下构建失败（strict mode: ${warnings.length} figure warning(s) are errors; see ${FIGURES_REPORT_PATH}）`,
          );
          // Exiting rather than throwing: the warnings above say it all, a stack trace would only bury them.
          process.exit(1);
        }
      },
    },
  };
}
