import { toLang, type Lang } from './index.js';

/**
 * The language of an element: its own `lang`, else the closest ancestor's (crossing shadow roots), else the
 * document's. Unsupported languages fall back to Japanese.
 */
export function resolveLang(el: Element): Lang {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return toLang(lang);
      node = node.assignedSlot ?? node.parentNode;
    } else if (node instanceof ShadowRoot) {
      node = node.host;
    } else {
      node = node.parentNode;
    }
  }
  return toLang(document.documentElement.lang);
}
