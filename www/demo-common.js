// Shared by the demo pages: the language switch, and the page's ready flag (the end-to-end tests
// wait for it). A portal needs none of this.

/** Elements with `data-en` show that English text while the language is English. */
export function translatePage(lang) {
  for (const el of document.querySelectorAll('[data-en]')) {
    if (el.dataset.zh === undefined) el.dataset.zh = el.textContent;
    el.textContent = lang === 'en' ? el.dataset.en : el.dataset.zh;
    if (lang === 'en') el.lang = 'en';
    else el.removeAttribute('lang');
  }
}

export function wire(form, controller) {
  form.addEventListener('disclosure:unavailable', () => {
    document.documentElement.dataset.ready = 'unavailable';
  });
  controller.ready.then((available) => {
    if (available) document.documentElement.dataset.ready = 'true';
  });
  const select = document.getElementById('lang');
  select?.addEventListener('change', () => {
    controller.setLanguage(select.value);
    translatePage(select.value);
  });
}
