/**
 * Editor mistakes through the real commands: `npm run check`, `astro build`
 * and `astro dev` each name the file and the field, list every problem at
 * once, and print no stack trace.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, makeContent, run, type BuildResult } from '../helpers/build-site.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { FIXTURE_SITES, REPO_ROOT } from '../helpers/paths.ts';
import { CONTENT_ERROR_CASES } from '../fixtures/content-errors.ts';

const BASIC = path.join(FIXTURE_SITES, 'basic');
const STACK_TRACE_LINE = /^\s+at .+[:(]\d+/m;
const NO_COLOUR = { FORCE_COLOR: '0', NO_COLOR: '1' };

function npmRunCheck(contentDir: string) {
  return run(process.execPath, [path.join(REPO_ROOT, 'scripts/check.ts')], { GAZETTE_CONTENT_DIR: contentDir, ...NO_COLOUR });
}

const allCases = () => Object.assign({}, ...CONTENT_ERROR_CASES.map((errorCase) => errorCase.files)) as Record<string, string>;

describe('npm run check', () => {
  it('passes the shipped content', async () => {
    const { exitCode, output } = await npmRunCheck(path.join(REPO_ROOT, 'content'));
    expect(output).toContain('内容检查通过');
    expect(exitCode).toBe(0);
  });

  it.each(CONTENT_ERROR_CASES)('fails on $name, naming the file and the field', async (errorCase) => {
    const { exitCode, output } = await npmRunCheck(await makeContent(errorCase.files, BASIC));
    expect(exitCode).toBe(1);
    // The block about the file itself: its first line starts `错误 <file>:<line>`.
    const report = output.split('\n\n').find((block) => block.startsWith('错误') && block.split('\n')[0]!.includes(errorCase.file));
    expect(report, output).toBeDefined();
    expect(report).toContain(errorCase.field);
    if (errorCase.line) expect(report).toContain(`${errorCase.file}:${errorCase.line}`);
    expect(output).not.toMatch(STACK_TRACE_LINE);
  });
});

describe('astro build with every mistake at once', () => {
  let build: BuildResult;
  beforeAll(async () => {
    build = await buildSite({ contentDir: await makeContent(allCases(), BASIC) });
  });

  it('fails', () => {
    expect(build.ok).toBe(false);
  });

  it.each(CONTENT_ERROR_CASES)('reports $name with the file and the field', (errorCase) => {
    const line = build.output.split('\n').findIndex((text) => text.includes('[ERROR]') && text.includes(errorCase.file));
    expect(line, build.output).toBeGreaterThan(-1);
    expect(
      build.output
        .split('\n')
        .slice(line, line + 3)
        .join('\n'),
    ).toContain(errorCase.field);
  });

  it('shows the content check first and no stack trace', () => {
    const firstError = build.output.split('\n').find((text) => text.includes('[ERROR]'));
    expect(firstError).toContain('[gazette-content-check]');
    expect(build.output).toContain('构建已停止');
    expect(build.output).not.toMatch(STACK_TRACE_LINE);
  });
});

describe('npm run build with content that could publish the wrong thing', () => {
  /** In the file outside the content folder that a link points at; must never be read. */
  const OUTSIDE_MARKER = '链接之外的正文标记';
  let build: BuildResult;
  let outDir: string;
  beforeAll(async () => {
    const frontMatter = (title: string, extra = '') => `---\ntitle: ${title}\ndate: 2021-03-01\nissuer: 测试\n${extra}---\n\n正文。\n`;
    const outside = await makeContent({ 'outside.md': `${frontMatter('外部文件')}\n${OUTSIDE_MARKER}\n` });
    const contentDir = await makeContent(
      {
        'reports/misspelt.md': frontMatter('拼错的公开属性', 'acess: restricted\n'),
        'reports/sameurl.md': frontMatter('同一网址甲'),
        'reports/same..url.md': frontMatter('同一网址乙'),
        'reports/oversized.md': frontMatter('超长文档').replace('正文。', '很长的正文。'.repeat(1000)),
      },
      BASIC,
    );
    await symlink(path.join(outside, 'outside.md'), path.join(contentDir, 'reports/linked.md'));
    await symlink('/etc/passwd', path.join(contentDir, 'summaries/system-file.md'));
    await writeFile(path.join(contentDir, 'reports/gbk.md'), iconv.encode(frontMatter('国标编码的文件'), 'gb18030'));
    outDir = path.join(await tempDir('gazette-refused-'), 'dist');
    build = await buildSite({ contentDir, pipeline: true, outDir, env: { GAZETTE_MAX_DOCUMENT_BYTES: '10000' } });
  });

  it('refuses, publishes nothing and reads nothing through a link', () => {
    expect(build.ok).toBe(false);
    expect(existsSync(outDir)).toBe(false);
    expect(build.output).not.toContain(OUTSIDE_MARKER);
    expect(build.output).not.toContain('root:x:0');
  });

  it.each([
    ['a symlink to a file outside', 'reports/linked.md', '符号链接'],
    ['a symlink to a system file', 'summaries/system-file.md', '符号链接'],
    ['a GBK file', 'reports/gbk.md', 'npm run import'],
    ['a misspelt access key', 'reports/misspelt.md', 'access'],
    ['two files with one URL', 'reports/same..url.md', 'reports/sameurl.md'],
    ['a file over the size limit', 'reports/oversized.md', '10,000'],
  ])('names %s, with what is wrong, without a stack trace', (_name, file, expected) => {
    const lines = build.output.split('\n');
    const line = lines.findIndex((text) => text.includes('[ERROR]') && text.includes(file));
    expect(line, build.output).toBeGreaterThan(-1);
    expect(lines.slice(line, line + 3).join('\n')).toContain(expected);
    expect(build.output).not.toMatch(STACK_TRACE_LINE);
  });
});

