/**
 * `npm run new -- <kind> [--title 标题] [--date YYYY-MM-DD] [--journal 刊物] [--issuer 机构]`
 *
 * Asks for what the flags leave out (title; journal for a bulletin; date,
 * defaulting to today) when run in a terminal; from a script, the flags
 * must say it all. Exit codes: 0 created; 2 bad input; 1 unexpected.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseScriptArgs, runScript, UsageError } from '../src/lib/cli.ts';
import { buildContentIndex } from '../src/lib/content-files/content-index.ts';
import { loadContent } from '../src/lib/content-files/load.ts';
import { DOCUMENT_KINDS, isDocumentKind, isJournalKind } from '../src/lib/kinds.ts';
import { scaffoldMessages } from '../src/lib/scaffold/messages.ts';
import { planNewDocument, ScaffoldError, usualIssuer, type NewDocumentAnswers } from '../src/lib/scaffold/new-document.ts';
import { CONTENT_DIR, SITE_AUDIENCE } from '../src/site-settings.ts';

/** Today on this machine's calendar, `YYYY-MM-DD`. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

await runScript(async () => {
  const { values, positionals } = parseScriptArgs(
    { title: { type: 'string' }, date: { type: 'string' }, journal: { type: 'string' }, issuer: { type: 'string' } },
    scaffoldMessages.usage,
  );
  const [kind] = positionals;
  if (!kind || !isDocumentKind(kind)) {
    throw new UsageError(`${kind ? `${scaffoldMessages.unknownKind(kind, DOCUMENT_KINDS)}\n` : ''}${scaffoldMessages.usage}`);
  }

  const index = buildContentIndex(loadContent(CONTENT_DIR), SITE_AUDIENCE);
  const answers: NewDocumentAnswers = {
    title: values.title ?? '',
    date: values.date ?? '',
    journal: values.journal,
    issuer: values.issuer,
  };
  const needsJournal = isJournalKind(kind) && answers.journal === undefined;
  const needsIssuer = !isJournalKind(kind) && !answers.issuer && !usualIssuer(index, kind);

  if (process.stdin.isTTY) {
    const terminal = createInterface({ input: process.stdin, output: process.stdout });
    try {
      while (!answers.title.trim()) answers.title = await terminal.question(scaffoldMessages.askTitle);
      if (needsJournal) answers.journal = await terminal.question(scaffoldMessages.askJournal([...index.publications.keys()]));
      if (!answers.date) answers.date = (await terminal.question(scaffoldMessages.askDate(today()))).trim() || today();
      if (needsIssuer) answers.issuer = await terminal.question(scaffoldMessages.askIssuer);
    } finally {
      terminal.close();
    }
  } else {
    const missing = [...(answers.title ? [] : ['--title']), ...(needsJournal ? ['--journal'] : []), ...(needsIssuer ? ['--issuer'] : [])];
    if (missing.length > 0) throw new UsageError(`${scaffoldMessages.missingAnswers(missing)}\n${scaffoldMessages.usage}`);
    answers.date ||= today();
  }

  const plan = planNewDocument(kind, answers, index, (contentPath) => existsSync(path.join(CONTENT_DIR, contentPath)));
  const file = path.join(CONTENT_DIR, plan.contentPath);
  await mkdir(path.dirname(file), { recursive: true });
  // `wx`: never overwrite, even if the file appeared since the name was chosen.
  await writeFile(file, plan.text, { flag: 'wx' });
  console.log(scaffoldMessages.written(path.relative(process.cwd(), file)));
  console.log(scaffoldMessages.nextSteps);
  return 0;
}, [ScaffoldError]);
