import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { existsSync } from 'node:fs';
import { testRoutes } from './test/helpers/server-routes.js';

const executablePath =
  process.env.CHROME_PATH ?? ['/usr/bin/chromium', '/usr/lib/chromium/chromium'].find((p) => existsSync(p));

export default {
  // test/cli and test/node run in Node (npm run test:node), not in the browser.
  files: ['test/**/*.test.ts', '!test/cli/**', '!test/node/**'],
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' })],
  middleware: testRoutes,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
};
