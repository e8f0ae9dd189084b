// The SQL of each early-warning signal (issue 17): for a set of companies and a threshold, the occasions on which
// the rule fires. Every value of an occasion comes from the facts (its day too, never "today"), so two laptops
// evaluating the same facts make the same firing and the same task. A fact older than FRESH_DAYS no longer fires.
import { sql, type SqlBool, type Transaction } from 'kysely'
import type { Database } from '../../database.types'
import { renewingContract } from '../contracts'
import { berlinDay } from '../../../shared/platform/berlin-time'
import type { EventParams } from '../../../shared/platform/event-message'
import type { PlanningRelatedType } from '../../../shared/modules/planning'
import {
  COMPETITOR_TERM_MONTHS, COMPLAINT_WINDOW_DAYS, DEFAULT_TOUCHPOINT_NORM_DAYS, FRESH_DAYS, REVIVAL_REASONS, SEGMENT_TOUCHPOINT_NORM_DAYS,
  type TriggerReasonKey, type TriggerSignal,
} from '../../../shared/modules/success'

export interface Occasion {
  companyId: string
  /** What it fired about, unique per signal and company: part of the firing's id. */
  occasion: string
  /** Occasions an earlier version of the rule used for the same situation: a firing under one of them counts as made. */
  knownAs?: readonly string[]
  /** The day of the fact that made it fire. */
  firedOn: string
  /** When the task is due. */
  dueDate: string
  relatedType: PlanningRelatedType | null
  relatedId: string | null
  reason: TriggerReasonKey
  params: EventParams
}

export type SignalQuery = (trx: Transaction<Database>, companyIds: readonly string[], today: string, threshold: number) => Promise<Occasion[]>

