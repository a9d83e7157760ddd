// PLACEHOLDER (W3): replaced by the real page.
export default function MyTasksPage() {
  return null;
}
