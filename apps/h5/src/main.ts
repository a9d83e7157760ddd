// The public phone pages (QR registration, progress lookup, job fairs) start here: plain
// TypeScript and CSS, no framework, within the byte budget that e2e/h5-budget.e2e.ts checks.
// One small bundle for all pages: splitting would add bytes to the budgeted total, not save them.
import './style.css';
import { i18n } from './i18n';
import { progressPage } from './progress';
import { currentLang, setLang, t, type Page } from './ui';
import { verifyPage } from './verify';
import { registerPage } from './register';
import { passPage } from './pass';

function route(root: HTMLElement): { page: Page | null; title: 'verifyTitle' | 'progressTitle' | 'registerTitle' | 'passTitle' | null } {
  const path = location.pathname.replace(/\/+$/, '');
  const checkpoint = /^\/h5\/c\/([A-Za-z0-9_-]+)$/.exec(path);
  if (checkpoint) return { page: registerPage(root, checkpoint[1]!), title: 'registerTitle' };
  const pass = /^\/h5\/p\/([A-Za-z0-9_-]+)$/.exec(path);
  if (pass) return { page: passPage(root, pass[1]!), title: 'passTitle' };
  const verify = /^\/h5\/verify(?:\/([^/]*))?$/.exec(path);
  if (verify) {
    let code = verify[1] ?? '';
    try {
      code = decodeURIComponent(code);
    } catch {
      // a malformed escape: the API says why the code is wrong
    }
    return { page: verifyPage(root, code), title: 'verifyTitle' };
  }
  if (path === '/h5/progress') return { page: progressPage(root, new URLSearchParams(location.search).get('number') ?? ''), title: 'progressTitle' };
  return { page: null, title: null };
}

function apply(): void {
  const lang = currentLang();
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const text = i18n[lang][el.dataset.i18n as keyof (typeof i18n)['zh-CN']];
    if (text) el.textContent = text;
  }
  document.title = current.title ? `${t(current.title)} · ${t('title')}` : t('title');
  const button = document.getElementById('lang');
  if (button) button.textContent = lang === 'zh-CN' ? 'EN' : '中文';
  current.page?.render();
}

const current = route(document.getElementById('app')!);
apply();
document.getElementById('lang')?.addEventListener('click', () => {
  setLang(currentLang() === 'zh-CN' ? 'en-US' : 'zh-CN');
  apply();
});
