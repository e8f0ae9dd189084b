// A year of journey history for the demo (issue 17): for each company a plausible way through the stations over the
// last twelve months that ends where the company stands now (its stored position), so the station line and the
// journey map have movements to show. A prospect went back and forth at the offer (offers sent, some lost); a
// customer came from an offer through the contract into usage, perhaps via support, a referral and the renewal
// window; a former customer left after the renewal. Chosen by the company's index, not the demo's random stream, so
// the rest of the demo data stays as it was.
import type { Transaction } from 'kysely'
import { journeyChangeId } from '../../../../db/modules/customers'
import { insertSyncedMany } from '../../../../db/platform/synced-writes'
import type { Database } from '../../../../db/database.types'
import type { CompanyStatus, JourneyReason, Station } from '../../../../shared/modules/customers'
import { day, random } from './demo-data.random'

type Position = [station: Station | null, reason: JourneyReason, status: CompanyStatus]

/** A customer's way, in order; a demo customer walked a first part of it before arriving where they stand. */
const CUSTOMER_WAY: readonly Position[] = [
  ['offer', 'open_offer', 'prospect'], ['contract', 'new_contract', 'customer'], ['usage', 'active_contract', 'customer'],
  ['support', 'open_cases', 'customer'], ['usage', 'active_contract', 'customer'], ['referral', 'referral', 'customer'],
  ['usage', 'active_contract', 'customer'], ['renewal', 'renewal_window', 'customer'],
]
const PROSPECT_WAY: readonly Position[] = [['offer', 'status', 'prospect'], ['offer', 'open_offer', 'prospect'], ['offer', 'status', 'prospect'], ['offer', 'open_offer', 'prospect']]

const DAY_MS = 86_400_000

/** The way of one company up to its current position: an earlier part of the way its status walks, then where it is. */
export function demoWay(n: number, current: Position): Position[] {
  const rnd = random(n * 7919 + 17)
  const way = current[2] === 'prospect' ? PROSPECT_WAY : CUSTOMER_WAY
  const walked = way.slice(0, rnd.int(current[2] === 'prospect' ? 0 : 1, way.length - (current[2] === 'former' ? 0 : 2)))
  const positions: Position[] = []
  // A former customer who is back at a station (a complaint about the old machine) left the journey before.
  const left: Position[] = current[2] === 'former' && current[0] !== null ? [[null, 'former_customer', 'former']] : []
  for (const p of [...walked, ...left, current]) {
    const last = positions[positions.length - 1]
    if (!last || last[0] !== p[0] || last[1] !== p[1]) positions.push(p)
  }
  return positions
}

/**
 * The history of the companies as rows of journey_changes: each company's way spread over the last year on distinct
 * days, in order. Written with their outbox operations, as a laptop records them.
 */
export async function demoJourneyHistory(trx: Transaction<Database>, companies: ReadonlyArray<{ id: string; n: number; position: Position }>, nowMs: number, now: string): Promise<number> {
  const rows: Array<Parameters<typeof insertSyncedMany<'journey_changes'>>[2][number]> = []
  for (const c of companies) {
    const way = demoWay(c.n, c.position)
    const rnd = random(c.n * 104_729 + 3)
    // Days ago, from the oldest change to the newest: strictly decreasing, within the year.
    let ago = rnd.int(Math.min(365, 30 + way.length * 40), 365)
    const seen = new Map<string, number>()
    way.forEach(([station, reason, status], i) => {
      const remaining = way.length - i
      ago = i === 0 ? ago : Math.max(remaining === 1 ? rnd.int(0, Math.min(60, ago - 1)) : remaining - 1, ago - rnd.int(5, Math.max(6, Math.floor(ago / remaining))))
      const changedOn = day(nowMs - ago * DAY_MS)
      const key = `${station}:${changedOn}`
      const k = seen.get(key) ?? 0
      seen.set(key, k + 1)
      rows.push({ id: journeyChangeId(c.id, station, changedOn, k), company_id: c.id, station, reason, status, changed_on: changedOn })
    })
  }
  await insertSyncedMany(trx, 'journey_changes', rows, now)
  return rows.length
}

/** The history of demo companies (their index in the demo data), ending at the position each stands at now. */
export async function demoJourneyFor(trx: Transaction<Database>, companies: ReadonlyArray<{ id: string; n: number }>, nowMs: number, now: string): Promise<number> {
  if (companies.length === 0) return 0
  const rows = await trx.selectFrom('company_journey as j').innerJoin('companies as c', 'c.id', 'j.company_id')
    .select(['j.company_id', 'j.station', 'j.reason', 'c.status']).where('j.company_id', 'in', companies.map((c) => c.id)).execute()
  const byId = new Map(rows.map((r) => [r.company_id, [r.station, r.reason, r.status] as Position]))
  return demoJourneyHistory(trx, companies.flatMap((c) => (byId.has(c.id) ? [{ ...c, position: byId.get(c.id)! }] : [])), nowMs, now)
}
