// PLACEHOLDER: being written (issue 6).
export default function CheckpointsPage() {
  return null;
}
