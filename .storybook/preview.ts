import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
// The widgets, exactly as a page gets them: the one entry that defines every tag.
import '../src/kdx.js';
// custom-elements.json, generated from the components' JSDoc by `npm run analyze` (the storybook scripts run it
// first); read tolerantly so that the type check passes on a fresh clone where it does not exist yet.
import { manifest } from '../stories/support/manifest.js';
import './preview.css';

if (manifest) setCustomElementsManifest(manifest);
else console.warn('custom-elements.json is missing: run `npm run analyze` for the docs tables.');

/**
 * Every story sits in a frame that plays the host page: the toolbar's language as a `lang` attribute (widgets
 * follow the closest `lang` above them), the page background for the theme, a width, and any `--kdx-*` token
 * a designer sets in Controls, set on the frame as a page's stylesheet would (the widgets read them through
 * their shadow roots). The toolbar's theme becomes the widgets' `theme` argument unless a story sets its own.
 */
const withFrame: Decorator = (story, context) => {
  const { args, globals } = context;
  const theme = (typeof args.theme === 'string' && args.theme) || (globals.theme as string) || 'light';
  const tokens: Record<string, string> = {};
  for (const [name, value] of Object.entries(args)) {
    if (name.startsWith('--kdx-') && typeof value === 'string' && value.trim()) tokens[name] = value;
  }
  return html`<div
    class="kdx-frame"
    lang=${(globals.lang as string) || 'ja'}
    data-theme=${theme}
    data-width=${(globals.width as string) || 'auto'}
    style=${styleMap(tokens)}
  >
    ${story({ args: { ...args, theme } })}
  </div>`;
};

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withFrame],
  globalTypes: {
    lang: {
      description: 'Page language (the `lang` attribute widgets follow) / ページの言語',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'ja', title: '日本語 (ja)' },
          { value: 'en', title: 'English (en)' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Widget theme (the `theme` attribute) and page background / テーマ',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'auto', title: "Auto (the reader's system setting)" },
        ],
        dynamicTitle: true,
      },
    },
    width: {
      description: 'Width of the column the widgets sit in / 表示幅',
      toolbar: {
        title: 'Width',
        icon: 'mobile',
        items: [
          { value: 'auto', title: 'Full width' },
          { value: '320', title: '320 px (narrow phone)' },
          { value: '768', title: '768 px (tablet, CMS column)' },
          { value: '1200', title: '1200 px (wide)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'ja', theme: 'light', width: 'auto' },
  parameters: {
    layout: 'fullscreen',
    // The frame paints the page background for the theme; Storybook's own backgrounds would fight it.
    backgrounds: { disable: true },
    a11y: { test: 'error' },
    controls: { expanded: true },
    docs: { toc: true },
    options: {
      storySort: {
        order: ['Guides', ['Introduction', 'Plan page'], 'Widgets', ['kdx-plan', 'kdx-plan-overview', 'kdx-progress', 'kdx-initiative-card', 'kdx-plan-tree', 'kdx-chart']],
      },
    },
  },
};

export default preview;
