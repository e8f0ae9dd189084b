// Issue 19: the lead report reads a period's leads by arrival. A covering index (arrival, then every column the
// report counts by) lets it read 20,000 leads without touching the rows, which carry their scoring histories.
import { sql, type Kysely } from 'kysely'
import { LIVE } from './columns'

export const statements: string[] = [
  `CREATE INDEX leads_report ON leads(received_at, source, campaign, status, score, converted_company_id, decided_at, reject_reason) ${LIVE}`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
