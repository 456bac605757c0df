/**
 * Baseline: the same tree as `<kdx-plan-tree>` built with plain DOM calls, no framework, no shadow root.
 *
 * Nested lists with the APG tree semantics (role tree / treeitem / group; aria-level, aria-setsize,
 * aria-posinset and aria-expanded on each item; one tab stop) and the same visible text per row (№, title, rate
 * and counts, a bar). Closed branches are not in the DOM (built when opened), like the widget's rows. A minimal
 * keyboard (↓ ↑ → ←) so that key latency can be compared too; `data-id` on items as the widget has. What it leaves out (filter, selection, type-ahead,
 * hash links, i18n, theming) is what the widget adds.
 */
import { formatCount, formatPercent, text } from '../../src/data/format.js';
import type { PlanNode } from '../../src/data/model.js';

const CSS = `
.pt { font: 16px/1.5 sans-serif; }
.pt ul { list-style: none; margin: 0; padding: 0; }
.pt li > .row { display: flex; align-items: center; gap: 0.5em; padding: 0.25em 0.75em 0.25em calc(0.5em + var(--l) * 1.5em); cursor: pointer; }
.pt li:focus { outline: none; }
.pt li:focus > .row { outline: 3px solid #0877d7; outline-offset: -3px; }
.pt .label { flex: 1; }
.pt .num { color: #4d4d4d; margin-inline-end: 0.25em; }
.pt .bar { width: 6em; height: 4px; background: #e6e6e6; }
.pt .bar > i { display: block; height: 100%; background: #0017c1; }
`;

export interface PlainTree {
  element: HTMLElement;
}

export function renderPlainTree(container: HTMLElement, root: PlanNode, expandDepth: number): PlainTree {
  if (!document.getElementById('pt-css')) {
    const style = document.createElement('style');
    style.id = 'pt-css';
    style.textContent = CSS;
    document.head.append(style);
  }
  const tree = document.createElement('ul');
  tree.className = 'pt';
  tree.setAttribute('role', 'tree');
  tree.setAttribute('aria-label', text(root.title, 'ja'));
  const items = new Map<HTMLElement, PlanNode>();
  const limit = root.depth + expandDepth;

  const item = (n: PlanNode, level: number, setsize: number, posinset: number): HTMLLIElement => {
    const li = document.createElement('li');
    li.setAttribute('role', 'treeitem');
    li.dataset.id = n.id; // as the widget's rows (for focus by id)
    li.setAttribute('aria-level', String(level));
    li.setAttribute('aria-setsize', String(setsize));
    li.setAttribute('aria-posinset', String(posinset));
    li.tabIndex = -1;
    const row = document.createElement('div');
    row.className = 'row';
    row.style.setProperty('--l', String(level - 1));
    const label = document.createElement('span');
    label.className = 'label';
    if (n.data.number) {
      const num = document.createElement('span');
      num.className = 'num';
      num.textContent = n.data.number;
      label.append(num, ' ');
    }
    label.append(text(n.title, 'ja'));
    row.append(label);
    const p = n.progress;
    if (p && p.rateTenths !== null) {
      const rate = document.createElement('span');
      rate.textContent = `${formatPercent(p.rateTenths, 'ja')}（${formatCount(p.achieved, 'ja')}/${formatCount(p.total, 'ja')}）`;
      const bar = document.createElement('span');
      bar.className = 'bar';
      const fill = document.createElement('i');
      fill.style.width = `${p.rateTenths / 10}%`;
      bar.append(fill);
      row.append(rate, bar);
    }
    li.append(row);
    items.set(li, n);
    if (n.children.length) {
      const open = n.depth <= limit;
      li.setAttribute('aria-expanded', String(open));
      if (open) li.append(group(n, level + 1));
    }
    return li;
  };
  const group = (parent: PlanNode, level: number): HTMLUListElement => {
    const ul = document.createElement('ul');
    ul.setAttribute('role', level === 1 ? 'none' : 'group');
    const kids = parent.children;
    kids.forEach((c, i) => ul.append(item(c, level, kids.length, i + 1)));
    return ul;
  };
  const top = group(root, 1);
  tree.append(...top.childNodes);
  (tree.firstElementChild as HTMLElement | null)?.setAttribute('tabindex', '0');

  const visible = () => [...tree.querySelectorAll<HTMLElement>('[role=treeitem]')];
  const focus = (from: HTMLElement, to: HTMLElement | null | undefined) => {
    if (!to) return;
    from.tabIndex = -1;
    to.tabIndex = 0;
    to.focus();
  };
  tree.addEventListener('keydown', (e) => {
    const li = (e.target as Element).closest<HTMLElement>('[role=treeitem]');
    const n = li && items.get(li);
    if (!li || !n) return;
    const expanded = li.getAttribute('aria-expanded');
    switch (e.key) {
      case 'ArrowDown': {
        // Next visible item: first child of an open item, else the next sibling of it or of an ancestor.
        let next: Element | null = expanded === 'true' ? li.querySelector('[role=treeitem]') : null;
        for (let x: Element | null = li; !next && x && x !== tree; x = x.parentElement?.closest('[role=treeitem]') ?? null) {
          next = x.nextElementSibling;
        }
        focus(li, next as HTMLElement | null);
        break;
      }
      case 'ArrowUp': {
        const all = visible();
        focus(li, all[all.indexOf(li) - 1]);
        break;
      }
      case 'ArrowRight':
        if (expanded === 'false') {
          li.setAttribute('aria-expanded', 'true');
          li.append(group(n, Number(li.getAttribute('aria-level')) + 1));
        } else if (expanded === 'true') focus(li, li.querySelector<HTMLElement>('[role=treeitem]'));
        break;
      case 'ArrowLeft':
        if (expanded === 'true') {
          li.setAttribute('aria-expanded', 'false');
          const g = li.querySelector(':scope > [role=group]');
          g?.querySelectorAll('[role=treeitem]').forEach((x) => items.delete(x as HTMLElement));
          g?.remove();
        } else focus(li, li.parentElement?.closest<HTMLElement>('[role=treeitem]'));
        break;
      default:
        return;
    }
    e.preventDefault();
  });
  container.append(tree);
  return { element: tree };
}
