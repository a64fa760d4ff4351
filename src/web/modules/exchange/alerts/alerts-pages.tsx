/** Placeholder pages of the alerts board, replaced by the alerts area. */
export function AlertsPage() {
  return null;
}
export function NewAlertPage() {
  return null;
}
export function AlertPage() {
  return null;
}
