// PLACEHOLDER: being written (issue 6).
export default function RegistrationsPage() {
  return null;
}
