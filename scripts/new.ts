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
import { parseArgs } from 'node:util';
import { buildContentIndex } from '../src/lib/content-files/content-index.ts';
import { loadContent } from '../src/lib/content-files/load.ts';
import { DOCUMENT_KINDS, isDocumentKind } from '../src/lib/kinds.ts';
import { scaffoldMessages } from '../src/lib/scaffold/messages.ts';
import { planNewDocument, ScaffoldError, usualIssuer, type NewDocumentAnswers } from '../src/lib/scaffold/new-document.ts';
import { CONTENT_DIR, SITE_AUDIENCE } from '../src/site-settings.ts';

const BAD_INPUT = 2;

/** Today on this machine's calendar, `YYYY-MM-DD`. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        title: { type: 'string' },
        date: { type: 'string' },
        journal: { type: 'string' },
        issuer: { type: 'string' },
        verbose: { type: 'boolean' },
      },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${scaffoldMessages.usage}`);
    return BAD_INPUT;
  }
  const { values, positionals } = parsed;
  const [kind] = positionals;
  if (!kind || !isDocumentKind(kind)) {
    console.error(`${kind ? `${scaffoldMessages.unknownKind(kind, DOCUMENT_KINDS)}\n` : ''}${scaffoldMessages.usage}`);
    return BAD_INPUT;
  }

  const index = buildContentIndex(loadContent(CONTENT_DIR), SITE_AUDIENCE);
  const answers: NewDocumentAnswers = { title: values.title ?? '', date: values.date ?? '', journal: values.journal, issuer: values.issuer };
  const needsJournal = kind === 'bulletins' && answers.journal === undefined;
  const needsIssuer = kind !== 'bulletins' && !answers.issuer && !usualIssuer(index, kind);

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
    const missing = [
      ...(answers.title ? [] : ['--title']),
      ...(needsJournal ? ['--journal'] : []),
      ...(needsIssuer ? ['--issuer'] : []),
    ];
    if (missing.length > 0) {
      console.error(`${scaffoldMessages.missingAnswers(missing)}\n${scaffoldMessages.usage}`);
      return BAD_INPUT;
    }
    answers.date ||= today();
  }

  try {
    const plan = planNewDocument(kind, answers, index, (contentPath) => existsSync(path.join(CONTENT_DIR, contentPath)));
    const file = path.join(CONTENT_DIR, plan.contentPath);
    await mkdir(path.dirname(file), { recursive: true });
    // `wx`: never overwrite, even if the file appeared since the name was chosen.
    await writeFile(file, plan.text, { flag: 'wx' });
    console.log(scaffoldMessages.written(path.relative(process.cwd(), file)));
    console.log(scaffoldMessages.nextSteps);
    return 0;
  } catch (error) {
    if (error instanceof ScaffoldError) {
      console.error(error.message);
      return BAD_INPUT;
    }
    console.error(values.verbose ? error : String(error));
    return 1;
  }
}

process.exitCode = await main();
