import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.js';
import { frameCommand } from './test/helpers/frame-command.js';
import { testRoutes } from './test/helpers/server-routes.js';

const executablePath = findChromium();

export default {
  // test/cli and test/node run in Node (npm run test:node), not in the browser.
  files: ['test/**/*.test.ts', '!test/cli/**', '!test/node/**'],
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), frameCommand()],
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
        args: CHROMIUM_ARGS,
      },
    }),
  ],
};
