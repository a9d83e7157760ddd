// PLACEHOLDER: being written (issue 6).
export default function RiskPage() {
  return null;
}
