// Placeholder (issue 16): replaced by the module's screen.
export function AppointmentPage() {
  return null
}
