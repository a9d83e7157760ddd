// The UI language, read by the API client for Accept-Language and `lang=` of downloads.
import type { Lang } from '../lib/format';

export const LANG_STORAGE_KEY = 'shuangsheng.lang';
let current: Lang = 'zh-CN';

export function initialLang(): Lang {
  try {
    const saved = globalThis.localStorage?.getItem(LANG_STORAGE_KEY);
    if (saved === 'zh-CN' || saved === 'en-US') return saved;
  } catch {
    // storage may be unavailable (private mode); the default applies
  }
  return 'zh-CN';
}

export function currentLang(): Lang {
  return current;
}

export function rememberLang(lang: Lang): void {
  current = lang;
  try {
    globalThis.localStorage?.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // not persisted; the session still uses it
  }
}
