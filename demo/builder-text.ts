/**
 * The snippet builder's own words. The page's Japanese is in builder.html (each element with `data-t`); the
 * English here. Widgets and their attributes get their names from the tables below, keyed like
 * `src/embed/fallback.ts`: a widget or attribute added there and not named here still shows, by its own name.
 */
export type Lang = 'ja' | 'en';
type Both = { ja: string; en: string };

export const EN: Record<string, string> = {
  title: 'Build embed code',
  intro: 'Choose an item and a widget to get the code to paste into your CMS. The script goes into the site template once; the page text only carries the tag (or one of its fallback forms).',
  back: 'Back to the demo',
  guide: 'Embedding guide',
  data: 'Data',
  bundle: 'Plan data URL',
  load: 'Load',
  plan: 'Plan',
  node: 'Item',
  nodeHint: 'Type part of an id or title for suggestions. Leave empty for the whole plan.',
  widget: 'Widget',
  options: 'Display',
  lang: 'Language (lang)',
  'l.page': 'Follow the page',
  fallback: 'Without JavaScript, and where the code goes',
  text: 'Fallback text',
  textHint: 'Shown until the script runs, or where it cannot; in the widget’s language (Japanese when it follows the page). Made from the data; you may edit it.',
  page: 'Link target (link form)',
  pageHint: 'The page the link opens when JavaScript is off, such as the plan’s page on your site.',
  base: 'Where the scripts are served (URL of dist/)',
  baseHint: 'Where you publish dist/ as built, e.g. https://example.jp/kdx/. With npm start, /dist/ is the built dist/ (npm run build first).',
  width: 'Width of the iframe form (px)',
  widthHint: 'The width of the column where the iframe goes: its height is measured on the widget at this width.',
  preview: 'Preview',
  framePreview: 'The iframe form at the chosen width',
  code: 'Code to copy',
  's.script': '1. In the site template, once',
  's.scriptHint': 'Put it in <head> or at the end of the page, never in the editor’s text (TinyMCE and CKEditor 5 both delete scripts).',
  's.classic': 'For a CMS that cannot use type="module", use this classic script instead.',
  's.importMap': 'When you pin the scripts with integrity, pin the chunks (the files kdx.js loads later) with this import map too. Put it before the script (under a strict CSP, add its hash to script-src).',
  copyImportMap: 'Copy the import map',
  copy: 'Copy',
  copyClassic: 'Copy the classic version',
  's.tag': '2. The tag (where HTML is saved as written)',
  's.tagHint': 'For templates, HTML blocks, and CMSs whose source view keeps what you paste.',
  's.data': '3. data-kdx form (TinyMCE and similar)',
  's.dataHint': 'For editors that delete unknown tags but keep a div with data-* attributes. Paste it in the source code view.',
  's.link': '4. Link form (CKEditor 5, CKEditor 4 and similar)',
  's.linkHint': 'For editors that keep only links. Select the text, insert a link, paste this URL. Without JavaScript it is an ordinary link.',
  copyUrl: 'Copy the URL',
  copyHtml: 'Copy the HTML',
  's.iframe': '5. iframe form (no script needed; for editors that keep iframes)',
  's.iframeHint': 'For sites whose template you cannot change: the widget in a frame of embed.html from dist/. Without the kdx script the frame keeps the height below; on a page with it, the frame takes its content’s height. TinyMCE 7 and later sandbox iframes by default: add embed.html’s host to sandbox_iframes_exclusions (embedding guide §4.5).',
  's.try': 'Try it locally',
  's.tryHint': 'Run npm run build, then npm start. Save this page as demo/try.html (git ignores it) and open http://localhost:5173/demo/try.html: npm start serves dist/ at /dist/ exactly as built, so integrity hashes hold. It has the template script and every form above.',
};

