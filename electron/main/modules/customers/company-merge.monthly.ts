// Merging two companies that both have ERP facts for the same month (issue 17): one row per company and month,
// so the survivor's month takes both — revenue and open items added up (two customer accounts of one customer
// invoiced separately), the days overdue the larger of the two (the oldest open item of either) — and the
// merged-away company's row of that month is deleted. Its other months move with the other children.
import type { Transaction } from 'kysely'
import type { Database } from '../../../../db/database.types'
import { deleteSynced, updateSynced } from '../../../../db/platform/synced-writes'

export async function mergeMonthlyFacts(trx: Transaction<Database>, loserId: string, survivorId: string, now: string): Promise<number> {
  const columns = ['id', 'month', 'revenue_cents', 'open_items_cents', 'days_overdue'] as const
  const kept = await trx.selectFrom('erp_facts').select(columns).where('company_id', '=', survivorId).where('deleted_at', 'is', null).execute()
  const byMonth = new Map(kept.map((row) => [row.month, row]))
  const taken = await trx.selectFrom('erp_facts').select(columns).where('company_id', '=', loserId).where('deleted_at', 'is', null).execute()
  let merged = 0
  for (const row of taken) {
    const survivor = byMonth.get(row.month)
    if (!survivor) continue
    await updateSynced(trx, 'erp_facts', survivor.id, {
      revenue_cents: survivor.revenue_cents + row.revenue_cents,
      open_items_cents: survivor.open_items_cents + row.open_items_cents,
      days_overdue: Math.max(survivor.days_overdue, row.days_overdue),
    }, now)
    await deleteSynced(trx, 'erp_facts', row.id, now)
    merged++
  }
  return merged
}
