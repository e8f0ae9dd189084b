// Issue 20: a work-list section's first renewal reminders are the earliest due, the higher annual value first within a
// day. The reminders' partial indexes (005) held the due day alone, so a section read every reminder of its range
// from the contracts table (~530 for the next month of the large set, each a page read when the cache is cold) and
// sorted them before the first 50 were known (~80 ms cold). They now hold the list's order and every contract column
// the list shows (with the index's own condition, which SQLite's planner asks for again), once for everyone's
// reminders and once by owner for a rep's own: a page reads 50 index entries, the counts read an index alone.
import { sql, type Kysely } from 'kysely'

const SHOWN = 'id, number, company_id, contact_id, cancel_by'
const reminderIndex = (kind: 'review' | 'final', owner: boolean) => `CREATE INDEX contracts_${kind}_${owner ? 'owner_' : ''}due ON contracts(
    ${owner ? 'owner_id, ' : ''}${kind}_due, annual_value_cents DESC, ${owner ? '' : 'owner_id, '}${SHOWN}, status, deleted_at, ${kind}_done_at)
  WHERE deleted_at IS NULL AND ${kind}_done_at IS NULL AND status IN ('active', 'renewed')`

export const statements: string[] = [
  'DROP INDEX contracts_review_due',
  'DROP INDEX contracts_final_due',
  // Everyone's reminders, and one owner's (a rep's own list).
  ...(['review', 'final'] as const).flatMap((kind) => [reminderIndex(kind, false), reminderIndex(kind, true)]),
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
