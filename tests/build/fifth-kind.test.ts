/**
 * Adding a kind of document touches three files (README.md, 新增文档类别):
 * its schema, one entry in the registry of kinds and its translations. In a
 * copy of the repository this adds a fifth kind, 会议纪要 (`minutes`), by
 * exactly those three edits, builds the site there and finds the kind's
 * pages, its listing, its search records and its place in the navigation,
 * with a restricted document of the kind published nowhere; and the copy
 * still type-checks, so no list of kinds was left behind.
 */
import { cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listFiles, makeContent, readPage, run, type BuildResult } from '../helpers/build-site.ts';
import { FIXTURE_SITES, REPO_ROOT } from '../helpers/paths.ts';
import { tempDir } from '../helpers/temp-dir.ts';

/** What a build of the site reads: the code (src/ imports some of scripts/), the config and the static files; node_modules is linked. */
const PROJECT_FILES = ['src', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/** Replaces `anchor` in `text`, failing loudly when the file no longer has it (the steps in README.md then need a look). */
function insertAfter(text: string, anchor: string, addition: string): string {
  if (!text.includes(anchor)) throw new Error(`anchor not found: ${anchor}`);
  return text.replace(anchor, `${anchor}${addition}`);
}

/** The three edits of README.md's steps, for a kind `minutes`. */
const STEPS: Record<string, (text: string) => string> = {
  // 1. The schema: the shared base plus the kind's own fields.
  'src/schemas/minutes.ts': () =>
    [
      '/** 会议纪要: the minutes of a meeting. */',
      "import { documentSchema } from './document-base.ts';",
      "import { labelList, text } from './fields.ts';",
      '',
      'export const minutesSchema = documentSchema({',
      '  /** 会议名称: the meeting the minutes record. */',
      '  meeting: text,',
      '  /** 出席人员. */',
      '  attendees: labelList,',
      '});',
      '',
    ].join('\n'),
  // 2. One entry in the registry.
  'src/lib/kinds.ts': (text) =>
    insertAfter(
      insertAfter(
        text,
        "import { summarySchema } from '../schemas/summary.ts';",
        "\nimport { minutesSchema } from '../schemas/minutes.ts';",
      ),
      "    importer: ['level', 'status'],\n  }),",
      [
        '',
        '  /** 会议纪要. */',
        '  minutes: kind({',
        '    schema: minutesSchema,',
        "    url: 'id',",
        "    fields: ['meeting', 'attendees'],",
        "    scaffold: () => ({ meeting: '主任办公会' }),",
        "    importer: ['meeting'],",
        '  }),',
      ].join('\n'),
    ),
  // 3. Its words: the kind's label and its fields' labels.
  'src/translations/zh-CN.ts': (text) =>
    insertAfter(
      insertAfter(text, "  reforms: '改革事项',", "\n  minutes: '会议纪要',"),
      "  outcomes: '制度成果',",
      "\n  meeting: '会议名称',\n  attendees: '出席人员',",
    ),
};

const minutes = (title: string, access: string) =>
  `---\ntitle: ${title}\ndate: 2021-06-01\nissuer: 测试办公室\nmeeting: 第五次主任办公会\nattendees: [张三, 李四]\naccess: ${access}\n---\n\n## 一、会议议定事项\n\n会议研究了年度重点工作。\n`;

describe('a fifth kind of document, added in three files', () => {
  let project: string;
  let build: BuildResult;

  beforeAll(async () => {
    project = await tempDir('gazette-fifth-kind-');
    for (const file of PROJECT_FILES) await cp(path.join(REPO_ROOT, file), path.join(project, file), { recursive: true });
    await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(project, 'node_modules'), 'dir');
    for (const [file, edit] of Object.entries(STEPS)) {
      const target = path.join(project, file);
      const before = await readFile(target, 'utf8').catch(() => '');
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, edit(before));
    }
    const contentDir = await makeContent(
      {
        'minutes/2021-director-meeting.md': minutes('第五次主任办公会会议纪要', 'public'),
        'minutes/closed-meeting.md': minutes('不予公开的专题会议纪要', 'restricted'),
      },
      path.join(FIXTURE_SITES, 'basic'),
    );
    // The output folder is inside the copy, which is the build's working directory (see tests/helpers/isolated-build.ts).
    const outDir = path.join(project, 'dist');
    const { exitCode, output } = await run(
      process.execPath,
      [path.join(project, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir],
      {
        GAZETTE_CONTENT_DIR: contentDir,
        GAZETTE_CACHE_DIR: await tempDir('gazette-cache-'),
        SITE_BASE: '/',
        SITE_AUDIENCE: 'internal',
        FORCE_COLOR: '0',
        NO_COLOR: '1',
      },
      project,
    );
    build = { ok: exitCode === 0, exitCode, output, outDir };
  });

  it('touches exactly the schema, the registry and the translations', async () => {
    const changed: string[] = [];
    for (const file of await listFiles(path.join(project, 'src'))) {
      const ours = await readFile(path.join(project, 'src', file), 'utf8');
      const theirs = await readFile(path.join(REPO_ROOT, 'src', file), 'utf8').catch(() => undefined);
      if (ours !== theirs) changed.push(`src/${file}`);
    }
    expect(changed.sort()).toEqual(Object.keys(STEPS).sort());
  });

  it('builds, with a page per published document of the kind', async () => {
    expect(build.ok, build.output).toBe(true);
    const page = await readPage(build.outDir, 'minutes/2021-director-meeting/');
    expect(page).toContain('第五次主任办公会会议纪要');
    // The metadata block shows the kind and its own fields with their labels.
    expect(page).toContain('会议纪要');
    expect(page).toContain('会议名称');
    expect(page).toContain('第五次主任办公会');
    expect(page).toContain('张三；李四');
  });

  it('lists the kind in its own listing, the navigation and the feed', async () => {
    const listing = await readPage(build.outDir, 'minutes/');
    expect(listing).toContain('<h1>会议纪要</h1>');
    expect(listing).toContain('/minutes/2021-director-meeting/');
    expect(await readPage(build.outDir, '')).toContain('href="/minutes/"');
    expect(await readPage(build.outDir, 'minutes/rss.xml')).toContain('第五次主任办公会会议纪要');
  });

  it('writes search records for it, under its kind facet', async () => {
    const records = JSON.parse(await readPage(build.outDir, 'search-records.json')) as {
      url: string;
      result: { kind: string };
      facets: { kind: string[] };
    }[];
    const record = records.find((r) => r.url === '/minutes/2021-director-meeting/');
    expect(record).toMatchObject({ result: { kind: '会议纪要' }, facets: { kind: ['minutes'] } });
    expect(records.some((r) => r.url.includes('closed-meeting'))).toBe(false);
  });

  it('publishes a restricted document of the kind nowhere', async () => {
    const files = await listFiles(build.outDir);
    expect(files.filter((file) => file.includes('closed-meeting'))).toEqual([]);
    for (const file of files.filter((f) => /\.(html|xml|json|txt)$/.test(f))) {
      expect(await readFile(path.join(build.outDir, file), 'utf8'), file).not.toContain('不予公开的专题会议纪要');
    }
  });

  it('gets its own fields from npm run new (valid from the start) and npm run import (a TODO the check refuses)', async () => {
    const contentDir = await makeContent({}, path.join(FIXTURE_SITES, 'basic'));
    const env = { GAZETTE_CONTENT_DIR: contentDir, FORCE_COLOR: '0', NO_COLOR: '1' };
    const script = (name: string, ...args: string[]) => run(process.execPath, [path.join(project, 'scripts', name), ...args], env, project);

    const created = await script(
      'new.ts',
      'minutes',
      '--title',
      '第六次主任办公会会议纪要',
      '--date',
      '2021-07-01',
      '--issuer',
      '测试办公室',
    );
    expect(created.exitCode, created.output).toBe(0);
    const [newFile] = await listFiles(path.join(contentDir, 'minutes'));
    const newText = await readFile(path.join(contentDir, 'minutes', newFile!), 'utf8');
    expect(newText).toContain('meeting: 主任办公会');
    expect(newText).toContain('draft: true');
    const checked = await script('check.ts');
    expect(checked.exitCode, checked.output).toBe(0);

    const received = path.join(await tempDir('gazette-received-'), 'sixth-meeting.txt');
    await writeFile(received, '第六次主任办公会会议纪要\n\n一、会议议定事项\n\n会议研究了年度重点工作。\n');
    const imported = await script('import.ts', received, '--kind', 'minutes');
    expect(imported.exitCode, imported.output).toBe(0);
    expect(await readFile(path.join(contentDir, 'minutes/sixth-meeting.md'), 'utf8')).toContain('meeting: TODO 填写会议名称');
    const refused = await script('check.ts');
    expect(refused.exitCode).not.toBe(0);
    expect(refused.output).toContain('sixth-meeting.md');
    expect(refused.output).toContain('meeting');
  });

  it('still type-checks: no list of kinds elsewhere was left behind', async () => {
    const { exitCode, output } = await run(
      process.execPath,
      [path.join(project, 'node_modules/astro/bin/astro.mjs'), 'check'],
      {},
      project,
    );
    expect(exitCode, output).toBe(0);
  }, 300_000);
});
