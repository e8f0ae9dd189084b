// When to follow up a sent offer (konsequentes Nachfassen): business days of the customer's state.
import { addCalendarDays } from '../../platform/calendar/german-holidays'
import { onOrBeforeWorkday, plusBusinessDays } from '../../platform/business-days'
import type { FederalState } from '../../platform/federal-states'
import { DEFAULT_CADENCE, type FollowUpKind } from './offer.enums'

export interface Cadence {
  afterBusinessDays: readonly number[]
  daysBeforeExpiry: number
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
