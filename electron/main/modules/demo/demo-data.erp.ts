// Demo ERP facts (issue 17): for every customer and former customer 24 months of revenue up to the current
// month, the open items at each month's end and the days the oldest is overdue — so the company page, the
// health score's payment behaviour and the order trend have something to show; the large set holds
// 20,000 × 24 = 480,000 rows at most. Figures come from the company's index, not the random stream, so the
// rest of the demo data stays as it was; a company's months are written in one statement (insertSyncedMany).
import type { Kysely, Transaction } from 'kysely'
import { erpFactId } from '../../../../db/modules/erp'
import { insertSyncedMany, type InsertRow } from '../../../../db/platform/synced-writes'
import type { Database } from '../../../../db/database.types'
import type { CompanyStatus } from '../../../../shared/modules/customers'
import { addMonths } from '../../../../shared/modules/erp'
import { berlinDay } from '../../../../shared/platform/berlin-time'

export const DEMO_ERP_MONTHS = 24

/** The company's months, oldest first; none for a prospect (nothing invoiced yet). */
export function demoErpRows(companyId: string, n: number, status: CompanyStatus, nowMs: number): Array<InsertRow<'erp_facts'>> {
  if (status === 'prospect') return []
  const last = berlinDay(new Date(nowMs).toISOString()).slice(0, 7)
  // A monthly base of 500 € to 40,000 €, a trend of −3 … +3 % a month, and a season (less in summer and December).
  const base = 50_000 + ((n * 7_919) % 3_950_000)
  const trend = (((n * 31) % 7) - 3) / 100
  // A former customer stopped ordering 3 to 14 months ago.
  const stoppedBefore = status === 'former' ? 3 + (n % 12) : 0
  const late = n % 7 === 0 ? 15 + (n % 76) : n % 5 === 0 ? 1 + (n % 14) : 0
  const rows: Array<InsertRow<'erp_facts'>> = []
  for (let k = DEMO_ERP_MONTHS - 1; k >= 0; k--) {
    const month = addMonths(last, -k)
    const m = Number(month.slice(5))
    const season = m === 8 || m === 12 ? 0.7 : m === 7 ? 0.85 : 1
    const revenue = k < stoppedBefore ? 0 : Math.max(0, Math.round(base * (1 + trend * (DEMO_ERP_MONTHS - 1 - k)) * season * (0.85 + ((n + k * 13) % 30) / 100)))
    // Open items: this month's invoices not yet due, plus what is overdue; only the last three months hold any.
    const open = k < 3 ? Math.round(revenue * (late > 0 ? 0.6 + k * 0.3 : 0.4)) : 0
    rows.push({ id: erpFactId(companyId, month), company_id: companyId, month, revenue_cents: revenue, open_items_cents: open, days_overdue: k < 3 && open > 0 ? Math.max(0, late - k * 30) : 0, source: 'erp' })
  }
  return rows
}

/** Writes the company's demo months; answers how many. */
export async function demoErp(trx: Transaction<Database>, companyId: string, n: number, status: CompanyStatus, nowMs: number, now: string): Promise<number> {
  const rows = demoErpRows(companyId, n, status, nowMs)
  await insertSyncedMany(trx, 'erp_facts', rows, now)
  return rows.length
}

/**
 * ERP facts for every company of an existing demo database that has none yet (a set seeded before the facts
 * existed, such as the bench set): 500 companies a transaction, each company's months one statement. Answers the rows.
 */
export async function addDemoErpFacts(db: Kysely<Database>, nowMs: number, now: string): Promise<number> {
  const companies = await db.selectFrom('companies').select(['id', 'status']).where('deleted_at', 'is', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('erp_facts').select('erp_facts.id').whereRef('erp_facts.company_id', '=', 'companies.id'))))
    .orderBy('local_seq').execute()
  let written = 0
  for (let start = 0; start < companies.length; start += 500) {
    await db.transaction().execute(async (trx) => {
      for (const [offset, company] of companies.slice(start, start + 500).entries()) written += await demoErp(trx, company.id, start + offset, company.status, nowMs, now)
    })
  }
  return written
}
