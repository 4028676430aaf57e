/**
 * Debian's chromium driven by playwright-core. No browser download: the
 * executable comes from `apt-get install chromium`.
 */
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** `fontconfig`: a FONTCONFIG_FILE choosing the fonts chromium sees (tests/helpers/fonts.ts). */
export function launchChromium(options: { fontconfig?: string } = {}): Promise<Browser> {
  const env = options.fontconfig ? { ...process.env, FONTCONFIG_FILE: options.fontconfig } : undefined;
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, ...(env ? { env } : {}) });
}

/** True for URLs that stay on this machine. */
export function isLocal(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return true;
  const { hostname } = new URL(url);
  return hostname === 'localhost' || hostname === '[::1]' || hostname.startsWith('127.');
}

/** Records every request a page makes that leaves the machine. */
export function recordExternalRequests(page: Page): string[] {
  const external: string[] = [];
  page.on('request', (request) => {
    if (!isLocal(request.url())) external.push(request.url());
  });
  return external;
}
