// PLACEHOLDER: being written (issue 6).
export default function SettingsPage() {
  return null;
}
