// Business days of a German federal state, or of the whole country when the state is not known:
// used by follow-ups, renewal reminders and service levels alike.
import { addBusinessDays, addCalendarDays, isBusinessDay, nationwideHolidays } from './calendar/german-holidays'
import type { FederalState } from './federal-states'

const NATIONWIDE = new Map<number, Set<string>>()

/** Holidays every state has: what counts when the customer's state is not known (computed once a year). */
function nationwide(year: number): Set<string> {
  const known = NATIONWIDE.get(year)
  if (known) return known
  const days = new Set(nationwideHolidays(year).map((h) => h.date))
  NATIONWIDE.set(year, days)
  return days
}

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay()
const isWorkday = (date: string, state: FederalState | '') =>
  state ? isBusinessDay(date, state) : weekday(date) !== 0 && weekday(date) !== 6 && !nationwide(Number(date.slice(0, 4))).has(date)

export function plusBusinessDays(date: string, days: number, state: FederalState | ''): string {
  if (state) return addBusinessDays(date, days, state)
  let current = date
  for (let left = days; left > 0;) {
    current = addCalendarDays(current, 1)
    if (isWorkday(current, '')) left--
  }
  return current
}

/** The day itself when it is a business day of the state (nationwide ones when unknown), else the one before. */
export function onOrBeforeWorkday(date: string, state: FederalState | ''): string {
  let current = date
  while (!isWorkday(current, state)) current = addCalendarDays(current, -1)
  return current
}
