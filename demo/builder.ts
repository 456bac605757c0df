/**
 * The snippet builder for web staff: pick a bundle, plan, item, widget and options; see the widget; copy the
 * exact markup (the tag, each fallback form, the iframe form, the one-time template script with its SRI hash,
 * and a page to try them on). The markup comes from src/embed/markup.ts, checked by the same rules as the
 * upgrader, so what is copied is what will work. The widgets and their options come from the same table
 * (builder-options.ts). Japanese first: the page's Japanese is in builder.html; English in builder-text.ts.
 */
import { loadBundle } from '../src/data/load.js';
import { errorMessage, KdxError } from '../src/data/errors.js';
import { formatPercent, safeHref, text as textOf } from '../src/data/format.js';
import type { BundleModel, PlanModel, PlanNode } from '../src/data/model.js';
import { checkAttributes, fallbackHref, WIDGETS, type WidgetName, type WidgetSpec } from '../src/embed/fallback.js';
import { dataMarkup, embedUrl, iframeMarkup, linkMarkup, scriptMarkup, tagMarkup } from '../src/embed/markup.js';
import { loadDetail, loadMessages } from '../src/i18n/index.js';
import { FramePreview } from './builder-frame.js';
import { CHOICES, optionValues, renderOptions, renderWidgetChoices, showOptionsOf, widgetLabel } from './builder-options.js';
import { EN, MSG, type Lang } from './builder-text.js';

// The builder switches language at once, error messages included: English up front (widgets load it on demand).
await Promise.all([loadMessages('en'), loadDetail()]);

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>('form');
const input = (id: string) => $<HTMLInputElement>(id);
const JA = new Map([...document.querySelectorAll<HTMLElement>('[data-t]')].map((el) => [el, el.textContent ?? '']));
const say = (el: HTMLElement, lang: Lang) => (el.textContent = lang === 'ja' ? JA.get(el)! : (EN[el.dataset.t!] ?? JA.get(el)!));

let lang: Lang = 'ja';
let model: BundleModel | undefined;
let sri: { version: string; files: Record<string, string> } | undefined;
/** Whether staff typed their own fallback text (then it is not regenerated). */
let editedText = false;
const framePreview = new FramePreview($('frame-preview'), () => writeFrame());

function setLang(next: Lang) {
  lang = next;
  document.documentElement.lang = next;
  for (const el of JA.keys()) say(el, next);
  const toggle = $('lang-toggle');
  toggle.textContent = next === 'ja' ? 'English' : '日本語';
  toggle.lang = next === 'ja' ? 'en' : 'ja';
  document.title = `${next === 'ja' ? JA.get(document.querySelector('h1')!) : EN.title} — kdx widgets`;
  renderWidgetChoices($('widget-choices'), next);
  renderOptions($('options'), next);
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
    const loaded = (model = await loadBundle(input('bundle').value.trim()));
    showStatus((l) => MSG.loaded[l](loaded.plans.length));
  } catch (e) {
    model = undefined;
    showStatus((l) => (e instanceof KdxError ? errorMessage(e, l) : String(e)));
  }
  fillPlans();
  update();
}

const chosenPlan = () => form.querySelector<HTMLInputElement>('input[name="plan"]:checked')?.value;

function currentPlan(): PlanModel | undefined {
  const id = chosenPlan();
  return id ? model?.plan(id) : undefined;
}

/**
 * Plans as radio buttons: their titles wrap instead of being cut off in a narrow box. The one chosen stays;
 * at first, the first plan with progress data (whose widgets show figures), else the first.
 */
function fillPlans() {
  const box = $('plan-choices');
  const keep = [chosenPlan(), model?.plans.find((p) => p.root.progress)?.data.id, model?.plans[0]?.data.id].find((id) => id && model?.plan(id));
  box.replaceChildren(
    ...(model?.plans ?? []).map((p) => {
      const label = document.createElement('label');
      const radio = Object.assign(document.createElement('input'), { type: 'radio', name: 'plan', value: p.data.id, checked: p.data.id === keep });
      label.append(radio, ` ${textOf(p.data.title, lang)}（${p.data.id}）`);
      return label;
    }),
  );
  fillNodes();
}

function fillNodes() {
  const nodes: PlanNode[] = [];
  const walk = (n: PlanNode) => (nodes.push(n), n.children.forEach(walk));
  currentPlan()?.root.children.forEach(walk);
  $('node-list').replaceChildren(
    ...nodes.map((n) => Object.assign(document.createElement('option'), { value: n.id, label: `${n.data.number ? `${n.data.number} ` : ''}${textOf(n.title, lang)}` })),
  );
}

