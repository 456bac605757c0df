/** Debian's Chromium through puppeteer-core, with the flags these machines need (see TOOLCHAIN.md). */
import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';

export function chromiumPath(): string {
  const found = [process.env.CHROME_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => p && existsSync(p));
  if (!found) throw new Error('Chromium not found: install it (apt-get install chromium) or set CHROME_PATH.');
  return found;
}

export function launch(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-extensions',
      // Timers and frames of pages in the background must not be throttled.
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
      '--enable-precise-memory-info',
    ],
    defaultViewport: { width: 1280, height: 900 },
  });
}
