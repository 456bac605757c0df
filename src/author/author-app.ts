import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import { loadDetail, loadMessages, toLang, type Lang } from '../i18n/index.js';
import { authorStyles } from './author.styles.js';
import { planFromFiles } from './choose-plan.js';
import { kindOf, openBundleText, openBundleUrl, openSheet, readBytes, type OpenProblem } from './open-files.js';
import { saveFiles, withCsv, type SaveFiles } from './save-files.js';
import { compute, EMPTY_EDITS, withEdit, withoutEdits, type Outcome, type Session } from './session.js';
import { renderPage, type Opening, type Stage } from './author-views.js';
import type { KdxAuthorPreview, PreviewWidth } from './author-preview.js';

/** Marks for `npm run bench` (bench/author.ts): opening, checking and previewing a spreadsheet. */
const mark = (name: string) => performance.mark(`kdx-author:${name}`);
/** After the next frame (so that progress shows), or a moment later in a hidden tab, which draws no frames. */
const frame = () =>
  new Promise<void>((r) => {
    requestAnimationFrame(() => setTimeout(r));
    setTimeout(r, 100);
  });

/**
 * @summary The authoring page (author.html): open the published bundle and a spreadsheet, check, edit in place,
 *   preview, see what changes on the site, save. Everything happens in this browser tab.
 * @tag kdx-author
 */
export class KdxAuthor extends LitElement {
  static override styles = authorStyles;

  static override properties: PropertyDeclarations = {
    language: { state: true },
    session: { state: true },
    outcome: { state: true },
    bundleOpening: { state: true },
    sheetOpening: { state: true },
    selected: { state: true },
    width: { state: true },
    files: { state: true },
    computing: { state: true },
  };

  language: Lang = toLang(document.documentElement.lang);
  session: Session = { planId: undefined, newPlan: { id: '', title: '', from: '', to: '', publisher: '' }, edits: EMPTY_EDITS };
  outcome: Outcome = { status: 'empty' };
  bundleOpening: Opening = { status: 'none' };
  sheetOpening: Opening = { status: 'none' };
  selected: string | undefined;
  width: PreviewWidth = 'desktop';
  files: SaveFiles = {};
  computing = false;

