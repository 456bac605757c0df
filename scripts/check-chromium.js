// Fails early, with instructions, when there is no Chromium for the browser tests.
import { findChromium, HOW_TO_INSTALL } from './chromium.js';

if (!findChromium()) {
  console.error(`kdx: no Chromium found for the browser tests.\n${HOW_TO_INSTALL}`);
  process.exit(1);
}
