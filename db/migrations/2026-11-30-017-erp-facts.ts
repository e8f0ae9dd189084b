// Issue 17: facts from the ERP per customer and month — revenue, open items and the days the oldest open item
// is overdue — imported in the app (CSV/XLSX) or posted to the sync server by a nightly ERP export, synced
// with the company. One row per company and month (its id derived from both, so two imports of the same month
// on two laptops meet as one record).
import { sql, type Kysely } from 'kysely'
import { LIVE, SYNC_COLUMNS } from './columns'

export const statements: string[] = [
  `CREATE TABLE erp_facts (${SYNC_COLUMNS},
    company_id TEXT NOT NULL,
    month TEXT NOT NULL,
    revenue_cents INTEGER NOT NULL DEFAULT 0,
    open_items_cents INTEGER NOT NULL DEFAULT 0,
    days_overdue INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL DEFAULT 'import')`,
  `CREATE INDEX erp_facts_company_month ON erp_facts(company_id, month) ${LIVE}`,
  `CREATE INDEX erp_facts_month ON erp_facts(month) ${LIVE}`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
