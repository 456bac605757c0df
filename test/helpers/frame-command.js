// A web-test-runner plugin for the iframe form's tests: reads what a frame on another origin shows. A test page
// cannot look into such a frame (that is the point of origins); the browser driving it can.
// Used as `executeServerCommand('kdx-frame', { url })` from @web/test-runner-commands.

/** Runs in the frame: its language, what its widget (or error) says, and whether it scrolls. */
function look() {
  const root = document.documentElement;
  const host = [...document.body.children].find((el) => el.localName.startsWith('kdx-') || el.shadowRoot) ?? null;
  const shadow = host?.shadowRoot;
  return {
    lang: root.lang,
    tag: host?.localName ?? null,
    attributes: host ? Object.fromEntries([...host.attributes].map((a) => [a.name, a.value])) : {},
    text: (shadow?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    busy: !!shadow?.querySelector('[aria-busy="true"]'),
    alert: shadow?.querySelector('[role="alert"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? null,
    height: root.getBoundingClientRect().height,
    scrolls: root.scrollHeight > root.clientHeight || root.scrollWidth > root.clientWidth,
    /** What the page shows outside any widget (its <noscript>, where scripts cannot run). */
    page: document.body.innerText.replace(/\s+/g, ' ').trim(),
  };
}

export function frameCommand() {
  return {
    name: 'kdx-frame-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'kdx-frame') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error('kdx-frame needs the Chrome launcher (puppeteer)');
      const page = session.browser.getPage(session.id);
      // The newest frame at that address (an editor's own preview of the same iframe may linger before it).
      const frame = page
        .frames()
        .filter((f) => f.url().includes(payload.url) && !f.detached)
        .at(-1);
      // false, not null: web-test-runner takes null for "not my command". A frame that navigates while it is read
      // (it loads, or its address changes), or closes (an editor's own copy of the iframe, out of process, as the
      // editor is removed), answers false too: the caller asks again.
      if (!frame) return false;
      try {
        return await frame.evaluate(look);
      } catch (e) {
        if (/Execution context was destroyed|detached|Cannot find context|Target closed|Session closed/i.test(String(e))) return false;
        throw e;
      }
    },
  };
}
