// Writing ERP facts: one row per company and month. A month the company has figures for is updated (only
// what changed, so a re-import of the same file writes nothing), a new month is inserted under the id derived
// from company and month (db/modules/erp/erp-ids.ts), a hundred rows to a statement.
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../../../db/database.types'
import { erpFactId } from '../../../../db/modules/erp'
import { insertSyncedMany, updateSynced, type InsertRow } from '../../../../db/platform/synced-writes'
import type { ErpFactSource } from '../../../../shared/modules/erp'

export interface FactToWrite {
  companyId: string
  month: string
  revenueCents: number
  openItemsCents: number
  daysOverdue: number
}

export type FactAction = 'new' | 'update' | 'same'

interface ExistingFact {
  id: string
  revenue_cents: number
  open_items_cents: number
  days_overdue: number
}

const key = (companyId: string, month: string) => `${companyId}:${month}`

/**
 * The live facts of these companies, by company and month. Found by company and month, not by the derived id:
 * a month moved to the survivor by a merge keeps the id it was made with.
 */
export async function existingFacts(db: Pick<Kysely<Database>, 'selectFrom'>, companyIds: readonly string[]): Promise<Map<string, ExistingFact>> {
  const out = new Map<string, ExistingFact>()
  const ids = [...new Set(companyIds)]
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('erp_facts').select(['id', 'company_id', 'month', 'revenue_cents', 'open_items_cents', 'days_overdue'])
      .where('company_id', 'in', ids.slice(i, i + 500)).where('deleted_at', 'is', null).execute()
    for (const row of rows) out.set(key(row.company_id, row.month), row)
  }
  return out
}

/** What writing the fact would do to the data as it is. */
export function actionOf(existing: ReadonlyMap<string, ExistingFact>, fact: FactToWrite): FactAction {
  const current = existing.get(key(fact.companyId, fact.month))
  if (!current) return 'new'
  const same = current.revenue_cents === fact.revenueCents && current.open_items_cents === fact.openItemsCents && current.days_overdue === fact.daysOverdue
  return same ? 'same' : 'update'
}

/** Writes the facts in the caller's transaction; answers how many were new, changed and already so. */
export async function writeFacts(trx: Transaction<Database>, facts: readonly FactToWrite[], source: ErpFactSource, now: string): Promise<Record<FactAction, number>> {
  const existing = await existingFacts(trx, facts.map((f) => f.companyId))
  const counts: Record<FactAction, number> = { new: 0, update: 0, same: 0 }
  const inserts: Array<InsertRow<'erp_facts'>> = []
  for (const fact of facts) {
    const action = actionOf(existing, fact)
    counts[action]++
    const figures = { revenue_cents: fact.revenueCents, open_items_cents: fact.openItemsCents, days_overdue: fact.daysOverdue }
    if (action === 'new') inserts.push({ id: erpFactId(fact.companyId, fact.month), company_id: fact.companyId, month: fact.month, ...figures, source })
    else if (action === 'update') await updateSynced(trx, 'erp_facts', existing.get(key(fact.companyId, fact.month))!.id, { ...figures, source }, now)
  }
  await insertSyncedMany(trx, 'erp_facts', inserts, now)
  return counts
}
