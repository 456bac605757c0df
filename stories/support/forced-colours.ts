/**
 * Forced-colours stories (Windows contrast themes). A page cannot switch forced colours on by itself, so a story
 * alone would look like any other. `npm run build-storybook` therefore renders each story tagged
 * `forced-colors` in Chromium with forced colours emulated (DevTools protocol, scripts/storybook-smoke.mjs
 * `--shots-only`) and saves a picture, which the story shows above the live widgets, with how to see them live.
 */
import { html, type TemplateResult } from 'lit';

const hideMissing = (e: Event) => {
  // `storybook dev` has no pictures (only the build makes them): say so instead of a broken image.
  const figure = (e.target as HTMLElement).closest('figure');
  if (figure) figure.hidden = true;
  figure?.nextElementSibling?.removeAttribute('hidden');
};

export const forcedColours = (id: string, live: TemplateResult): TemplateResult =>
  html`<div class="story-forced">
    <p class="story-note">
      強制カラー（Windows のコントラスト テーマ）での表示です。下の画像は Storybook のビルド時に Chromium の
      forced-colors エミュレーションで描いたものです。実物で確かめるには Chrome DevTools → ⋮ → More tools → Rendering →
      「Emulate CSS media feature forced-colors」で <code>active</code> を選んでください。<br />
      With forced colours (Windows contrast themes). The picture below was rendered when this Storybook was built,
      by Chromium with <code>forced-colors: active</code> emulated. To see the live widgets that way: Chrome DevTools
      → ⋮ → More tools → Rendering → "Emulate CSS media feature forced-colors" → <code>active</code>.
    </p>
    <figure class="story-figure">
      <figcaption>forced-colors: active (Chromium, at build time)</figcaption>
      <img class="story-shot" src="forced-colors/${id}.png" @error=${hideMissing}
        alt="The widgets of this story as Chromium draws them with forced colours: system colours on a plain background." />
    </figure>
    <p class="story-note" hidden>
      No picture here: it is made by <code>npm run build-storybook</code>. Use the DevTools setting above.
    </p>
    <div class="story-live">${live}</div>
  </div>`;
