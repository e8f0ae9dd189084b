// When to follow up a sent offer (konsequentes Nachfassen): business days of the customer's state.
import { addBusinessDays, addCalendarDays, isBusinessDay, publicHolidays } from '../../platform/calendar/german-holidays'
import { FEDERAL_STATES, type FederalState } from '../customers/customer.enums'
import { DEFAULT_CADENCE, type FollowUpKind } from './offer.enums'

export interface Cadence {
  afterBusinessDays: readonly number[]
  daysBeforeExpiry: number
}

/** Holidays every state has: what counts when the customer's state is not known. */
function nationwide(year: number): Set<string> {
  const sets = FEDERAL_STATES.map((s) => new Set(publicHolidays(year, s).map((h) => h.date)))
  return new Set([...sets[0]!].filter((d) => sets.every((set) => set.has(d))))
}

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay()
const isWorkday = (date: string, state: FederalState | '') =>
  state ? isBusinessDay(date, state) : weekday(date) !== 0 && weekday(date) !== 6 && !nationwide(Number(date.slice(0, 4))).has(date)

function plusBusinessDays(date: string, days: number, state: FederalState | ''): string {
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

export interface PlannedFollowUp {
  kind: FollowUpKind
  date: string
}

/**
 * The follow-ups of an offer sent on `sentDate`: N business days after sending (skipping weekends
 * and the customer's public holidays), and some days before the validity ends, moved back to a
 * business day. Dates after the validity or not after the sending day are dropped; a day is used once.
 */
export function followUpSchedule(sentDate: string, validUntil: string, state: FederalState | '', cadence: Cadence = DEFAULT_CADENCE): PlannedFollowUp[] {
  const kinds: FollowUpKind[] = ['after_first', 'after_second']
  const planned: PlannedFollowUp[] = cadence.afterBusinessDays.slice(0, 2).map((days, i) => ({ kind: kinds[i]!, date: plusBusinessDays(sentDate, days, state) }))
  planned.push({ kind: 'before_expiry', date: onOrBeforeWorkday(addCalendarDays(validUntil, -cadence.daysBeforeExpiry), state) })
  const seen = new Set<string>()
  return planned
    .filter((p) => p.date > sentDate && p.date <= validUntil)
    .sort((a, b) => a.date.localeCompare(b.date))
    .filter((p) => (seen.has(p.date) ? false : (seen.add(p.date), true)))
}
