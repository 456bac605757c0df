/**
 * Which bundles dist/embed.html may show. A city's embed.html must not become a page that shows anyone's
 * figures under the city's name, so by default it loads bundles from its own origin only. Its deployer can
 * list other origins in one place, `<meta name="kdx-allowed-origins" content="https://data.example.jp …">` in
 * the page's head; nothing in the frame's address can widen the list.
 *
 * Two locks: `frame.ts` refuses a `src` on any other origin before a request is made, and the page adds a
 * Content-Security-Policy whose `connect-src` is the same list, so that the browser also stops what the check
 * cannot see (a redirect from an allowed URL to another origin).
 */
export const ALLOW_META = 'kdx-allowed-origins';

/** This page's origin and the valid origins listed in its meta; entries that are not origins, to warn about. */
export function allowedOrigins(doc: Document = document): { origins: string[]; ignored: string[] } {
  const own = doc.location.origin;
  const origins = [own];
  const ignored: string[] = [];
  const listed = [...doc.head.querySelectorAll<HTMLMetaElement>(`meta[name="${ALLOW_META}"]`)].flatMap((m) => m.content.split(/[\s,]+/));
  for (const entry of listed.filter(Boolean)) {
    let origin: string | undefined;
    try {
      const url = new URL(entry);
      // An origin and nothing more: a path would suggest a narrower permission than the browser can keep.
      if (/^https?:$/.test(url.protocol) && url.origin === entry.replace(/\/$/, '')) origin = url.origin;
    } catch {
      // not a URL: reported below
    }
    if (!origin) ignored.push(entry);
    else if (!origins.includes(origin)) origins.push(origin);
  }
  return { origins, ignored };
}

/** Adds `connect-src` for exactly these origins (a policy can only be tightened, never loosened, by a page). */
export function restrictConnections(origins: string[], doc: Document = document): void {
  const meta = doc.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = `connect-src ${origins.map((o) => (o === doc.location.origin ? "'self'" : o)).join(' ')}`;
  doc.head.append(meta);
}
