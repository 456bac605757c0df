import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Storybook for designers, on the real data: one story file per widget in stories/, docs pages generated from
 * custom-elements.json (`npm run analyze`, run first by the storybook scripts), the Kanazawa bundle and the
 * fixtures served from seeds/ exactly as a city's site would serve them.
 */
const config: StorybookConfig = {
  framework: {
    name: '@storybook/web-components-vite',
    // Not the project's vite.config.ts: that one is for the library builds and the demo site.
    options: { builder: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  staticDirs: [
    { from: '../seeds', to: '/seeds' },
    // Story-only files a real site might wrongly serve (an HTML error page with status 200).
    { from: '../stories/fixtures', to: '/fixtures' },
  ],
  core: {
    // CI and these machines are offline: no telemetry, no update checks.
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
  },
};

export default config;
