import { html, nothing, type CSSResultGroup, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { KdxError } from '../../data/errors.js';
import { formatCount, formatPercent, isEditorial, numberLabel, text } from '../../data/format.js';
import type { PlanModel, PlanNode, ScaleModel } from '../../data/model.js';
import type { Progress } from '../../data/rollup.js';
import { KdxNodeSelectEvent } from '../../events/kdx-node-select.js';
import { hostStyles } from '../../styles/host.js';
import { editorialMark } from '../shared/editorial.js';
import { KdxElement, type ReadyView } from '../shared/kdx-element.js';
import { planTreeStyles } from './plan-tree.styles.js';
import type { GradeFilter } from './tree-grades.js';
import { STATUS_SCALE } from '../../data/rollup.js';
import { commandFor, findByPrefix, isPrintable, TypeAhead, type TreeCommand } from './tree-keyboard.js';
import {
  descendants,
  filterTree,
  flatten,
  fold,
  isBelow,
  openPath,
  openToDepth,
  toBlocks,
  type RowBlock,
  type TreeFilter,
  type TreeRow,
} from './tree-rows.js';
import { addMessages } from '../../i18n/index.js';
import { jaTree } from '../../i18n/ja-tree.js';

/** Rows per block (see `toBlocks`). */
const BLOCK_SIZE = 64;

/**
 * Sets one custom property through the CSSOM (`style.setProperty`: no `style=` in templates, which a strict CSP
 * blocks), when the element is made and when the value changes. Each value goes on the element that uses it: the
 * level on the row, the rate on its bar, the row count on its block (from which CSS estimates the block's height
 * while it is off screen, so that the page does not jump as the reader scrolls). A value every row has its own, set
 * on the row, would be inherited by everything in it, and rows of one level could no longer share their content's
 * computed styles (Blink's matched-properties cache). Not a `.style` binding: assigning `cssText` parses a whole
 * declaration block, ≈ 1.6 × the time of `setProperty` (30 ms more for the 20,000 elements of 10,000 open rows).
 */
class CssVar extends Directive {
  private value: string | undefined;
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('cssVar is an element directive');
  }
  render(_name: string, _value: number) {
    return nothing;
  }
  override update(part: ElementPart, [name, value]: [string, number]) {
    const v = String(value);
    if (v !== this.value) (part.element as HTMLElement).style.setProperty(name, (this.value = v));
    return nothing;
  }
}
const cssVar = directive(CssVar);

