// Fails early, with instructions, when there is no Chromium for the browser tests.
import { existsSync } from 'node:fs';

const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/lib/chromium/chromium'].filter(Boolean);
if (!candidates.some((p) => existsSync(p))) {
  console.error(
    [
      'kdx: no Chromium found for the browser tests.',
      `Looked at: ${candidates.join(', ')}`,
      'Install Debian\'s Chromium:   sudo apt-get update && sudo apt-get install -y chromium',
      'or point CHROME_PATH at a Chrome/Chromium binary:   CHROME_PATH=/path/to/chrome npm test',
    ].join('\n'),
  );
  process.exit(1);
}
