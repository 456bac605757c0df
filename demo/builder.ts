/**
 * The snippet builder for web staff: pick a bundle, plan, node, widget and options; see the widget; copy the
 * exact markup (the tag, each fallback form, the one-time template script with its SRI hash). The markup comes
 * from src/embed/markup.ts, checked by the same rules as the upgrader, so what is copied is what will work.
 * Japanese first: the page's Japanese is in builder.html; English below.
 */
import { loadBundle } from '../src/data/load.js';
import { errorMessage, KdxError } from '../src/data/errors.js';
import { formatPercent, text as textOf } from '../src/data/format.js';
import type { BundleModel, PlanModel, PlanNode } from '../src/data/model.js';
import { checkAttributes, fallbackHref, WIDGETS, type WidgetName, type WidgetSpec } from '../src/embed/fallback.js';
import { dataMarkup, linkMarkup, scriptMarkup, tagMarkup } from '../src/embed/markup.js';
import { loadMessages } from '../src/i18n/index.js';

// The builder switches language at once, error messages included: English up front (widgets load it on demand).
await loadMessages('en');

type Lang = 'ja' | 'en';

const EN: Record<string, string> = {
  title: 'Build embed code',
  intro: 'Choose an item and a widget to get the code to paste into your CMS. The script goes into the site template once; the page text only carries the tag (or one of its fallback forms).',
  back: 'Back to the demo',
  guide: 'Embedding guide (docs/embedding.md)',
  data: 'Data',
  bundle: 'Plan data URL',
  load: 'Load',
  plan: 'Plan',
  node: 'Item',
  nodeHint: 'Type part of an id or title for suggestions. Leave empty for the whole plan.',
  widget: 'Widget',
  'w.progress': 'Progress meter',
  'w.card': 'Initiative card',
  'w.tree': 'Plan tree',
  'w.chart': 'Chart',
  options: 'Display',
  variant: 'Shape (variant)',
  'v.bar': 'Bar',
  'v.ring': 'Ring',
  'v.inline': 'In running text (inline)',
  breakdown: 'Also show counts by status (breakdown)',
  type: 'Chart type (type)',
  't.bar': 'Rates of the sub-items (bar)',
  't.doughnut': 'Achieved / not achieved (doughnut)',
  't.line': 'By fiscal year (line)',
  headingLevel: 'Heading level (heading-level)',
  expandDepth: 'Levels open at first (expand-depth)',
  linkHash: 'Reflect the selection in the address # (link-hash)',
  lang: 'Language (lang)',
  'l.page': 'Follow the page',
  theme: 'Colours (theme)',
  'th.default': 'Default (light)',
  'th.dark': 'Dark',
  'th.auto': "Follow the reader's setting (auto)",
  fallback: 'Without JavaScript',
  text: 'Fallback text',
  textHint: 'Shown until the script runs, or where it cannot. Made from the data; you may edit it.',
  page: 'Link target (link form)',
  pageHint: 'In the link form this is an ordinary link to this page when JavaScript is off: give the plan’s web page.',
  base: 'Where the scripts are served (URL of dist/)',
  preview: 'Preview',
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
  's.link': '4. Link form (CKEditor 5 and similar)',
  's.linkHint': 'For editors that keep only links. Select the text, insert a link, paste this URL. Without JavaScript it is an ordinary link.',
  copyUrl: 'Copy the URL',
  copyHtml: 'Copy the HTML',
};

const MSG = {
  loading: { ja: '読み込み中…', en: 'Loading…' },
  loaded: { ja: (n: number) => `${n} 件の計画を読み込みました。`, en: (n: number) => `Loaded ${n} plan(s).` },
  unknownNode: { ja: (v: string) => `「${v}」という項目はこの計画にありません。計画全体を表示します。`, en: (v: string) => `There is no item “${v}” in this plan; showing the whole plan.` },
  rejected: { ja: (v: string) => `使えない値を除きました：${v}`, en: (v: string) => `Left out invalid values: ${v}` },
  copied: { ja: (what: string) => `コピーしました：${what}`, en: (what: string) => `Copied: ${what}` },
  selected: { ja: 'コピーできなかったため、コードを選択しました。Ctrl+C（⌘C）でコピーしてください。', en: 'Could not copy; the code is selected. Press Ctrl+C (⌘C) to copy it.' },
  sri: { ja: (v: string) => `integrity は dist/sri.json（kdx ${v}）のハッシュです。ファイルを更新したら作り直してください。`, en: (v: string) => `The integrity hashes come from dist/sri.json (kdx ${v}); rebuild the snippet when the files change.` },
  noSri: { ja: 'integrity（SRI ハッシュ）を入れるには、npm run build を実行してから開き直してください。', en: 'To include integrity (SRI) hashes, run npm run build and reload.' },
  noPage: { ja: 'リンク先が未指定のため、プランデータの URL にしています。計画のページを指定してください。', en: 'No link target: using the plan data URL. Give the plan’s web page.' },
  achieved: { ja: (t: string, p: string) => `${t}：達成率 ${p}`, en: (t: string, p: string) => `${t}: ${p} achieved` },
  structure: { ja: (t: string) => `${t}の構成`, en: (t: string) => `Structure of ${t}` },
};

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>('form');
const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;
const JA = new Map([...document.querySelectorAll<HTMLElement>('[data-t]')].map((el) => [el, el.textContent ?? '']));

