/**
 * Fonts in chromium, for the web fonts' test and the benchmark: the fonts
 * chromium sees, chosen per launch through fontconfig (FONTCONFIG_FILE), so
 * that they can be the reader they mean to be whatever the machine has
 * installed: one with no Chinese font at all (CI's machines, and many Linux
 * desktops), or one with the open Noto SC fonts installed as system fonts;
 * and the font bytes a page downloads.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { createRequire } from 'node:module';
import path from 'node:path';
import { REPO_ROOT } from './paths.ts';
import { tempDir } from './temp-dir.ts';

/** The same TTFs the web fonts are made from, installed as local fonts. */
const LOCAL_CJK_FONTS = [
  '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
];

/**
 * A fontconfig file: the system's fonts plus `extraFonts`, or, with
 * `rejectCjk`, the system's fonts less every font that covers Chinese.
 * Pass it to chromium as FONTCONFIG_FILE.
 */
async function fontconfigFile(
  name: string,
  { extraFonts = [], rejectCjk = false }: { extraFonts?: readonly string[]; rejectCjk?: boolean },
): Promise<string> {
  const dir = await tempDir(`gazette-fontconfig-${name}-`);
  await mkdir(path.join(dir, 'fonts'));
  for (const font of extraFonts) await symlink(font, path.join(dir, 'fonts', path.basename(font)));
  const reject = `
  <selectfont>
    <rejectfont>
      <pattern><patelt name="lang"><string>zh-cn</string></patelt></pattern>
    </rejectfont>
  </selectfont>`;
  const conf = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${dir}/fonts</dir>
  <cachedir>${dir}/cache</cachedir>${rejectCjk ? reject : ''}
</fontconfig>
`;
  const file = path.join(dir, 'fonts.conf');
  await writeFile(file, conf);
  return file;
}

/** A reader whose machine has no Chinese font. */
export function withoutCjkFonts(): Promise<string> {
  return fontconfigFile('no-cjk', { rejectCjk: true });
}

/** A machine with these fonts of the project's packages (`@expo-google-fonts/…/X.ttf`) installed besides its own. */
export function withLocalFonts(fonts: readonly string[]): Promise<string> {
  const require = createRequire(path.join(REPO_ROOT, 'package.json'));
  return fontconfigFile('local-cjk', { extraFonts: fonts.map((font) => require.resolve(font)) });
}

/** A reader whose machine has Noto Sans SC and Noto Serif SC installed. */
export function withLocalCjkFonts(): Promise<string> {
  return withLocalFonts(LOCAL_CJK_FONTS);
}

/**
 * Opens `url` in a fresh context (empty cache) and returns the font bytes it
 * downloaded: response bodies, as sent (nginx does not compress fonts).
 */
export async function fontBytes(browser: Browser, url: string): Promise<{ bytes: number; files: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const sizes: Array<Promise<number>> = [];
  page.on('requestfinished', (request) => {
    if (request.resourceType() === 'font') sizes.push(request.sizes().then((size) => size.responseBodySize));
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.evaluate(() => document.fonts.ready);
  await page.waitForLoadState('networkidle');
  const bytes = (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
  await context.close();
  return { bytes, files: sizes.length };
}
