// PLACEHOLDER: being written (issue 6). /h5/c/<token>: the public registration form of a checkpoint.
import type { Page } from './ui';

export function registerPage(root: HTMLElement, token: string): Page {
  return { render: () => void root.replaceChildren(token) };
}
