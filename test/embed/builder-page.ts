/** The snippet builder (demo/builder.html) opened in a frame, and what staff do in it. */
import { open, waitFor } from './snippets.js';

export async function openBuilder(width = 1000) {
  const { doc, win, frame } = await open('/demo/builder.html');
  frame.style.width = `${width}px`;
  frame.style.height = '900px';
  await waitFor(() => doc.querySelector('#plan-choices input:checked'), 'the plans to load');
  const $ = <T extends HTMLElement = HTMLElement>(id: string) => doc.getElementById(id) as T;
  const fire = (el: Element) => el.dispatchEvent(new win.Event('input', { bubbles: true }));
  return {
    doc,
    win,
    frame,
    $,
    /** The text of a code block. */
    code: (id: string) => $(id).textContent ?? '',
    /** Types into a field. */
    set: (id: string, value: string) => {
      const el = $<HTMLInputElement>(id);
      el.value = value;
      fire(el);
    },
    /** Picks a radio button (plan, widget). */
    choose: (name: string, value: string) => {
      const radio = doc.querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`)!;
      radio.click();
    },
    /** The plan chosen. */
    plan: () => doc.querySelector<HTMLInputElement>('#plan-choices input:checked')?.value,
    /** Loads another bundle. */
    load: async (url: string, plans: number) => {
      $<HTMLInputElement>('bundle').value = url;
      $('load').click();
      await waitFor(() => doc.querySelectorAll('#plan-choices input').length === plans && $('bundle-status').textContent?.includes(String(plans)), `${url} to load`);
    },
  };
}

export type Builder = Awaited<ReturnType<typeof openBuilder>>;
