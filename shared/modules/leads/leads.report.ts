// The lead report and the response-time target (issue 19, docs/leads.md "Lead report", "Response-time target").
//
// First contact: the lead's decision — its conversion (which makes the company, the contact and the first
// touchpoint) or its rejection (after inside sales spoke to or judged the person). The touchpoint a conversion makes
// carries the lead's arrival, not the moment of contact, so the decision's time is what counts.
//
// Target: first contact by the end of the German day that is LEAD_FIRST_CONTACT_BUSINESS_DAYS business days after
// the lead arrived (nationwide public holidays; a lead arriving on a weekend or holiday counts from the next business
// day) — a lead from Friday 16:00 is due by Monday 24:00.
import { z } from 'zod'
import { daySchema } from '../../platform/common.schema'
import { berlinDay, berlinDayStart } from '../../platform/berlin-time'
import { onOrBeforeWorkday, plusBusinessDays } from '../../platform/business-days'
import { addCalendarDays } from '../../platform/calendar/calendar-days'
import type { LeadRejectReason } from './leads.enums'

/** Business days inside sales has for the first contact of a handed-over lead (a constant, documented). */
export const LEAD_FIRST_CONTACT_BUSINESS_DAYS = 1

/** The instant by which a lead that arrived at `receivedAt` must have had its first contact. */
export function firstContactDue(receivedAt: string, businessDays: number = LEAD_FIRST_CONTACT_BUSINESS_DAYS): string {
  const arrival = berlinDay(receivedAt)
  const key = `${arrival}:${businessDays}`
  const known = DUE_BY_DAY.get(key)
  if (known) return known
  let day = arrival
  while (onOrBeforeWorkday(day, '') !== day) day = addCalendarDays(day, 1)
  const due = berlinDayStart(addCalendarDays(plusBusinessDays(day, businessDays, ''), 1))
  if (DUE_BY_DAY.size > 5_000) DUE_BY_DAY.clear()
  DUE_BY_DAY.set(key, due)
  return due
}

/** The due instant by arrival day (a report asks it for every decided lead of two years). */
const DUE_BY_DAY = new Map<string, string>()

/** The median of some numbers (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Leads that arrived in [from, to] (German days). */
export const leadReportSchema = z.object({ from: daySchema, to: daySchema }).strict()
  .refine((r) => r.from <= r.to, { path: ['to'], message: 'errors.leadReportRange' })
export type LeadReportInput = z.input<typeof leadReportSchema>

/** One row of the funnel: leads → converted → with an offer → with a won offer, and the offers' order rate. */
export interface LeadFunnelRow {
  source: string
  /** '' on the source rows and the total. */
  campaign: string
  leads: number
  /** Still new and below the threshold (Marketing-Leads). */
  marketing: number
  /** Still new, at or above the threshold (in the inbox). */
  open: number
  converted: number
  rejected: number
  /** Converted leads whose company got an offer after the conversion. */
  withOffer: number
  /** Converted leads whose company won an offer made after the conversion. */
  withWon: number
  /** Offers made after the conversion and decided (won, lost, expired); the order rate's base. */
  decidedOffers: number
  wonOffers: number
  /** converted / leads. */
  conversionRate: number | null
  /** withOffer / leads. */
  offerRate: number | null
  /** withWon / leads. */
  wonRate: number | null
  /** wonOffers / decidedOffers: the order rate by lead source. */
  orderRate: number | null
}

export interface LeadReport {
  from: string
  to: string
  threshold: number
  total: LeadFunnelRow
  bySource: LeadFunnelRow[]
  byCampaign: LeadFunnelRow[]
  firstContact: {
    /** Decided leads (converted or rejected) of the period. */
    decided: number
    /** Median hours from arrival to the decision. */
    medianHours: number | null
    /** Decided within the response-time target. */
    withinTarget: number
    targetBusinessDays: number
  }
  rejectReasons: Array<{ reason: LeadRejectReason; count: number }>
}

export type LeadFunnelCounts = Omit<LeadFunnelRow, 'conversionRate' | 'offerRate' | 'wonRate' | 'orderRate'>

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null)

/** A row with its rates. */
export const funnelRow = (c: LeadFunnelCounts): LeadFunnelRow => ({
  ...c, conversionRate: ratio(c.converted, c.leads), offerRate: ratio(c.withOffer, c.leads), wonRate: ratio(c.withWon, c.leads), orderRate: ratio(c.wonOffers, c.decidedOffers),
})

const COUNTS = ['leads', 'marketing', 'open', 'converted', 'rejected', 'withOffer', 'withWon', 'decidedOffers', 'wonOffers'] as const

/** Sums rows into one (source and campaign as given). */
export function sumFunnel(rows: readonly LeadFunnelCounts[], source: string, campaign = ''): LeadFunnelCounts {
  const sum: LeadFunnelCounts = { source, campaign, leads: 0, marketing: 0, open: 0, converted: 0, rejected: 0, withOffer: 0, withWon: 0, decidedOffers: 0, wonOffers: 0 }
  for (const row of rows) for (const key of COUNTS) sum[key] += row[key]
  return sum
}

/** The German day by which a lead that arrived at `receivedAt` must have had its first contact. */
export function firstContactDueDay(receivedAt: string, businessDays: number = LEAD_FIRST_CONTACT_BUSINESS_DAYS): string {
  return addCalendarDays(berlinDay(firstContactDue(receivedAt, businessDays)), -1)
}

/**
 * The first instant whose arrivals are due after `day`: leads received before it are due on `day` or earlier. The due
 * day never falls as the arrival gets later, so "due by `day`" is one range of arrivals, which a query can ask of
 * the arrival column directly.
 */
export function arrivalsDueBy(day: string, businessDays: number = LEAD_FIRST_CONTACT_BUSINESS_DAYS): string {
  let arrival = addCalendarDays(day, -1)
  while (firstContactDueDay(berlinDayStart(arrival), businessDays) > day) arrival = addCalendarDays(arrival, -1)
  return berlinDayStart(addCalendarDays(arrival, 1))
}