/**
 * @summary The plan's structure as a tree (WAI-ARIA APG tree view): each node with its № and, where the data
 * has it, its achievement rate, with a filter box and links by URL hash.
 * @tag kdx-plan-tree
 *
 * The tree starts below the `node` (default: the plan's root): the node's children are the top-level items.
 * Only open branches are rendered, as one flat list of `role="treeitem"` rows carrying `aria-level`,
 * `aria-setsize` and `aria-posinset` (the APG's pattern for a tree that is not nested). For rendering, the rows
 * are grouped in blocks without a role, which the browser skips while they are off screen (see `toBlocks`).
 *
 * Keyboard (one tab stop): ↓ ↑ move; → opens a closed item or moves to the first child; ← closes an open item
 * or moves to the parent; Home / End; Enter or Space selects; `*` opens all siblings; typing letters moves to
 * the next item whose title or № starts with them (within half a second of each other). Click selects and
 * opens or closes. ↓ in the filter box moves into the tree.
 *
 * @attr src - URL of a plan bundle. Without it, data comes from the nearest `<kdx-plan>`.
 * @attr plan - Plan id (default: the first plan).
 * @attr node - Node id the tree starts below (default: the plan's root). A node without children is an error.
 * @attr expand-depth - How many levels are open at first: `0` shows the top-level items closed; `1` (default)
 *   opens them, showing their children; `2` opens those too; a large number opens everything. Changing it resets
 *   what the reader opened.
 * @attr selected - Id of the selected node (reflects the reader's selection). Setting it opens the way to the
 *   node; ids outside the tree select nothing.
 * @attr link-hash - Selection writes `#<node-id>` to the address (without scrolling or a history entry); on
 *   load and on `hashchange`, a hash naming a node in the tree opens the way to it, selects it and scrolls it
 *   into view. Other hashes are ignored.
 * @attr scale - The scale whose grades the rows show, with a filter by grade (a plan's `scales` id, or `status`);
 *   default: the plan's first scale of its own. Plans without scales show no grades.
 * @attr lang - `ja` or `en`; default: the closest `lang` above.
 * @attr theme - `light` (default), `dark` or `auto`.
 *
 * @fires kdx-node-select - The reader selected a node (click, Enter or Space). `detail: { id, plan }`. Not fired
 *   for selections by the `selected` attribute or the URL hash.
 * @fires kdx-load - Data is shown. `detail: { plan, node }`.
 * @fires kdx-error - An error is shown instead. `detail: { code, message, url?, issues? }`.
 *
 * @csspart base - The widget's box.
 * @csspart filter - The filter box (label and input).
 * @csspart hint - The line below the filter box and buttons that says what the filter matches.
 * @csspart tree - The tree (`role="tree"`).
 * @csspart item - A row (`role="treeitem"`).
 * @csspart label - A row's № and title.
 * @csspart progress - A row's rate, counts and bar.
 * @csspart grade - A row's grade.
 * @csspart grade-filter - The filter by grade (label and select).
 * @csspart error - The error message box.
 * @csspart placeholder - The loading placeholder.
 *
 * @cssprop --kdx-tree-indent - Indent per level (default 1.5em).
 * @cssprop --kdx-tree-row-height - Estimated row height for rows not yet laid out, until rows on screen give
 *   their real height (default 2.125em).
 * @cssprop --kdx-tree-max-height - Height after which the tree scrolls (default: none).
 * @cssprop --kdx-tree-background - Background (default: `--kdx-color-surface`).
 * @cssprop --kdx-tree-padding - Padding around the filter and the tree (default 0.75em).
 * @cssprop --kdx-tree-border-color - Border of the tree (default: `--kdx-color-border`).
 * @cssprop --kdx-tree-hover-background - Row under the pointer (default: `--kdx-color-surface-alt`).
 * @cssprop --kdx-tree-selected-color - Bar at the start of the selected row (default: `--kdx-color-accent`).
 * @cssprop --kdx-tree-selected-background - Selected row (default: `--kdx-color-surface-alt`).
 * @cssprop --kdx-tree-bar-fill - Fill of the progress bars (default: `--kdx-color-accent`).
 * @cssprop --kdx-tree-bar-width - Width of the progress bars (default 6em).
 * @cssprop --kdx-tree-bar-height - Height of the progress bars (default 4px).
 */
export class KdxPlanTree extends KdxElement {
  static override styles: CSSResultGroup = [hostStyles, planTreeStyles];
  static {
    addMessages(jaTree); // its words travel with it (i18n/index.ts)
  }

  // Declared, defaults in the constructor: see KdxElement.properties.
  static override properties: PropertyDeclarations = {
    expandDepth: { type: Number, attribute: 'expand-depth' },
    selected: { reflect: true },
    linkHash: { type: Boolean, attribute: 'link-hash' },
    scale: { reflect: true },
    query: { state: true },
    grade: { state: true },
  };

  declare expandDepth: number;
  declare selected: string | undefined;
  declare linkHash: boolean;
  declare scale: string | undefined;

  /** The filter as applied (the input's value, after a short pause in typing). */
  declare private query: string;
  /** The grade the reader filters by ('' for all). */
  declare private grade: string;

  constructor() {
    super();
    this.expandDepth = 1;
    this.linkHash = false;
    this.query = '';
    this.grade = '';
  }

  #treeScale: ScaleModel | undefined;
  #gradeOptions: GradeFilter | undefined;
  #gradeOptionsKey: unknown[] | undefined;

  #root: PlanNode | undefined;
  #planId = '';
  #planModel: PlanModel | undefined;
  /** Open nodes without a filter, and while filtering (restored when the filter is cleared). */
  #open = new Set<PlanNode>();
  #filterOpen = new Set<PlanNode>();
  #filter: TreeFilter | undefined;
  #filteredQuery = '';
  #rows: TreeRow[] = [];
  #blocks: RowBlock[] = [];
  #blockHeads = new Set<PlanNode>();
  /** Whether a row had keyboard focus when the update started (a rebuilt block gives the row a new element). */
  #focusOnRow = false;
  #indexById = new Map<string, number>();
  #rowsDirty = true;
  #selectedNode: PlanNode | undefined;
  /** The row that has (or last had) keyboard focus; the tab stop when visible. */
  #focusNode: PlanNode | undefined;
  /** Rows currently marked as the tab stop and as selected (marked from code, see `mark()`). */
  #tabStopEl: HTMLElement | null = null;
  #selectedEl: HTMLElement | null = null;
  #status = '';
  #scrollPending = false;
  /** Why the selection must be made visible in the next update: `scroll` (hash) or `quiet`. */
  #reveal: 'scroll' | 'quiet' | undefined;
  #userSelecting = false;
  readonly #typeAhead = new TypeAhead();
  #filterTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #rowCache = new WeakMap<PlanNode, { key: string; result: TemplateResult }>();