export const MSG = {
  loading: { ja: '読み込み中…', en: 'Loading…' },
  loaded: { ja: (n: number) => `${n} 件の計画を読み込みました。`, en: (n: number) => `Loaded ${n} plan(s).` },
  unknownNode: { ja: (v: string) => `「${v}」という項目はこの計画にありません。計画全体を表示します。`, en: (v: string) => `There is no item “${v}” in this plan; showing the whole plan.` },
  otherPlan: { ja: (v: string, plan: string) => `「${v}」は「${plan}」の項目です。`, en: (v: string, plan: string) => `“${v}” is an item of “${plan}”.` },
  switchPlan: { ja: (plan: string) => `「${plan}」に切り替える`, en: (plan: string) => `Switch to “${plan}”` },
  rejected: { ja: (v: string) => `使えない値を除きました：${v}`, en: (v: string) => `Left out invalid values: ${v}` },
  copied: { ja: (what: string) => `コピーしました：${what}`, en: (what: string) => `Copied: ${what}` },
  selected: { ja: 'コピーできなかったため、コードを選択しました。Ctrl+C（⌘C）でコピーしてください。', en: 'Could not copy; the code is selected. Press Ctrl+C (⌘C) to copy it.' },
  sri: { ja: (v: string) => `integrity は dist/sri.json（kdx ${v}）のハッシュです。ファイルを更新したら作り直してください。`, en: (v: string) => `The integrity hashes come from dist/sri.json (kdx ${v}); rebuild the snippet when the files change.` },
  noSri: { ja: 'integrity（SRI ハッシュ）を入れるには、npm run build を実行してから開き直してください。', en: 'To include integrity (SRI) hashes, run npm run build and reload.' },
  noPage: {
    ja: 'リンク先のページの URL を入れると、リンク形式のコードができます（JavaScript がないときに開くページです。プランデータの URL ではありません）。',
    en: 'Give the link target’s URL to get the link form (the page it opens without JavaScript; not the plan data URL).',
  },
  measuring: { ja: '高さを測っています…', en: 'Measuring the height…' },
  measured: { ja: (w: number, h: number) => `幅 ${w}px での高さ ${h}px を、実際に表示したウィジェットで測りました。`, en: (w: number, h: number) => `Height ${h} px, measured on the widget as shown at ${w} px.` },
  achieved: { ja: (t: string, p: string) => `${t}：達成率 ${p}`, en: (t: string, p: string) => `${t}: ${p} achieved` },
  structure: { ja: (t: string) => `${t}の構成`, en: (t: string) => `Structure of ${t}` },
  frameTitle: { ja: (t: string, w: string) => `${t}（${w}）`, en: (t: string, w: string) => `${t} (${w})` },
  byDefault: { ja: (v: string) => `標準（${v}）`, en: (v: string) => `Default (${v})` },
  noDefault: { ja: '指定しない', en: 'Not set' },
};

export const WIDGET_LABELS: Record<string, Both> = {
  progress: { ja: '進捗メーター', en: 'Progress meter' },
  'initiative-card': { ja: '取組カード', en: 'Initiative card' },
  'plan-tree': { ja: '計画の構成ツリー', en: 'Plan tree' },
  chart: { ja: 'グラフ', en: 'Chart' },
  'plan-overview': { ja: '計画の概要', en: 'Plan overview' },
};

/**
 * Attributes' names, and the value the widget takes when the attribute is left out (`defaultText` where it
 * differs between the widgets that have the attribute).
 */
export const ATTRIBUTE_LABELS: Record<string, Both & { default?: string; defaultText?: Both }> = {
  variant: { ja: '形', en: 'Shape', default: 'bar' },
  breakdown: { ja: '状況別の件数も表示', en: 'Also show counts by status' },
  type: { ja: 'グラフの種類', en: 'Chart type', default: 'bar' },
  'heading-level': { ja: '見出しレベル', en: 'Heading level', defaultText: { ja: '取組カードは 3、計画の概要は 2', en: 'card 3, plan overview 2' } },
  'expand-depth': { ja: '最初に開く階層', en: 'Levels open at first', default: '1' },
  'link-hash': { ja: '選択をアドレスの # に反映（iframe 形式では使いません）', en: 'Reflect the selection in the address # (not in the iframe form)' },
  theme: { ja: '配色', en: 'Colours', default: 'light' },
};

export const VALUE_LABELS: Record<string, Record<string, Both>> = {
  variant: { bar: { ja: '横棒', en: 'Bar' }, ring: { ja: 'リング', en: 'Ring' }, inline: { ja: '文中', en: 'In running text' } },
  type: {
    bar: { ja: '下位項目の達成率', en: 'Rates of the sub-items' },
    doughnut: { ja: '達成・未達成の内訳', en: 'Achieved / not achieved' },
    line: { ja: '年度ごとの推移', en: 'By fiscal year' },
  },
  theme: { light: { ja: 'ライト', en: 'Light' }, dark: { ja: 'ダーク', en: 'Dark' }, auto: { ja: '閲覧者の設定に合わせる', en: 'Follow the reader’s setting' } },
};

/** `label（name）`: the attribute's name always shows, as staff will meet it in the code. */
export const named = (label: string | undefined, name: string, lang: Lang): string => (label ? (lang === 'ja' ? `${label}（${name}）` : `${label} (${name})`) : name);
