// Keyboard-fast forms at a checkpoint desk: Enter moves to the next field marked `data-enter`
// (skipping hidden and disabled ones), Enter on the last one or Ctrl/⌘+Enter anywhere saves. An
// Enter that finishes an input-method composition (pinyin → 张三) does not move on; selects move on
// when an option is chosen (their own Enter picks it).
import { useCallback, useRef, type KeyboardEvent } from 'react';

function fieldsIn(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>('[data-enter]')].filter((el) => {
    const input = focusable(el);
    return !!input && !(input as HTMLInputElement).disabled && el.getClientRects().length > 0;
  });
}

function focusable(el: HTMLElement): HTMLElement | null {
  return el.matches('input, textarea, button') ? el : el.querySelector<HTMLElement>('input, textarea, button');
}

export function useEnterToNext(onSubmit: () => void) {
  const ref = useRef<HTMLDivElement>(null);

  const focusAfter = useCallback(
    (from: Element | null) => {
      const box = ref.current;
      if (!box || !from) return;
      const fields = fieldsIn(box);
      const i = fields.findIndex((f) => f === from || f.contains(from));
      const next = i >= 0 ? fields[i + 1] : undefined;
      if (next) {
        const input = focusable(next);
        input?.focus();
        if (input instanceof HTMLInputElement && input.type === 'text') input.select();
      } else onSubmit();
    },
    [onSubmit],
  );

  /** Focus the first field (after a save: the next person). */
  const focusFirst = useCallback(() => {
    const box = ref.current;
    if (!box) return;
    const first = fieldsIn(box)[0];
    if (first) focusable(first)?.focus();
  }, []);

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.keyCode === 229) return;
      const target = e.target as HTMLElement;
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        onSubmit();
        return;
      }
      if (target.tagName === 'TEXTAREA' || target.tagName === 'BUTTON') return;
      if (target.closest('.ant-select, .ant-picker, .ant-segmented, .ant-checkbox-wrapper, .ant-radio-wrapper')) return;
      if (!target.closest('[data-enter]') && !target.hasAttribute('data-enter')) return;
      e.preventDefault();
      focusAfter(target);
    },
    [onSubmit, focusAfter],
  );

  return { ref, onKeyDown, focusAfter, focusFirst };
}