  /** Watches the tree's box: after it changes (rows, width), the rows on screen give the off-screen estimate. */
  readonly #resizeObserver = new ResizeObserver(() => requestAnimationFrame(this.#measureRows));
  #observed: Element | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.#onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#onHashChange);
    clearTimeout(this.#filterTimer);
    this.#resizeObserver.disconnect();
    this.#observed = null;
  }

  /**
   * The mean height of the rows laid out (blocks on screen), as the estimate for blocks not yet seen
   * (`--_row-height`): titles that wrap at this width make rows taller than any fixed guess. A frame after the
   * change, so that it never adds to the first frame.
   */
  readonly #measureRows = (): void => {
    const tree = this.#observed as HTMLElement | null;
    if (!tree) return;
    let height = 0;
    let rows = 0;
    for (const block of tree.children) {
      if (!block.firstElementChild?.checkVisibility({ contentVisibilityAuto: true })) continue;
      height += block.getBoundingClientRect().height;
      rows += block.childElementCount;
    }
    if (!rows) return;
    const next = `${(height / rows).toFixed(1)}px`;
    if (tree.style.getPropertyValue('--_row-height') !== next) tree.style.setProperty('--_row-height', next);
  };

  /**
   * The tree shows the shapes only as grades: it needs them for a scale, not for any bundle that has some (which
   * would also walk every node of a large plan in its first frame to find out).
   */
  protected override needsShapes(view: ReadyView): boolean {
    return !!this.scale || !!treeScale(view.plan, undefined);
  }

  protected override checkNode(view: ReadyView): KdxError | undefined {
    const node = view.node;
    if (this.scale && !view.plan.scale(this.scale)) {
      return new KdxError('wrong-kind', { widget: '<kdx-plan-tree>', id: node.id, problem: 'no-scale', title: node.title });
    }
    if (node.children.length) return undefined;
    return new KdxError('wrong-kind', { widget: '<kdx-plan-tree>', id: node.id, problem: 'tree-no-children', title: node.title });
  }

  protected override willShow(view: ReadyView, changed: PropertyValues<this>): void {
    const root = view.node;
    this.#planId = view.plan.data.id;
    this.#planModel = view.plan;
    if (root !== this.#root) {
      this.#root = root;
      this.#open = openToDepth(root, this.expandDepth);
      this.#focusNode = undefined;
      this.#filteredQuery = '\u0000'; // re-apply the filter to the new data
      this.#rowsDirty = true;
      const fromHash = this.linkHash ? this.#hashNode(view) : undefined;
      if (fromHash) {
        this.selected = fromHash.id;
        this.#reveal = 'scroll';
      } else this.#reveal ??= 'quiet';
    } else if (changed.has('expandDepth')) {
      this.#open = openToDepth(root, this.expandDepth);
      this.#rowsDirty = true;
      this.#reveal ??= 'quiet';
    }
    const scale = treeScale(view.plan, this.scale);
    if (scale !== this.#treeScale) {
      this.grade = '';
      this.#treeScale = scale;
      this.#filteredQuery = '\u0000';
    }
    const optionsKey = [root, scale, this.language];
    if (!this.#gradeOptionsKey || optionsKey.some((k, i) => k !== this.#gradeOptionsKey![i])) {
      this.#gradeOptionsKey = optionsKey;
      this.#gradeOptions = scale && this.shapes?.code.gradeFilter(root, scale, this.language, this.shapes.m);
    }
    const key = `${this.query}\u0000${this.grade}`;
    if (key !== this.#filteredQuery) {
      this.#filteredQuery = key;
      const grade = this.grade;
      const keep = scale && grade ? (n: PlanNode) => n.grades.get(scale.id)?.grade.id === grade : undefined;
      this.#filter = this.query.trim() || keep ? filterTree(root, this.query, keep) : undefined;
      this.#filterOpen = new Set(this.#filter?.ancestors);
      this.#rowsDirty = true;
      // Back from a filter: an item chosen while filtering stays in sight.
      if (!this.#filter) this.#reveal ??= 'quiet';
    }
    const sel = this.selected ? view.plan.byId.get(this.selected) : undefined;
    this.#selectedNode = sel && isBelow(sel, root) ? sel : undefined;
    if (changed.has('selected') && !this.#userSelecting) this.#reveal ??= 'quiet';
    this.#userSelecting = false;
    if (this.#reveal && this.#selectedNode) {
      const open = this.#filter ? this.#filterOpen : this.#open;
      for (const p of openPath(this.#selectedNode, root)) {
        if (!open.has(p)) this.#rowsDirty = true;
        this.#open.add(p);
        open.add(p);
      }
      this.#focusNode = this.#selectedNode;
      this.#scrollPending = this.#reveal === 'scroll';
    }
    this.#reveal = undefined;
    if (this.#rowsDirty) {
      this.#rowsDirty = false;
      this.#rows = flatten(root, this.#filter ? this.#filterOpen : this.#open, this.#filter);
      this.#indexById = new Map(this.#rows.map((r, i) => [r.node.id, i]));
      ({ blocks: this.#blocks, heads: this.#blockHeads } = toBlocks(this.#rows, this.#blockHeads, BLOCK_SIZE));
      this.#focusOnRow = this.shadowRoot?.activeElement?.getAttribute('role') === 'treeitem';
    }
    const t = this.t.tree;
    const count = this.#filter?.matches.size ?? 0;
    this.#status = !this.#filter ? '' : count ? t.matches(formatCount(count, this.language)) : t.noMatches;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const tree = this.renderRoot.querySelector('.tree');
    if (tree !== this.#observed) {
      this.#resizeObserver.disconnect();
      if (tree) this.#resizeObserver.observe(tree);
      this.#observed = tree;
    }
    this.#mark();
    if (this.#focusOnRow) {
      this.#focusOnRow = false;
      if (this.#tabStopEl && this.shadowRoot?.activeElement !== this.#tabStopEl) this.#tabStopEl.focus({ preventScroll: true });
    }
    if (this.#scrollPending) {
      this.#scrollPending = false;
      // In the middle of the view, not at its edge: the row a link points to is the one the reader came for.
      this.#rowElement(this.#selectedNode)?.scrollIntoView({ block: 'center' });
    }
  }

  protected renderReady(view: ReadyView): TemplateResult {
    const t = this.t.tree;
    return html`<div class="base" part="base" lang=${this.language}>
      <div class="toolbar">
        <div class="filter" part="filter">
          <label for="filter">${t.filter}</label>
          <input id="filter" type="search" autocomplete="off" spellcheck="false" aria-describedby="filter-hint"
            .value=${this.query} @input=${this.#onFilterInput} @keydown=${this.#onFilterKeydown} />
        </div>
        ${this.#gradeOptions ? this.shapes!.code.renderGradeFilter(this.#gradeOptions, this.grade, this.shapes!.m, this.#onGradeChange) : nothing}
        <div class="actions">
          <button type="button" @click=${() => this.#setAllOpen(true)}>${t.expandAll}</button>
          <button type="button" @click=${() => this.#setAllOpen(false)}>${t.collapseAll}</button>
        </div>
        <span id="filter-hint" class="hint" part="hint">${t.filterHint}</span>
      </div>
      <p class="status" role="status">${this.#status}</p>
      <div class="tree" part="tree" role="tree" aria-label=${t.label(text(view.node.title, this.language))}
        ?hidden=${!this.#rows.length} @keydown=${this.#onKeydown} @click=${this.#onClick} @focusin=${this.#onFocusin}>
        ${guard([this.#blocks, this.language], () =>
          repeat(this.#blocks, (b) => b.key, (b) => html`<div class="block" ${cssVar('--_rows', b.rows.length)}>${repeat(b.rows, (r) => r.node.id, (r) => this.#renderRow(r))}</div>`),
        )}
      </div>
    </div>`;
  }

  /**
   * A row's template result, reused while what the row shows is unchanged: after a branch of a 10,000-row tree
   * opens or closes, the other rows are compared, not formatted and rendered again.
   */
  #renderRow(r: TreeRow): TemplateResult {
    const n = r.node;
    const context = this.#filter !== undefined && !this.#filter.matches.has(n);
    const S = this.shapes;
    const scale = S ? this.#treeScale : undefined;
    const key = `${r.level} ${r.setsize} ${r.posinset} ${r.open} ${context} ${this.language} ${scale?.id}`;
    const cached = this.#rowCache.get(n);
    if (cached?.key === key) return cached.result;
    const p = n.progress;
    const graded = scale && n.grades.has(scale.id);
    // A graded item's "1 of 1, 100%" says less than its grade: the grade is shown instead.
    const rate = graded && p?.source === 'status' ? null : (p?.rateTenths ?? null);
    // As the document writes it: 「視点1」 where the plan's kinds say so.
    const number = this.#planModel ? numberLabel(this.#planModel.data, n.data, this.language) : n.data.number;
    const result = html`<div role="treeitem" part="item" class="row" data-id=${n.id} aria-level=${r.level}
      aria-setsize=${r.setsize} aria-posinset=${r.posinset} aria-expanded=${r.open === undefined ? nothing : String(r.open)}
      aria-selected="false" tabindex="-1" ?data-context=${context} ${cssVar('--_level', r.level - 1)}
      ><span class="label" part="label"><span class="number">${number ? `${number} ` : nothing}</span>${this.#titleOf(n)}</span
      >${graded ? S!.code.renderRowGrade(n, scale, this.language, S!.m) : nothing}${p && rate !== null ? this.#renderProgress(p, rate) : nothing}</div
    >`;
    this.#rowCache.set(n, { key, result });
    return result;
  }

  /** The row's title, with the editor's mark where it is the bundle editor's wording (as the card and overview). */
  #titleOf(n: PlanNode) {
    const title = text(n.title, this.language);
    return isEditorial(n.title) ? html`${title}${editorialMark(this.t.editorial)}` : title;
  }

  /**
   * A row's rate, counts and bar, as one small figure (`role="img"`) named by the spoken form: the name is part of
   * the row's name from its content, as a visually hidden text would be, with no box to lay out or paint (the
   * visible 「97.4%（38/39）」 and the bar are its presentational children).
   */
  #renderProgress(p: Progress, rate: number): TemplateResult {
    const l = this.language;
    const [pct, a, total] = [formatPercent(rate, l), formatCount(p.achieved, l), formatCount(p.total, l)];
    return html`<span class="progress" part="progress" role="img" aria-label=${this.t.progress.spoken(a, total, pct)}
      >${this.t.tree.rate(pct, a, total)}<span class="bar" ${cssVar('--_rate', rate / 1000)}></span
    ></span>`;
  }

  /** The row the tab stop belongs on: the focused row, else the selected one, else the first (APG). */
  #tabStopNode(): PlanNode | undefined {
    const visible = (n: PlanNode | undefined) => (n && this.#indexById.has(n.id) ? n : undefined);
    return visible(this.#focusNode) ?? visible(this.#selectedNode) ?? this.#rows[0]?.node;
  }

  /**
   * Moves the tab stop (`tabindex="0"`) and `aria-selected="true"` to their rows. Done from code on two rows
   * rather than bound in the row template, so that moving focus or selection does not re-render every row: the
   * rows re-render only when the visible list or the language changes (see `guard` in `renderReady`).
   */
  #mark(): void {
    const move = (from: HTMLElement | null, to: HTMLElement | null, name: string, off: string, on: string) => {
      if (from !== to) from?.setAttribute(name, off);
      to?.setAttribute(name, on);
      return to;
    };
    this.#tabStopEl = move(this.#tabStopEl, this.#rowElement(this.#tabStopNode()), 'tabindex', '-1', '0');
    this.#selectedEl = move(this.#selectedEl, this.#rowElement(this.#selectedNode), 'aria-selected', 'false', 'true');
  }

  #rowElement(node: PlanNode | undefined): HTMLElement | null {
    if (!node) return null;
    return this.renderRoot.querySelector<HTMLElement>(`.tree > .block > [data-id="${CSS.escape(node.id)}"]`);
  }

  #rowOf(e: Event): { row: TreeRow; index: number } | undefined {
    const el = (e.target as Element).closest<HTMLElement>('[role="treeitem"]');
    const index = el?.dataset.id === undefined ? undefined : this.#indexById.get(el.dataset.id);
    const row = index === undefined ? undefined : this.#rows[index];
    return row && index !== undefined ? { row, index } : undefined;
  }

  readonly #onKeydown = (e: KeyboardEvent): void => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const hit = this.#rowOf(e);
    if (!hit) return;
    const typing = isPrintable(e.key) || (e.key === ' ' && this.#typeAhead.active());
    const command = typing ? null : commandFor(e.key, this.#rows, hit.index);
    if (command) {
      e.preventDefault();
      this.#typeAhead.reset();
      this.#run(command);
    } else if (typing) {
      e.preventDefault();
      const prefix = this.#typeAhead.push(e.key);
      const found = findByPrefix(this.#rows.length, hit.index, prefix, (i) => this.#names(this.#rows[i]!.node));
      if (found >= 0) this.#run({ kind: 'focus', index: found });
    }
  };

  /** What type-ahead finds a row by: its title as shown, and its №. */
  #names(n: PlanNode): string[] {
    const title = fold(text(n.title, this.language));
    return n.data.number ? [title, fold(n.data.number)] : [title];
  }

  #run(c: TreeCommand): void {
    const row = this.#rows[c.index];
    if (!row) return;
    const open = this.#filter ? this.#filterOpen : this.#open;
    switch (c.kind) {
      case 'focus':
        this.#focusNode = row.node;
        this.#mark();
        this.#tabStopEl?.focus();
        return;
      case 'open':
        open.add(row.node);
        this.#rowsDirty = true;
        break;
      case 'close':
        open.delete(row.node);
        this.#rowsDirty = true;
        break;
      case 'open-siblings':
        for (const r of this.#rows) if (r.parentIndex === row.parentIndex && r.open === false) open.add(r.node);
        this.#rowsDirty = true;
        break;
      case 'select':
        this.#choose(row);
        break;
    }
    this.requestUpdate();
  }

  readonly #onClick = (e: MouseEvent): void => {
    const hit = this.#rowOf(e);
    if (!hit) return;
    const { row } = hit;
    // The click has focused the row (rows are focusable); it keeps its element when the list changes (keyed).
    this.#focusNode = row.node;
    this.#mark();
    if (row.open !== undefined) this.#run({ kind: row.open ? 'close' : 'open', index: hit.index });
    this.#choose(row);
  };

  readonly #onFocusin = (e: FocusEvent): void => {
    const hit = this.#rowOf(e);
    if (hit && hit.row.node !== this.#focusNode) {
      this.#focusNode = hit.row.node;
      this.#mark();
    }
  };

  #choose(row: TreeRow): void {
    const id = row.node.id;
    this.#userSelecting = true;
    this.selected = id;
    if (this.linkHash) {
      const url = new URL(location.href);
      url.hash = id;
      // Not `location.hash = …`: that would scroll the page to an element with this id and add a history entry.
      history.replaceState(history.state, '', url.href);
    }
    this.dispatchEvent(new KdxNodeSelectEvent({ id, plan: this.#planId }));
  }

  readonly #onFilterInput = (e: Event): void => {
    const value = (e.target as HTMLInputElement).value;
    clearTimeout(this.#filterTimer);
    // A short pause before filtering and announcing: one announcement per burst of typing, not per key.
    this.#filterTimer = setTimeout(() => (this.query = value), value ? 150 : 0);
  };

  readonly #onGradeChange = (e: Event): void => {
    this.grade = (e.target as HTMLSelectElement).value;
  };

  readonly #onFilterKeydown = (e: KeyboardEvent): void => {
    if (e.key !== 'ArrowDown' || !this.#rows.length) return;
    e.preventDefault();
    this.#tabStopEl?.focus();
  };

  #setAllOpen(value: boolean): void {
    const open = this.#filter ? this.#filterOpen : this.#open;
    if (!value) open.clear();
    else if (this.#root) for (const n of descendants(this.#root)) if (n.children.length) open.add(n);
    this.#rowsDirty = true;
    this.requestUpdate();
  }

  /** The node a `#hash` names, when it is in this tree. */
  #hashNode(view: ReadyView): PlanNode | undefined {
    let id: string;
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch {
      return undefined;
    }
    const node = id ? view.plan.byId.get(id) : undefined;
    return node && isBelow(node, view.node) ? node : undefined;
  }

  readonly #onHashChange = (): void => {
    const view = this.data.view;
    if (!this.linkHash || view.status !== 'ready') return;
    const node = this.#hashNode(view);
    if (!node) return;
    this.selected = node.id;
    this.#reveal = 'scroll';
    this.requestUpdate();
  };
}

/** The scale the tree shows: the `scale` attribute's, else the plan's own headline (not its statuses). */
function treeScale(plan: PlanModel, attr: string | undefined): ScaleModel | undefined {
  if (attr) return plan.scale(attr);
  return plan.headline?.id === STATUS_SCALE ? undefined : plan.headline;
}
