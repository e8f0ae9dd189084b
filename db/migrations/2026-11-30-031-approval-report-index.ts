// Issue 20: the order-rate report's approval figures read the period's approval requests. Without an index on the
// request time the planner walked all offers and probed each one's approvals (100,000 lookups on the large set,
// ~100 ms cold); read by request time it touches only the period's requests, and this index covers them.
import { sql, type Kysely } from 'kysely'
import { LIVE } from './columns'

export const statements: string[] = [
  `CREATE INDEX offer_approvals_requested ON offer_approvals(requested_at, offer_id, decided_at, company_id) ${LIVE}`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
