// Issue 20: the offer list's "open" filter, newest first (its default), read every undecided offer through the status
// index and sorted them all for a page of 100 (~50–80 ms on the large set, growing with the data). This partial index
// holds the undecided offers in date order: the page is its last 100 entries. The list adds `offer_date >= ''` (always
// true) so SQLite takes it; the index's condition is the one `undecidedOffer` writes (UNDECIDED_OFFER_STATUSES named in the SQL, in their order;
// tests/integration/list-plans.test.ts fails if they part).
import { sql, type Kysely } from 'kysely'

export const statements: string[] = [
  `CREATE INDEX offers_undecided_by_date ON offers(offer_date, id)
    WHERE deleted_at IS NULL AND status IN ('draft', 'sent', 'negotiation')`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
