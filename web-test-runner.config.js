import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.js';
import { frameCommand } from './test/helpers/frame-command.js';
import { papaparseAsModule } from './test/helpers/commonjs.js';
import { testRoutes } from './test/helpers/server-routes.js';

const executablePath = findChromium();

/**
 * `executeServerCommand('kdx-media', { media, features })`: print media and forced colours through the DevTools
 * protocol (puppeteer's own emulation refuses `forced-colors`). Nothing passed: back to the screen, no features.
 * `executeServerCommand('kdx-front')`: brings the test's page to the front. Two test files run at once, and the
 * page behind gets no frames: tests of what happens as the reader scrolls need them.
 */
const sessions = new WeakMap(); // one DevTools session per page: emulation ends with the session that set it
const mediaCommand = {
  name: 'kdx-media',
  async executeCommand({ command, payload, session }) {
    if (command !== 'kdx-media' && command !== 'kdx-front') return undefined;
    const page = session.browser.getPage(session.id);
    if (command === 'kdx-front') {
      await page.bringToFront();
      return true;
    }
    if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
    await sessions.get(page).send('Emulation.setEmulatedMedia', { media: payload?.media ?? '', features: payload?.features ?? [] });
    return true;
  },
};

export default {
  // test/cli and test/node run in Node (npm run test:node), not in the browser.
  files: ['test/**/*.test.ts', '!test/cli/**', '!test/node/**'],
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), frameCommand(), mediaCommand, papaparseAsModule, a11ySnapshotPlugin()],
  middleware: testRoutes,
  browsers: [
    chromeLauncher({
      // Each test file in a window of its own: in a background tab of a shared window a page is hidden, and
      // Chromium neither lays it out nor runs its animation frames or ResizeObservers (with concurrency 2, one
      // test file in two would wait for ever on anything that measures).
      createPage: ({ context }) => context.newPage({ type: 'window' }),
      launchOptions: {
        executablePath,
        headless: true,
        // Two test files at once, one page in front (see kdx-front): the other must keep its timers and frames.
        args: [...CHROMIUM_ARGS, '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows'],
      },
    }),
  ],
};
