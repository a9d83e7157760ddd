// PLACEHOLDER (W2): replaced by the real page.
export default function DemandsPage() {
  return null;
}
