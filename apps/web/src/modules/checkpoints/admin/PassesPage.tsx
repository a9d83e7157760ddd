// PLACEHOLDER: being written (issue 6).
export default function PassesPage() {
  return null;
}
