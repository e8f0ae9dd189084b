// Issue 20: the work list shows a day's offer follow-ups by offer value, the higher first. The value lives on the
// offer, so no index of follow_ups holds that order: a section's first page read every open follow-up of its first
// days and looked each offer up (~850 on a busy day of the large set, five times that at five times the data) before
// the first 50 were known. follow_up_queue holds each open follow-up with its offer's value, indexed in the list's
// order, kept by triggers on follow_ups and offers (service writes and applied pulls alike): the first page is the
// index's first entries. Local and derived, never synced: every device derives the same.
import { sql, type Kysely } from 'kysely'

const OPEN = (row: string) => `${row}.status = 'open' AND ${row}.deleted_at IS NULL`
/** A follow-up's offer value: 0 while the offer has not arrived (a pull applies rows in commit order). */
const GROSS = (offerId: string) => `coalesce((SELECT gross_cents FROM offers WHERE id = ${offerId}), 0)`
const ENQUEUE = (row: string) => `INSERT INTO follow_up_queue (follow_up_id, due_date, owner_id, offer_id, gross_cents)
  SELECT ${row}.id, ${row}.due_date, ${row}.owner_id, ${row}.offer_id, ${GROSS(`${row}.offer_id`)} WHERE ${OPEN(row)};`
/** The queued follow-ups of an offer (only live ones are queued: found through follow_ups_offer) take `gross`. */
const REVALUE = (offerId: string, gross: string) => `UPDATE follow_up_queue SET gross_cents = ${gross}
  WHERE follow_up_id IN (SELECT id FROM follow_ups WHERE offer_id = ${offerId} AND deleted_at IS NULL) AND gross_cents <> ${gross};`

export const statements: string[] = [
  `CREATE TABLE follow_up_queue (
    follow_up_id TEXT PRIMARY KEY,
    due_date TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    offer_id TEXT NOT NULL,
    gross_cents INTEGER NOT NULL) WITHOUT ROWID`,
  'CREATE INDEX follow_up_queue_day ON follow_up_queue(due_date, gross_cents DESC, follow_up_id, offer_id)',
  'CREATE INDEX follow_up_queue_owner_day ON follow_up_queue(owner_id, due_date, gross_cents DESC, follow_up_id, offer_id)',
  `INSERT INTO follow_up_queue (follow_up_id, due_date, owner_id, offer_id, gross_cents)
    SELECT f.id, f.due_date, f.owner_id, f.offer_id, ${GROSS('f.offer_id')} FROM follow_ups f WHERE ${OPEN('f')}`,
  `CREATE TRIGGER follow_up_queue_ai AFTER INSERT ON follow_ups BEGIN ${ENQUEUE('new')} END`,
  `CREATE TRIGGER follow_up_queue_au AFTER UPDATE OF status, deleted_at, due_date, owner_id, offer_id ON follow_ups
    BEGIN DELETE FROM follow_up_queue WHERE follow_up_id = old.id; ${ENQUEUE('new')} END`,
  'CREATE TRIGGER follow_up_queue_ad AFTER DELETE ON follow_ups BEGIN DELETE FROM follow_up_queue WHERE follow_up_id = old.id; END',
  `CREATE TRIGGER follow_up_queue_offer_ai AFTER INSERT ON offers BEGIN ${REVALUE('new.id', 'new.gross_cents')} END`,
  `CREATE TRIGGER follow_up_queue_offer_au AFTER UPDATE OF gross_cents ON offers WHEN old.gross_cents IS NOT new.gross_cents
    BEGIN ${REVALUE('new.id', 'new.gross_cents')} END`,
  // An offer removed for good (an erasure): its follow-ups drop to 0 as if it had not arrived; the list leaves them out.
  `CREATE TRIGGER follow_up_queue_offer_ad AFTER DELETE ON offers BEGIN ${REVALUE('old.id', '0')} END`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
