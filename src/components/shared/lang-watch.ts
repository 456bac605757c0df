/**
 * One MutationObserver for the whole page, created with the first widget, that re-renders widgets when a `lang`
 * attribute changes anywhere in the document (a page's language switch).
 */
type Watcher = { langChanged(): void };

const watchers = new Set<Watcher>();
let observer: MutationObserver | undefined;

export function watchLang(w: Watcher): void {
  watchers.add(w);
  if (!observer) {
    observer = new MutationObserver(() => watchers.forEach((x) => x.langChanged()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
}

export function unwatchLang(w: Watcher): void {
  watchers.delete(w);
  if (!watchers.size && observer) {
    observer.disconnect();
    observer = undefined;
  }
}
