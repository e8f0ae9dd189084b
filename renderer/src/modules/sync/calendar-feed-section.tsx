// Placeholder (issue 16): the calendar subscription in the settings.
export function CalendarFeedSection() {
  return null
}
