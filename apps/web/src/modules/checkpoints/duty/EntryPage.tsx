// PLACEHOLDER: being written (issue 6).
export default function EntryPage() {
  return null;
}
