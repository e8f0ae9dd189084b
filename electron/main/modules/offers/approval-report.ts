// The order-rate report's discount approvals (issue 18): how many offers needed an approval in the period (a request
// made in it), and the median time from request to decision, in hours (open requests do not count towards it).
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../../../db/database.types'
import type { ApprovalStats } from '../../../../shared/modules/offers/offer.types'

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export async function approvalStats(db: Kysely<Database>, q: { from: string; to: string; ownerId: string; segment: string }): Promise<ApprovalStats> {
  // The period's requests first (offer_approvals_requested), then each one's offer: `cross join` fixes that order in
  // SQLite. Left to the planner, it walked all offers and probed each one's approvals.
  const rows = (await sql<{ offer_id: string; requested_at: string; decided_at: string | null }>`
    select a.offer_id, a.requested_at, a.decided_at from offer_approvals a cross join offers o on o.id = a.offer_id
    where a.deleted_at is null and o.deleted_at is null and a.requested_at >= ${q.from} and a.requested_at < ${`${q.to}T99`}
      ${q.ownerId ? sql`and o.owner_id = ${q.ownerId}` : sql``}
      ${q.segment ? sql`and a.company_id in (select id from companies where segment = ${q.segment})` : sql``}`.execute(db)).rows
  const hours = rows.filter((r) => r.decided_at).map((r) => (Date.parse(r.decided_at!) - Date.parse(r.requested_at)) / 3_600_000)
  const m = median(hours)
  return { offers: new Set(rows.map((r) => r.offer_id)).size, decided: hours.length, medianHoursToDecision: m === null ? null : Math.round(m * 10) / 10 }
}
