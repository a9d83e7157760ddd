// PLACEHOLDER (W2): replaced by the real page.
export default function DemandPage() {
  return null;
}
