// Service levels: acknowledge within X service hours, resolve within Y business days. Evenings,
// weekends and the public holidays of the customer's state do not count.
import { addBusinessDays, addCalendarDays, isBusinessDay } from '../../platform/calendar/german-holidays'
import type { FederalState } from '../customers'
import { onOrBeforeWorkday } from '../../platform/business-days'
import { DETRACTOR_MAX_SCORE, PROMOTER_MIN_SCORE, type Priority } from './service.enums'
import { berlinDay, berlinOffsetMs } from '../../platform/berlin-time'
export { berlinDay, berlinOffsetMs } from '../../platform/berlin-time'

export interface ServiceLevel {
  acknowledgeHours: number
  resolveBusinessDays: number
}

export const DEFAULT_SERVICE_LEVELS: Record<Priority, ServiceLevel> = {
  urgent: { acknowledgeHours: 2, resolveBusinessDays: 1 },
  high: { acknowledgeHours: 4, resolveBusinessDays: 3 },
  normal: { acknowledgeHours: 8, resolveBusinessDays: 5 },
  low: { acknowledgeHours: 24, resolveBusinessDays: 10 },
}

/** A business day of the state; with no state known, a weekday that is a holiday nowhere in Germany. */
const workday = (date: string, state: FederalState | '') => (state ? isBusinessDay(date, state) : onOrBeforeWorkday(date, '') === date)

/** Service hours on a business day, German local time: 08:00 to 17:00. */
export const SERVICE_HOURS = { start: 8, end: 17 } as const

/**
 * `hours` of service time after `receivedAt` (a UTC instant): only the service hours of business
 * days of the customer's state count, so a case received on Friday at 16:00 with 4 hours to
 * acknowledge is due on Monday at 11:00, and one received at night starts counting at 08:00.
 */
export function acknowledgeDue(receivedAt: string, hours: number, state: FederalState | ''): string {
  const start = Date.parse(receivedAt)
  let at = start + berlinOffsetMs(start) // local wall-clock time, as if it were UTC
  let left = hours * 3_600_000
  const HOUR = 3_600_000
  for (let guard = 0; guard < 2000; guard++) {
    const day = new Date(at).toISOString().slice(0, 10)
    const open = Date.parse(`${day}T00:00:00.000Z`) + SERVICE_HOURS.start * HOUR
    const close = Date.parse(`${day}T00:00:00.000Z`) + SERVICE_HOURS.end * HOUR
    if (!workday(day, state) || at >= close) {
      at = Date.parse(`${addCalendarDays(day, 1)}T00:00:00.000Z`) + SERVICE_HOURS.start * HOUR
      continue
    }
    if (at < open) at = open
    if (at + left <= close) {
      at += left
      break
    }
    left -= close - at
    at = close
  }
  return new Date(at - berlinOffsetMs(at - 3 * HOUR)).toISOString()
}

/** The day a case must be resolved by: Y business days after the day it came in (a non-business day counts from the next one). */
export function resolveDue(receivedAt: string, businessDays: number, state: FederalState | ''): string {
  const day = berlinDay(receivedAt)
  if (state) return addBusinessDays(day, businessDays, state)
  let current = day
  while (!workday(current, '')) current = addCalendarDays(current, 1)
  for (let left = businessDays; left > 0;) {
    current = addCalendarDays(current, 1)
    if (workday(current, '')) left--
  }
  return current
}

/** Warranty: the day the warranty ends, `months` after delivery (or installation), inclusive. */
export function underWarranty(warrantyEnd: string | null, claimDate: string): boolean {
  return warrantyEnd !== null && claimDate <= warrantyEnd
}

/** Net Promoter Score: % promoters (9–10) minus % detractors (0–6), or null without answers. */
export function netPromoterScore(scores: readonly number[]): { nps: number | null; promoters: number; passives: number; detractors: number } {
  const promoters = scores.filter((s) => s >= PROMOTER_MIN_SCORE).length
  const detractors = scores.filter((s) => s <= DETRACTOR_MAX_SCORE).length
  return { nps: npsOf(promoters, detractors, scores.length), promoters, passives: scores.length - promoters - detractors, detractors }
}

/** The score from counts, to one decimal; null without answers. */
export const npsOf = (promoters: number, detractors: number, answers: number): number | null =>
  answers > 0 ? Math.round(((promoters - detractors) / answers) * 1000) / 10 : null
