import { describe, expect, it } from 'vitest';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';

/** Every leaf key as a dotted path. */
function leaves(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

function placeholders(s: string): string[] {
  return [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
}

function valueAt(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);
}

describe('i18n catalogues', () => {
  const zh = leaves(zhCN);
  const en = leaves(enUS);

  it('en-US has every key of zh-CN', () => {
    expect(zh.filter((k) => !en.includes(k))).toEqual([]);
  });

  it('zh-CN has every key of en-US', () => {
    expect(en.filter((k) => !zh.includes(k))).toEqual([]);
  });

  it('no message is empty and both languages use the same placeholders', () => {
    for (const key of zh) {
      const a = valueAt(zhCN, key);
      const b = valueAt(enUS, key);
      expect(typeof a, key).toBe('string');
      expect(typeof b, key).toBe('string');
      expect((a as string).trim(), key).not.toBe('');
      expect((b as string).trim(), key).not.toBe('');
      expect(placeholders(b as string), key).toEqual(placeholders(a as string));
    }
  });

  it('the English catalogue holds no Chinese outside glossary hints', () => {
    const allowed = new Set(['tierHints.ten_billion', 'tierHints.billion', 'tierHints.hundred_million', 'app.name']);
    const leaking = en.filter((k) => !allowed.has(k) && /[\u4e00-\u9fff]/.test(valueAt(enUS, k) as string));
    expect(leaking).toEqual([]);
  });
});