/** Ends a dev server the way Ctrl-C does, and makes sure it is gone. */
function stop(child: ReturnType<typeof spawn>): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('close', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGINT');
  });
}

describe('astro dev', () => {
  it('reports content errors with the file and the field, and checks again when a file changes', async () => {
    const errorCase = CONTENT_ERROR_CASES.find((c) => c.name === 'impossible date')!;
    const [relative, text] = Object.entries(errorCase.files)[0]!;
    const contentDir = await makeContent(errorCase.files, BASIC);
    const astro = path.join(REPO_ROOT, 'node_modules/astro/bin/astro.mjs');
    // --force: other engineers' dev servers in this tree must not stop this one.
    const child = spawn(process.execPath, [astro, 'dev', '--port', '0', '--force'], {
      cwd: REPO_ROOT,
      env: { ...process.env, GAZETTE_CONTENT_DIR: contentDir, GAZETTE_CACHE_DIR: await tempDir('gazette-cache-'), ...NO_COLOUR },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const waiting = new Set<() => void>();
    const onData = (chunk: Buffer) => {
      output += chunk;
      for (const check of waiting) check();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    /** Resolves once `text` appears after position `from`; fails if the server exits first or never says it. */
    const waitFor = (wanted: string, from: number) =>
      new Promise<void>((resolve, reject) => {
        const guard = setTimeout(() => reject(new Error(`“${wanted}” never appeared:\n${output}`)), 120_000);
        const check = () => {
          if (output.indexOf(wanted, from) === -1) return;
          clearTimeout(guard);
          waiting.delete(check);
          resolve();
        };
        waiting.add(check);
        child.once('close', () => reject(new Error(`astro dev exited:\n${output}`)));
        check();
      });
    try {
      await waitFor('内容检查：', 0);
      const firstReport = output;
      const lines = firstReport.split('\n');
      const report = lines.findIndex((line) => line.includes('[ERROR]') && line.includes(errorCase.file));
      expect(report, firstReport).toBeGreaterThan(-1);
      expect(lines.slice(report, report + 3).join('\n')).toContain('date');
      expect(firstReport).toContain('2020-02-30');
      expect(firstReport).not.toMatch(STACK_TRACE_LINE);

      // The editor fixes the date; the running server checks again. The watcher starts a moment after
      // it says so, so a save it missed is repeated, as an editor would save again.
      await waitFor('自动重新检查', 0);
      const fixed = text.replace('2020-02-30', '2020-02-28');
      let saves = 0;
      const recheck = waitFor('内容检查通过', output.length);
      const save = async () => {
        saves++;
        await writeFile(path.join(contentDir, relative), saves % 2 ? fixed : `${fixed}\n`);
      };
      await save();
      const resave = setInterval(() => void save(), 5_000);
      try {
        await recheck;
      } finally {
        clearInterval(resave);
      }
    } finally {
      await stop(child);
    }
  });
});
