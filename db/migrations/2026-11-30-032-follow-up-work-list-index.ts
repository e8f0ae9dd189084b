// Issue 20: the work list's offer follow-ups of a day or range are sorted by day and offer value. The open-due index
// held neither the offer nor its value, so each follow-up cost a row read of follow_ups and one of offers (~850 a day,
// ~8,000 a fortnight on the large set, each a random page when the cache is cold). These two indexes answer the
// pick of the first entries from index pages alone.
import { sql, type Kysely } from 'kysely'
import { LIVE } from './columns'

export const statements: string[] = [
  `CREATE INDEX follow_ups_open_due_offer ON follow_ups(due_date, owner_id, offer_id) WHERE deleted_at IS NULL AND status = 'open'`,
  `CREATE INDEX offers_id_status_gross ON offers(id, status, gross_cents) ${LIVE}`,
  'DROP INDEX follow_ups_open_due',
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
