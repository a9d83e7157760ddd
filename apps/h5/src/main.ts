// The public phone pages (QR registration, progress lookup, job fairs) start here: plain
// TypeScript and CSS, no framework, within the byte budget that e2e/h5-budget.e2e.ts checks.
import './style.css';
import { i18n, type H5Lang } from './i18n';

const KEY = 'ss-h5-lang';

function apply(lang: H5Lang): void {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const text = i18n[lang][el.dataset.i18n as keyof (typeof i18n)['zh-CN']];
    if (text) el.textContent = text;
  }
  document.title = i18n[lang].title;
  const button = document.getElementById('lang');
  if (button) button.textContent = lang === 'zh-CN' ? 'EN' : '中文';
}

let lang: H5Lang = localStorage.getItem(KEY) === 'en-US' ? 'en-US' : 'zh-CN';
apply(lang);
document.getElementById('lang')?.addEventListener('click', () => {
  lang = lang === 'zh-CN' ? 'en-US' : 'zh-CN';
  localStorage.setItem(KEY, lang);
  apply(lang);
});