let lang: Lang = 'ja';
let model: BundleModel | undefined;
let sri: { version: string; files: Record<string, string> } | undefined;
/** Whether staff typed their own fallback text / link target (then it is not regenerated). */
const edited = { text: false, page: false };

function setLang(next: Lang) {
  lang = next;
  document.documentElement.lang = next;
  for (const [el, ja] of JA) el.textContent = next === 'ja' ? ja : (EN[el.dataset.t!] ?? ja);
  const toggle = $('lang-toggle');
  toggle.textContent = next === 'ja' ? 'English' : '日本語';
  toggle.lang = next === 'ja' ? 'en' : 'ja';
  document.title = `${next === 'ja' ? JA.get(document.querySelector('h1')!) : EN.title} — kdx widgets`;
  showStatus(status);
  fillPlans();
  update();
}

/** The bundle status, kept as a function of the language so that switching language rewrites it. */
let status: (l: Lang) => string = () => '';
const showStatus = (next: typeof status) => ((status = next), ($('bundle-status').textContent = next(lang)));

async function loadData() {
  showStatus((l) => MSG.loading[l]);
  try {
    const loaded = (model = await loadBundle(field('bundle').value.trim()));
    showStatus((l) => MSG.loaded[l](loaded.plans.length));
  } catch (e) {
    model = undefined;
    showStatus((l) => (e instanceof KdxError ? errorMessage(e, l) : String(e)));
  }
  fillPlans();
  update();
}

function currentPlan(): PlanModel | undefined {
  return model?.plan(field('plan').value || undefined);
}

function fillPlans() {
  const select = field('plan') as HTMLSelectElement;
  const keep = select.value;
  select.replaceChildren(...(model?.plans ?? []).map((p) => new Option(`${textOf(p.data.title, lang)}（${p.data.id}）`, p.data.id)));
  if (keep && [...select.options].some((o) => o.value === keep)) select.value = keep;
  fillNodes();
}

function fillNodes() {
  const list = $('node-list');
  const nodes: PlanNode[] = [];
  const walk = (n: PlanNode) => (nodes.push(n), n.children.forEach(walk));
  currentPlan()?.root.children.forEach(walk);
  list.replaceChildren(
    ...nodes.map((n) => {
      const o = document.createElement('option');
      o.value = n.id;
      o.label = `${n.data.number ? `${n.data.number} ` : ''}${textOf(n.title, lang)}`;
      return o;
    }),
  );
}

/** The node the input names: an id, or a title typed in full; undefined = the plan itself. */
function currentNode(plan: PlanModel | undefined): { node: PlanNode | undefined; unknown: string | undefined } {
  const value = field('node').value.trim();
  if (!value || !plan) return { node: undefined, unknown: undefined };
  const node = plan.byId.get(value) ?? [...plan.byId.values()].find((n) => textOf(n.title, 'ja') === value || textOf(n.title, 'en') === value);
  return node && node !== plan.root ? { node, unknown: undefined } : { node: undefined, unknown: value };
}

function spec(plan: PlanModel | undefined, node: PlanNode | undefined): { spec: WidgetSpec; rejected: string[] } {
  const widget = (form.querySelector<HTMLInputElement>('input[name="widget"]:checked')?.value ?? 'progress') as WidgetName;
  const raw: [string, string][] = [['src', field('bundle').value.trim()]];
  if (plan) raw.push(['plan', plan.data.id]);
  if (node) raw.push(['node', node.id]);
  const option = (name: string, fallback: string) => {
    const el = field(name);
    if (el instanceof HTMLInputElement && el.type === 'checkbox') {
      if (el.checked) raw.push([name, '']);
    } else if (el.value !== fallback) raw.push([name, el.value]);
  };
  if (widget === 'progress') (option('variant', 'bar'), option('breakdown', ''));
  if (widget === 'chart') option('type', 'bar');
  if (widget === 'initiative-card') option('heading-level', '3');
  if (widget === 'plan-tree') (option('expand-depth', '1'), option('link-hash', ''));
  option('lang', '');
  option('theme', '');
  // The upgrader's own rules: the builder never offers markup that would be cut down on the page.
  const checked = checkAttributes(widget, raw);
  return { spec: { widget, attributes: checked.attributes }, rejected: checked.rejected.map((r) => `${r.name}="${r.value}"`) };
}

