// Where Chromium is and the flags it needs on these machines (root, no network but the registries), for every tool
// that starts it: web-test-runner, the Storybook smoke test, the package test and the benchmarks.
import { existsSync } from 'node:fs';

const CANDIDATES = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/lib/chromium/chromium'];

/** CHROME_PATH, else Debian's Chromium; undefined when there is none. */
export function findChromium() {
  return CANDIDATES.find((p) => p && existsSync(p));
}

export const HOW_TO_INSTALL = [
  `Looked at: ${CANDIDATES.filter(Boolean).join(', ')}`,
  "Install Debian's Chromium:   sudo apt-get update && sudo apt-get install -y chromium",
  'or point CHROME_PATH at a Chrome/Chromium binary:   CHROME_PATH=/path/to/chrome npm test',
].join('\n');

/**
 * As root Chromium needs --no-sandbox; without the background-networking flags it keeps trying to reach Google's
 * hosts, which this network refuses.
 */
export const CHROMIUM_ARGS = [
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
