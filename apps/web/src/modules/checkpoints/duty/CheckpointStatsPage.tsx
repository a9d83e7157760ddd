// PLACEHOLDER: being written (issue 6).
export default function CheckpointStatsPage() {
  return null;
}
