// The password rule the server holds every new password to (own or set by an admin): at least
// PASSWORD_MIN characters with letters and digits.
import type { TFunction } from 'i18next';
import { PASSWORD_MIN } from '@shuangsheng/contracts';

export function isStrongPassword(p: string): boolean {
  return p.length >= PASSWORD_MIN && /[A-Za-z]/.test(p) && /\d/.test(p);
}

/** An antd form rule for a new password; an empty field is left to `required`. */
export function strongPasswordRule(t: TFunction) {
  const message = t('auth.passwordRule', { min: PASSWORD_MIN });
  return { validator: (_r: unknown, v: string | undefined) => (!v || isStrongPassword(v) ? Promise.resolve() : Promise.reject(new Error(message))) };
}
