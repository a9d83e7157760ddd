// PLACEHOLDER: being written (issue 6).
export default function TracePage() {
  return null;
}
