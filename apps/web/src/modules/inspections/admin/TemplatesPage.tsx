// PLACEHOLDER (W4): replaced by the real page.
export default function TemplatesPage() {
  return null;
}
