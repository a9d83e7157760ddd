// PLACEHOLDER (W1): replaced by the real page.
export default function PlanPage() {
  return null;
}