function defaultText(widget: WidgetName, plan: PlanModel | undefined, node: PlanNode | undefined): string {
  const target = node ?? plan?.root;
  if (!target) return '';
  const l = (field('lang').value as Lang) || lang;
  const title = textOf(target.title, l);
  const rate = target.progress?.rateTenths;
  if (widget === 'plan-tree') return MSG.structure[l](title);
  if ((widget === 'progress' || widget === 'chart') && rate != null) return MSG.achieved[l](title, formatPercent(rate, l));
  return title;
}

function update() {
  const plan = currentPlan();
  const { node, unknown } = currentNode(plan);
  const { spec: s, rejected } = spec(plan, node);
  for (const el of form.querySelectorAll<HTMLElement>('[data-for]')) el.hidden = el.dataset.for !== s.widget;

  const hint = $('node-hint');
  const hints = [unknown ? MSG.unknownNode[lang](unknown) : '', rejected.length ? MSG.rejected[lang](rejected.join(', ')) : ''].filter(Boolean);
  hint.textContent = hints.join(' ') || (lang === 'ja' ? JA.get(hint)! : EN.nodeHint!);

  const textInput = field('text') as HTMLInputElement;
  if (!edited.text) textInput.value = defaultText(s.widget, plan, node);
  const pageInput = field('page') as HTMLInputElement;
  const suggested = node?.data.link ?? plan?.data.source?.url ?? '';
  if (!edited.page) pageInput.value = suggested;
  const page = pageInput.value.trim() || (model?.url ?? field('bundle').value.trim());
  $('page-hint').textContent = pageInput.value.trim() ? (lang === 'ja' ? JA.get($('page-hint'))! : EN.pageHint!) : MSG.noPage[lang];

  const text = textInput.value;
  const scripts = scriptMarkup(field('base').value.trim() || '/kdx/', sri?.files);
  $('code-script').textContent = scripts.module;
  $('code-classic').textContent = scripts.classic;
  $('code-import-map').textContent = scripts.importMap;
  $('import-map-block').hidden = !scripts.importMap;
  $('sri-note').textContent = sri ? MSG.sri[lang](sri.version) : MSG.noSri[lang];
  $('code-tag').textContent = tagMarkup(s, text);
  $('code-data').textContent = dataMarkup(s, text);
  $('code-url').textContent = fallbackHref(page, s);
  $('code-link').textContent = linkMarkup(page, s, text);

  // The preview is the real widget, built with DOM calls (never from the markup string).
  const widget = document.createElement(WIDGETS[s.widget].tag);
  for (const [name, value] of Object.entries(s.attributes)) widget.setAttribute(name, value);
  widget.textContent = text;
  $('preview').replaceChildren(widget);
}

async function copy(button: HTMLButtonElement) {
  const code = $(button.dataset.copy!);
  const heading = button.closest('.snippet')?.querySelector('h3')?.textContent ?? '';
  try {
    await navigator.clipboard.writeText(code.textContent ?? '');
    $('live').textContent = MSG.copied[lang](`${heading} — ${button.textContent}`);
  } catch {
    const range = document.createRange();
    range.selectNodeContents(code);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    $('live').textContent = MSG.selected[lang];
  }
}

form.addEventListener('input', (e) => {
  const target = e.target as HTMLElement;
  if (target.id === 'text') edited.text = (target as HTMLInputElement).value !== '';
  if (target.id === 'page') edited.page = (target as HTMLInputElement).value !== '';
  if (target.id === 'bundle') return; // loaded on the button or on change
  if (target.id === 'plan') ((field('node').value = ''), fillNodes());
  if (target.id === 'node' || target.id === 'plan' || (target as HTMLInputElement).name === 'widget') edited.text = false;
  update();
});
field('bundle').addEventListener('change', loadData);
$('load').addEventListener('click', loadData);
form.addEventListener('submit', (e) => e.preventDefault());
document.addEventListener('click', (e) => {
  const button = (e.target as Element).closest<HTMLButtonElement>('button[data-copy]');
  if (button) void copy(button);
});
$('lang-toggle').addEventListener('click', () => setLang(lang === 'ja' ? 'en' : 'ja'));

fetch('/dist/sri.json', { cache: 'no-store' })
  .then((r) => (r.ok ? r.json() : undefined))
  .then((j: typeof sri) => ((sri = j), update()))
  .catch(() => {});
void loadData();
