// PLACEHOLDER: being written (issue 6).
export default function CasePage() {
  return null;
}