/** The node `value` names in `plan`: an id, or a title typed in full. */
function findNode(plan: PlanModel, value: string): PlanNode | undefined {
  const node = plan.byId.get(value) ?? [...plan.byId.values()].find((n) => textOf(n.title, 'ja') === value || textOf(n.title, 'en') === value);
  return node === plan.root ? undefined : node;
}

/** The node the input names; undefined = the plan itself. `elsewhere`: another plan that has it. */
function currentNode(plan: PlanModel | undefined) {
  const value = input('node').value.trim();
  if (!value || !plan) return { node: undefined, unknown: undefined, elsewhere: undefined };
  const node = findNode(plan, value);
  if (node) return { node, unknown: undefined, elsewhere: undefined };
  return { node: undefined, unknown: value, elsewhere: model?.plans.find((p) => p !== plan && findNode(p, value)) };
}

function widget(): WidgetName {
  return (form.querySelector<HTMLInputElement>('input[name="widget"]:checked')?.value ?? CHOICES[0]) as WidgetName;
}

function spec(plan: PlanModel | undefined, node: PlanNode | undefined): { spec: WidgetSpec; rejected: string[] } {
  const w = widget();
  const raw: [string, string][] = [['src', input('bundle').value.trim()]];
  if (plan) raw.push(['plan', plan.data.id]);
  if (node) raw.push(['node', node.id]);
  raw.push(...optionValues($('options'), w));
  if (input('wlang').value) raw.push(['lang', input('wlang').value]);
  // The upgrader's own rules: the builder never offers markup that would be cut down on the page.
  const checked = checkAttributes(w, raw);
  return { spec: { widget: w, attributes: checked.attributes }, rejected: checked.rejected.map((r) => `${r.name}="${r.value}"`) };
}

/**
 * The language of what the snippet says itself (fallback text, the iframe's title): the widget's, whatever the
 * builder is shown in; Japanese when the widget follows its page.
 */
const snippetLang = (): Lang => (input('wlang').value === 'en' ? 'en' : 'ja');

function titleOf(plan: PlanModel | undefined, node: PlanNode | undefined, l: Lang): string {
  const target = node ?? plan?.root;
  return target ? textOf(target.title, l) : '';
}

function defaultText(w: WidgetName, plan: PlanModel | undefined, node: PlanNode | undefined): string {
  const l = snippetLang();
  const title = titleOf(plan, node, l);
  if (!title) return '';
  const rate = (node ?? plan?.root)?.progress?.rateTenths;
  if (w === 'plan-tree') return MSG.structure[l](title);
  if ((w === 'progress' || w === 'chart') && rate != null) return MSG.achieved[l](title, formatPercent(rate, l));
  return title;
}

/** The state `update()` derived, for the iframe snippet (rewritten again when the frame's height is known). */
let frame = { url: '', title: '', width: 640 };

function update() {
  const plan = currentPlan();
  const { node, unknown, elsewhere } = currentNode(plan);
  const { spec: s, rejected } = spec(plan, node);
  showOptionsOf($('options'), s.widget);

  const hint = $('node-hint');
  const hints = [elsewhere ? MSG.otherPlan[lang](unknown!, textOf(elsewhere.data.title, lang)) : unknown ? MSG.unknownNode[lang](unknown) : '', rejected.length ? MSG.rejected[lang](rejected.join(', ')) : ''];
  hint.textContent = hints.filter(Boolean).join(' ') || (lang === 'ja' ? JA.get(hint)! : EN.nodeHint!);
  $('node-offer').hidden = !elsewhere;
  if (elsewhere) {
    const button = $<HTMLButtonElement>('switch-plan');
    button.textContent = MSG.switchPlan[lang](textOf(elsewhere.data.title, lang));
    button.dataset.plan = elsewhere.data.id;
  }

  const textField = input('text');
  if (!editedText) textField.value = defaultText(s.widget, plan, node);
  const text = textField.value;
  const suggestions = [node?.data.link, plan?.data.source?.url].filter((u): u is string => !!u && !!safeHref(u));
  $('page-list').replaceChildren(...suggestions.map((u) => Object.assign(document.createElement('option'), { value: u })));

  const base = input('base').value.trim() || '/dist/';
  const scripts = scriptMarkup(base, sri?.files);
  $('code-script').textContent = scripts.module;
  $('code-classic').textContent = scripts.classic;
  $('code-import-map').textContent = scripts.importMap;
  $('import-map-block').hidden = !scripts.importMap;
  $('sri-note').textContent = sri ? MSG.sri[lang](sri.version) : MSG.noSri[lang];
  $('code-tag').textContent = tagMarkup(s, text);
  $('code-data').textContent = dataMarkup(s, text);
  // The link form needs a page to open without JavaScript: one the staff give, never the data file.
  const page = input('page').value.trim();
  $('link-block').hidden = !page;
  $('link-missing').hidden = !!page;
  $('link-missing').textContent = MSG.noPage[lang];
  $('code-url').textContent = page ? fallbackHref(page, s) : '';
  $('code-link').textContent = page ? linkMarkup(page, s, text) : '';

  // The iframe's address is absolute: the iframe form is for pages anywhere, partner sites included.
  let absoluteBase: URL;
  try {
    absoluteBase = new URL(base, location.href);
  } catch {
    absoluteBase = new URL('/dist/', location.href);
  }
  const url = embedUrl(absoluteBase.href, s);
  const l = snippetLang();
  const title = MSG.frameTitle[l](titleOf(plan, node, l) || WIDGETS[s.widget].tag, widgetLabel(s.widget, l));
  frame = { url, title, width: Math.min(1600, Math.max(240, Number(input('width').value) || 640)) };
  // The preview: this server's built embed.html (wherever the snippet points), or its source before a build.
  framePreview.show(embedUrl(sri ? '/dist/' : '/src/embed/', s), frame.width, title);

  // The preview is the real widget, built with DOM calls (never from the markup string).
  const preview = document.createElement(WIDGETS[s.widget].tag);
  for (const [name, value] of Object.entries(s.attributes)) preview.setAttribute(name, value);
  preview.textContent = text;
  $('preview').replaceChildren(preview);

  tryForms = { scripts, forms: [tagMarkup(s, text), dataMarkup(s, text), page ? `<p>${linkMarkup(page, s, text)}</p>` : ''] };
  writeFrame();
}

