// PLACEHOLDER: being written (issue 6).
export default function DutyPage() {
  return null;
}
