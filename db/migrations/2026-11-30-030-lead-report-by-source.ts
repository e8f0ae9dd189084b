// Issue 19: the lead report counts a period's leads per source and campaign. Read in arrival order (leads_report),
// the grouping sorted every lead of two years in a temporary b-tree; read in source and campaign order it needs none
// (the period is a filter on the index's third column). Each converted lead's offers since its conversion are
// looked up by company and creation time without touching the offer rows (offers_company_created).
import { sql, type Kysely } from 'kysely'
import { LIVE } from './columns'

export const statements: string[] = [
  `CREATE INDEX leads_by_source ON leads(source, campaign, received_at, status, score, converted_company_id, decided_at) ${LIVE}`,
  `CREATE INDEX offers_company_created ON offers(company_id, created_at, status) ${LIVE}`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
