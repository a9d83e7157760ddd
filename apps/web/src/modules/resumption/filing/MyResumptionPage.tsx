// PLACEHOLDER (W1): replaced by the real page.
export default function MyResumptionPage() {
  return null;
}
