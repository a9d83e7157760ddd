// PLACEHOLDER (W1): replaced by the real page.
export default function DailyReportsPage() {
  return null;
}
