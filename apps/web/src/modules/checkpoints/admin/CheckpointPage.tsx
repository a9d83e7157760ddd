// PLACEHOLDER: being written (issue 6).
export default function CheckpointPage() {
  return null;
}