const addDays = (day: string, days: number): string => {
  const d = new Date(`${day}T12:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}
const addMonths = (day: string, months: number): string => {
  const d = new Date(`${day}T12:00:00Z`)
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1, 12))
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0, 12)).getUTCDate()
  target.setUTCDate(Math.min(d.getUTCDate(), last))
  return target.toISOString().slice(0, 10)
}
const ids = (companyIds: readonly string[]) => sql.join(companyIds.map((id) => sql`${id}`))

/** An NPS answer at or below the threshold. */
const detractor: SignalQuery = async (trx, companyIds, today, threshold) => {
  const rows = await trx.selectFrom('feedback').select(['id', 'company_id', 'score', 'given_on'])
    .where('company_id', 'in', companyIds).where('deleted_at', 'is', null).where('kind', '=', 'nps')
    .where('score', 'is not', null).where('score', '<=', threshold).where('given_on', '>=', addDays(today, -FRESH_DAYS)).where('given_on', '<=', today).execute()
  return rows.map((r) => ({
    companyId: r.company_id, occasion: `feedback:${r.id}`, firedOn: r.given_on, dueDate: r.given_on, relatedType: null, relatedId: null,
    reason: 'trigger.reason.detractor', params: { score: r.score ?? 0, givenOn: r.given_on },
  }))
}

/** The threshold-th complaint within COMPLAINT_WINDOW_DAYS (counting it and those received before it). */
/**
 * The complaint that makes the threshold within COMPLAINT_WINDOW_DAYS. The occasion is the window's FIRST complaint,
 * not the one that completed the count: two complaints logged on two laptops offline each complete the count on their
 * own laptop, but both windows start with the same earlier complaint, so both laptops make the same firing (one task
 * for one situation). A later complaint that opens a new window (the first one left it) fires again.
 */
const complaints: SignalQuery = async (trx, companyIds, today, threshold) => {
  const inWindow = (select: ReturnType<typeof sql>) => sql`(select ${select} from cases p where p.company_id = c.company_id and p.deleted_at is null and p.type = 'complaint'
        and p.received_at > strftime('%Y-%m-%dT%H:%M:%fZ', c.received_at, ${`-${COMPLAINT_WINDOW_DAYS} days`})
        and (p.received_at < c.received_at or (p.received_at = c.received_at and p.id <= c.id))`
  const { rows } = await sql<{ id: string; company_id: string; number: string; received_at: string; n: number; first_id: string }>`
    select c.id, c.company_id, c.number, c.received_at, ${inWindow(sql`count(*)`)}) as n,
      ${inWindow(sql`p.id`)} order by p.received_at, p.id limit 1) as first_id
    from cases c
    where c.company_id in (${ids(companyIds)}) and c.deleted_at is null and c.type = 'complaint' and c.received_at >= ${addDays(today, -FRESH_DAYS - 1)}`.execute(trx)
  return rows.filter((r) => Number(r.n) === threshold).map((r) => {
    const day = berlinDay(r.received_at)
    return {
      companyId: r.company_id, occasion: `complaints-from:${r.first_id}`, knownAs: [`case:${r.id}`], firedOn: day, dueDate: day, relatedType: 'case' as const, relatedId: r.id,
      reason: 'trigger.reason.complaints' as const, params: { count: threshold, days: COMPLAINT_WINDOW_DAYS, number: r.number, receivedOn: day },
    }
  })
}

/** A running contract whose cancel-by date is within the threshold in days, without an offer for its renewal this term. */
const cancelBy: SignalQuery = async (trx, companyIds, today, threshold) => {
  const rows = await trx.selectFrom('contracts as k').select(['k.id', 'k.company_id', 'k.number', 'k.cancel_by'])
    .where('k.company_id', 'in', companyIds).where('k.deleted_at', 'is', null).where(renewingContract('k'))
    .where('k.cancelled_by', '=', '').where('k.cancel_by', '>=', today).where('k.cancel_by', '<=', addDays(today, threshold))
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('offers as o').select('o.id')
      .whereRef('o.contract_id', '=', 'k.id').where('o.deleted_at', 'is', null).whereRef('o.offer_date', '>=', 'k.term_start'))))
    .execute()
  return rows.map((r) => {
    const day = addDays(r.cancel_by, -threshold)
    return {
      companyId: r.company_id, occasion: `contract:${r.id}:${r.cancel_by}`, firedOn: day, dueDate: day, relatedType: 'contract' as const, relatedId: r.id,
      reason: 'trigger.reason.cancelBy' as const, params: { number: r.number, cancelBy: r.cancel_by },
    }
  })
}

const NORM_DAYS = sql<number>`case c.segment ${sql.join(Object.entries(SEGMENT_TOUCHPOINT_NORM_DAYS).map(([segment, days]) => sql`when ${sql.lit(segment)} then ${sql.lit(days)}`), sql` `)} else ${sql.lit(DEFAULT_TOUCHPOINT_NORM_DAYS)} end`

/**
 * A customer without a touchpoint for the threshold times its segment's norm (since its last one, or since it was
 * created), within FRESH_DAYS of the day it crossed. The companies are found by id (`+c.status` keeps SQLite off the status index, which would scan every
 * customer for each chunk); the last touchpoint is the newest entry of the company's index.
 */
const noTouchpoint: SignalQuery = async (trx, companyIds, today, threshold) => {
  const { rows } = await sql<{ id: string; created_at: string; last: string | null; norm: number }>`
    select c.id, c.created_at, ${NORM_DAYS} as norm,
      (select t.occurred_at from touchpoints t where t.company_id = c.id and t.deleted_at is null order by t.occurred_at desc limit 1) as last
    from companies c where c.id in (${ids(companyIds)}) and c.deleted_at is null and +c.status = 'customer'`.execute(trx)
  const found: Occasion[] = []
  for (const r of rows) {
    const since = berlinDay(r.last ?? r.created_at)
    const limit = threshold * Number(r.norm)
    const firedOn = addDays(since, limit)
    // Like every other fact, a silence that crossed the limit more than FRESH_DAYS ago no longer fires: a laptop set
    // up today does not greet its rep with months-old overdue tasks (the health score still counts the silence).
    if (firedOn > today || firedOn < addDays(today, -FRESH_DAYS)) continue
    found.push({
      companyId: r.id, occasion: `silence:${since}`, firedOn, dueDate: firedOn, relatedType: null, relatedId: null,
      reason: r.last ? 'trigger.reason.noTouchpoint' : 'trigger.reason.noTouchpointEver', params: { days: limit, norm: Number(r.norm) },
    })
  }
  return found
}

/**
 * A lost offer brought back: lost for timing or budget, at the date the customer named; lost to a competitor, the
 * threshold in months before that competitor's typical term (COMPETITOR_TERM_MONTHS from the loss) ends. It fires when
 * the offer is lost (or within FRESH_DAYS, on a laptop that sees the loss later); the task waits for its day.
 */
const lostRevival: SignalQuery = async (trx, companyIds, today, threshold) => {
  const fresh = addDays(today, -FRESH_DAYS)
  // Only offers lost lately: a laptop syncing years of history does not revive every offer lost back then. The
  // decided offers' index on closed_at finds them (a few thousand on the large set); `+company_id` keeps SQLite from
  // walking each company's offers instead (59 ms per 500 customers).
  const rows = await trx.selectFrom('offers').select(['id', 'company_id', 'number', 'lost_reason', 'lost_competitor', 'recontact_on', 'closed_at'])
    .where(sql`+company_id`, 'in', companyIds).where('deleted_at', 'is', null).where('closed_at', 'is not', null).where('closed_at', '>=', addDays(fresh, -1))
    .where(sql<SqlBool>`+status = 'lost'`)
    .where((eb) => eb.or([eb.and([eb('lost_reason', 'in', REVIVAL_REASONS), eb('recontact_on', 'is not', null)]), eb('lost_reason', '=', 'competitor')]))
    .execute()
  const found: Occasion[] = []
  for (const r of rows) {
    const lostOn = berlinDay(r.closed_at!)
    if (lostOn < fresh) continue
    if (r.lost_reason === 'competitor') {
      const termEnds = addMonths(lostOn, COMPETITOR_TERM_MONTHS)
      const due = addMonths(termEnds, -threshold)
      found.push({
        companyId: r.company_id, occasion: `offer:${r.id}`, firedOn: lostOn, dueDate: due, relatedType: 'offer', relatedId: r.id,
        reason: 'trigger.reason.lostCompetitor', params: { number: r.number, competitor: r.lost_competitor, termEnds },
      })
    } else if (r.recontact_on) {
      found.push({
        companyId: r.company_id, occasion: `offer:${r.id}`, firedOn: lostOn, dueDate: r.recontact_on, relatedType: 'offer', relatedId: r.id,
        reason: 'trigger.reason.lostRecontact', params: { number: r.number, reason: r.lost_reason, recontactOn: r.recontact_on },
      })
    }
  }
  return found
}

/**
 * A health score below the threshold (company_health, refreshed by the hook before this one in the same
 * transaction). The score is derived identically on every laptop from the same facts, but when each laptop sees
 * it fall differs, so the occasion is the calendar month: while a score stays low it fires at most once a month per
 * customer, and two laptops firing in the same month make one firing (the server keeps the first).
 */
const healthLow: SignalQuery = async (trx, companyIds, today, threshold) => {
  const rows = await trx.selectFrom('company_health as h').innerJoin('companies as c', 'c.id', 'h.company_id')
    .select(['h.company_id', 'h.score']).where('h.company_id', 'in', companyIds).where('c.deleted_at', 'is', null).where('h.score', '<', threshold).execute()
  return rows.map((r) => ({
    companyId: r.company_id, occasion: `health:${today.slice(0, 7)}`, firedOn: today, dueDate: today, relatedType: null, relatedId: null,
    reason: 'trigger.reason.healthLow' as const, params: { score: r.score, threshold },
  }))
}

/** Each signal's query: one entry per signal. */
export const SIGNAL_QUERIES: Readonly<Record<TriggerSignal, SignalQuery>> = {
  detractor, complaints, cancel_by: cancelBy, no_touchpoint: noTouchpoint, lost_revival: lostRevival, health_low: healthLow,
}

export const triggerDates = { addDays, addMonths }
