// i18next with both catalogues bundled (they are small); the language is kept in localStorage
// and mirrored to the API client (Accept-Language), dayjs and <html lang>.
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { initialLang, rememberLang } from '../api/lang';
import type { Lang } from '../lib/format';
import { enUS } from './en-US';
import { zhCN, type Messages } from './zh-CN';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

export const LANGUAGES: { code: Lang; label: string }[] = [
  { code: 'zh-CN', label: '中文' },
  { code: 'en-US', label: 'English' },
];

function apply(lang: Lang): void {
  rememberLang(lang);
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  if (typeof document !== 'undefined') {
    document.documentElement.lang = lang;
    document.title = lang === 'zh-CN' ? zhCN.app.title : enUS.app.title;
  }
}

const start = initialLang();
apply(start);
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
  lng: start,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export async function setLanguage(lang: Lang): Promise<void> {
  apply(lang);
  await i18n.changeLanguage(lang);
}

export function currentLanguage(): Lang {
  return i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
}

/** The UI language, re-rendering when it changes. */
export function useLang(): Lang {
  const { i18n: instance } = useTranslation();
  return instance.language === 'en-US' ? 'en-US' : 'zh-CN';
}

export default i18n;
