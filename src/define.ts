/**
 * Registers a tag unless it already is. A page may load the library twice (a CMS template and a partner
 * widget) or in two versions: redefining must never throw. A version mismatch warns once per tag.
 */
const WARNED = Symbol.for('kdx.define-warned');

export function define(tag: string, ctor: CustomElementConstructor & { kdxVersion?: string }): void {
  const existing = customElements.get(tag) as (CustomElementConstructor & { kdxVersion?: string }) | undefined;
  if (!existing) {
    customElements.define(tag, ctor);
    return;
  }
  if (existing === ctor || existing.kdxVersion === ctor.kdxVersion) return;
  const g = globalThis as Record<symbol, Set<string> | undefined>;
  const warned = (g[WARNED] ??= new Set<string>());
  if (warned.has(tag)) return;
  warned.add(tag);
  console.warn(
    `[kdx] <${tag}> は kdx ${existing.kdxVersion ?? '(不明)'} で定義済みのため、kdx ${ctor.kdxVersion ?? '(不明)'} の定義は使われません。` +
      ` / <${tag}> is already defined by kdx ${existing.kdxVersion ?? '(unknown)'}; kdx ${ctor.kdxVersion ?? '(unknown)'} is not used for it.`,
  );
}
