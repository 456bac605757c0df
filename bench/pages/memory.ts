/// <reference types="vite/client" />
/**
 * Mount and remove widgets repeatedly (the runner measures the heap between rounds): the 50 widgets of
 * fifty.html on the Kanazawa bundle, and a `<kdx-plan-tree>` of a large bundle, everything open.
 */
import '../../src/kdx.js';
import { afterFrame, expose } from './harness.js';
import widgets from './fifty-widgets.html.txt?raw';

const host = document.createElement('div');
document.body.append(host);

expose({
  async mount(data: string) {
    const tpl = document.createElement('template');
    tpl.innerHTML = `${widgets}<kdx-plan-tree src="${data}" expand-depth="99"></kdx-plan-tree>`; // our own markup
    const all = [...tpl.content.querySelectorAll('*')].filter((el) => el.localName.startsWith('kdx-'));
    const done = Promise.all(all.map((el) => new Promise((resolve) => {
      el.addEventListener('kdx-load', resolve, { once: true });
      el.addEventListener('kdx-error', resolve, { once: true });
    })));
    host.append(tpl.content);
    await done;
    await afterFrame();
    return all.length;
  },
  async unmount() {
    host.replaceChildren();
    await afterFrame();
  },
});
