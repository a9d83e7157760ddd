// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import '../i18n';
import { MaskedValue } from './MaskedValue';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
function render(node: React.ReactNode) {
  container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  act(() => root.render(node));
  return root;
}
afterEach(() => container.remove());

describe('MaskedValue', () => {
  it('shows the masked value, and the reveal action only to those who may reveal', () => {
    const root = render(<MaskedValue masked="138****5678" testId="p" />);
    expect(container.querySelector('[data-testid="p"]')?.textContent).toBe('138****5678');
    expect(container.querySelector('[data-testid="p-reveal"]')).toBeNull();
    act(() => root.render(<MaskedValue masked="138****5678" testId="p" onReveal={async () => '13800005678'} />));
    expect(container.querySelector('[data-testid="p-reveal"]')).not.toBeNull();
    act(() => root.unmount());
  });

  it('shows a dash when there is nothing', () => {
    const root = render(<MaskedValue masked={null} />);
    expect(container.textContent).toBe('-');
    act(() => root.unmount());
  });
});
