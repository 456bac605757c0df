/** Debian's Chromium through puppeteer-core, with the flags these machines need (see TOOLCHAIN.md). */
import puppeteer, { type Browser } from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium, HOW_TO_INSTALL } from '../../scripts/chromium.js';

export function chromiumPath(): string {
  const found = findChromium();
  if (!found) throw new Error(`Chromium not found.\n${HOW_TO_INSTALL}`);
  return found;
}

export function launch(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      ...CHROMIUM_ARGS,
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
