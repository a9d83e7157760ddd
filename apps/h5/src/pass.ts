// PLACEHOLDER: being written (issue 6). /h5/p/<token>: what a building pass's QR code opens.
import type { Page } from './ui';

export function passPage(root: HTMLElement, token: string): Page {
  return { render: () => void root.replaceChildren(token) };
}
