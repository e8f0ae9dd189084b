// Text for an iCalendar property (the calendar feed, an invitation). ical.js and ics escape commas, semicolons,
// backslashes and line feeds, but not a bare carriage return or other control characters, which some calendars
// read as a line break: a title typed (or pushed by a hostile laptop) as "A\rORGANIZER:…" would become a property
// of its own. Line breaks become "\n" (escaped by the writer), every other control character but tab a space.
export function icalText(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed here
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, ' ')
}