  private pending: ReturnType<typeof setTimeout> | undefined;
  private runs = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    void loadMessages(this.language);
    // Staff meet problems on this page all the time: their wording, at once.
    void loadDetail().then(() => this.requestUpdate());
    // A link may name the published bundle: author.html?src=/data/kanazawa.json (this site's only).
    const src = new URLSearchParams(location.search).get('src');
    if (src) void this.openUrl(src);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.pending);
    saveFiles(undefined, this.files);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('outcome')) return;
    this.files = saveFiles(undefined, this.files);
    const { outcome, session } = this;
    if (outcome.status !== 'ok') return;
    // The files once the preview is drawn (or within a second; a 10,000-row plan takes a moment to write, and is
    // not needed to see the result), unless the outcome has changed since: the bundle, then the spreadsheet.
    const later = (make: () => void) => requestIdleCallback(() => this.outcome === outcome && make(), { timeout: 1000 });
    later(() => {
      this.files = saveFiles(outcome, this.files, session.base);
      later(() => (this.files = withCsv(outcome, this.files)));
    });
  }

  protected override render() {
    return renderPage(this);
  }

  // ---- Actions (called by the views). ----

  async setLang(lang: Lang): Promise<void> {
    await loadMessages(lang).catch(() => undefined);
    document.documentElement.lang = lang;
    this.language = lang;
  }

  /**
   * Any change of the session: the outcome is computed again (at once, or after typing pauses). From this moment
   * the outcome on screen is no longer the session's: `computing` holds the download links back until it is.
   */
  change(patch: Partial<Session>, delay = 0): Promise<void> {
    this.session = { ...this.session, ...patch };
    clearTimeout(this.pending);
    const run = ++this.runs; // a check under way is of an older session
    this.computing = true;
    if (!delay) return this.recompute(run);
    this.pending = setTimeout(() => void this.recompute(run), delay);
    return Promise.resolve();
  }

  private async recompute(run: number): Promise<void> {
    await frame(); // let the progress show before the work
    if (run !== this.runs) return; // a later change computes instead
    this.outcome = compute(this.session);
    this.computing = false;
    mark('checked');
  }

  edit(item: string | undefined, field: string, raw: string, delay = 0): void {
    void this.change({ edits: withEdit(this.session.edits, item, field, raw) }, delay);
  }

  undo(item: string | undefined): void {
    void this.change({ edits: withoutEdits(this.session.edits, item) });
  }

  select(id: string | undefined): void {
    this.selected = id;
  }

  /** Files from the pickers or a drop: each goes where its kind says. */
  async openFiles(files: Iterable<File>): Promise<void> {
    for (const file of files) {
      const kind = kindOf(file);
      if (kind === 'bundle') await this.openBundleFile(file);
      else if (kind) await this.openSheetFile(file, kind);
      else this.sheetOpening = { status: 'error', problem: { kind: 'page', key: 'unknownType', param: file.name } };
    }
  }

  async openBundleFile(file: File): Promise<void> {
    // `file.text()` reports no progress: the bar says only that it is reading (total 0: no value).
    this.bundleOpening = { status: 'reading', name: file.name, done: 0, total: 0, stage: 'read' };
    const opened = openBundleText(file.name, await file.text());
    await this.bundleOpened(opened.ok ? opened.value : undefined, opened.ok ? undefined : opened.problem);
  }

  async openUrl(url: string): Promise<void> {
    this.bundleOpening = { status: 'reading', name: url, done: 0, total: 0, stage: 'read' };
    const opened = await openBundleUrl(url);
    await this.bundleOpened(opened.ok ? opened.value : undefined, opened.ok ? undefined : opened.problem);
  }

  private async bundleOpened(base: Session['base'], problem: OpenProblem | undefined): Promise<void> {
    if (!base) {
      this.bundleOpening = { status: 'error', problem: problem! };
      return;
    }
    const stage = (s: Stage) => (this.bundleOpening = { status: 'reading', name: base.name, done: 0, total: 0, stage: s });
    await this.checkAndPreview({ base, ...this.planFor(base, this.session.sheet), edits: EMPTY_EDITS }, stage);
    this.bundleOpening = { status: 'open', name: base.name };
  }

  /** A file's contents into the session: checked, then previewed (when there are no problems), each stage said. */
  private async checkAndPreview(patch: Partial<Session>, stage: (s: Stage) => void): Promise<void> {
    stage('check');
    await this.change(patch);
    if (this.outcome.status !== 'ok') return;
    stage('preview');
    await this.updateComplete;
    await this.renderRoot.querySelector<KdxAuthorPreview>('kdx-author-preview')?.rendered();
  }

  /** Set when staff choose the plan themselves: opening files no longer chooses it for them. */
  planChosen = false;

  /**
   * The plan a sheet replaces: the one staff chose; else the one the files tell (`choose-plan.ts`: the sheet of
   * the management plan is not put in place of the DX plan), or none while staff are asked; with no sheet, the first.
   */
  private planFor(base: NonNullable<Session['base']>, sheet: Session['sheet']): Pick<Session, 'planId' | 'choice'> {
    const plans = base.raw.plans;
    const chosen = this.session.planId;
    if (this.planChosen && (chosen === undefined || plans.some((p) => p.id === chosen))) return { planId: chosen, choice: undefined };
    const choice = planFromFiles(base.raw, sheet);
    if (!choice) return { planId: plans[0]!.id, choice: undefined };
    return { planId: choice.by === 'ask' ? undefined : choice.plan, choice };
  }

  /** Staff choose the plan (`undefined`: a new one): from now on it is theirs. */
  choosePlan(planId: string | undefined): void {
    this.planChosen = true;
    void this.change({ planId, choice: undefined, edits: EMPTY_EDITS });
  }

  async openSheetFile(file: File, kind: 'csv' | 'xlsx' | 'xls'): Promise<void> {
    mark('open');
    const opening = (stage: Stage, done = 0) =>
      (this.sheetOpening = { status: 'reading', name: file.name, done, total: file.size, stage });
    opening('read');
    const bytes = await readBytes(file, (done) => opening('read', done));
    mark('read');
    opening('parse', file.size);
    await frame();
    const opened = await openSheet(file.name, kind, bytes);
    mark('parsed');
    if (!opened.ok) {
      this.sheetOpening = { status: 'error', problem: opened.problem };
      // No sheet: nothing to ask about any more.
      const base = this.session.base;
      void this.change({ sheet: undefined, ...(base && this.session.choice?.by === 'ask' ? this.planFor(base, undefined) : {}) });
      return;
    }
    const base = this.session.base;
    const patch = { sheet: opened.value, edits: EMPTY_EDITS, ...(base ? this.planFor(base, opened.value) : {}) };
    await this.checkAndPreview(patch, (stage) => opening(stage, file.size));
    this.sheetOpening = { status: 'open', name: file.name, note: opened.note };
  }
}