/** What the page to try the snippets on holds besides the iframe. */
let tryForms: { scripts: ReturnType<typeof scriptMarkup>; forms: string[] } | undefined;

/**
 * The iframe snippet, with the height the preview measured, and the page to try everything on: rewritten
 * whenever the frame's height changes.
 */
function writeFrame() {
  const height = framePreview.measured;
  const iframe = iframeMarkup(frame.url, frame.title, height ?? 150);
  $('code-iframe').textContent = iframe;
  if (tryForms) $('code-try').textContent = tryPage(tryForms.scripts, [...tryForms.forms, iframe]);
  $('frame-note').textContent = height === undefined ? MSG.measuring[lang] : MSG.measured[lang](frame.width, height);
}

/** A whole page with the template script and every form: to save as demo/try.html and open from `npm start`. */
function tryPage(scripts: ReturnType<typeof scriptMarkup>, forms: string[]): string {
  const l = snippetLang();
  return [
    '<!doctype html>',
    `<html lang="${l}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<title>kdx</title>',
    ...[scripts.importMap, scripts.module].filter(Boolean),
    '</head>',
    '<body>',
    ...forms.filter(Boolean),
    '</body>',
    '</html>',
  ].join('\n');
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

/** Switches plan; keeps the item when the new plan has it. */
function choosePlan(id: string) {
  const radio = form.querySelector<HTMLInputElement>(`input[name="plan"][value="${CSS.escape(id)}"]`);
  if (radio) radio.checked = true;
  const plan = currentPlan();
  if (plan && !findNode(plan, input('node').value.trim())) input('node').value = '';
  fillNodes();
  editedText = false;
  update();
}

form.addEventListener('input', (e) => {
  const target = e.target as HTMLInputElement;
  if (target.id === 'text') editedText = target.value !== '';
  if (target.id === 'bundle') return; // loaded on the button or on change
  if (target.name === 'plan') return choosePlan(target.value);
  if (target.id === 'node' || target.name === 'widget' || target.id === 'wlang') editedText = false;
  update();
});
input('bundle').addEventListener('change', loadData);
$('load').addEventListener('click', loadData);
$('switch-plan').addEventListener('click', (e) => choosePlan((e.currentTarget as HTMLButtonElement).dataset.plan!));
form.addEventListener('submit', (e) => e.preventDefault());
document.addEventListener('click', (e) => {
  const button = (e.target as Element).closest<HTMLButtonElement>('button[data-copy]');
  if (button) void copy(button);
});
$('lang-toggle').addEventListener('click', () => setLang(lang === 'ja' ? 'en' : 'ja'));

renderWidgetChoices($('widget-choices'), lang);
renderOptions($('options'), lang);
fetch('/dist/sri.json', { cache: 'no-store' })
  .then((r) => (r.ok ? r.json() : undefined))
  .then((j: typeof sri) => ((sri = j), update()))
  .catch(() => {});
void loadData();
