// Demo page controls: switch the page language and theme, as a host page would.
const langButton = document.querySelector<HTMLButtonElement>('#lang-toggle')!;
const themeButton = document.querySelector<HTMLButtonElement>('#theme-toggle')!;

function setLang(lang: 'ja' | 'en') {
  document.documentElement.lang = lang;
  langButton.textContent = lang === 'ja' ? 'English' : '日本語';
  langButton.lang = lang === 'ja' ? 'en' : 'ja';
}
langButton.addEventListener('click', () => setLang(document.documentElement.lang === 'ja' ? 'en' : 'ja'));

themeButton.addEventListener('click', () => {
  const dark = themeButton.getAttribute('aria-pressed') !== 'true';
  themeButton.setAttribute('aria-pressed', String(dark));
  document.body.classList.toggle('dark', dark);
  for (const el of document.querySelectorAll('kdx-progress, kdx-chart, kdx-plan-tree, kdx-initiative-card, kdx-plan-overview')) {
    el.setAttribute('theme', dark ? 'dark' : 'light');
  }
});
