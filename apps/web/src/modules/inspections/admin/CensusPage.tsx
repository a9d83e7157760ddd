// PLACEHOLDER (W4): replaced by the real page.
export default function CensusPage() {
  return null;
}
