// Issue 20: the work list's first page of offer follow-ups read its 50 entries from follow_up_queue's index (039) and
// then looked each one up in five tables (the follow-up, its offer twice, the company, the contact): on a cold cache
// each lookup is a page read from disk, ~60 ms per section on the large set. The queue now holds what the list shows
// (the offer's number, status and validity, the company's name, the contact's name and numbers, the follow-up's
// kind), its two list indexes carry every column, and a section's first page is read from index pages alone. The
// sections' counts read a roll-up of open follow-ups per owner and day (~200 rows on the large set) instead of
// every open follow-up. Kept by triggers on follow_ups, offers, companies and contacts (service writes and applied
// pulls alike, in any order); local and derived, never synced: every device derives the same.
import { sql, type Kysely } from 'kysely'

const OPEN = (row: string) => `${row}.status = 'open' AND ${row}.deleted_at IS NULL`
/** What the queue takes from an offer: null columns while it has not arrived (a pull applies rows in commit order) or is deleted. */
const OFFER_COLUMNS = ['gross_cents', 'offer_status', 'offer_number', 'valid_until', 'contact_id'] as const
const offerValues = (offerId: string) => `coalesce((SELECT gross_cents FROM offers WHERE id = ${offerId}), 0),
  (SELECT status FROM offers WHERE id = ${offerId} AND deleted_at IS NULL), (SELECT number FROM offers WHERE id = ${offerId}),
  (SELECT valid_until FROM offers WHERE id = ${offerId}), (SELECT contact_id FROM offers WHERE id = ${offerId})`
const CONTACT_COLUMNS = ['first_name', 'last_name', 'phone', 'mobile'] as const
const contactValues = (contactId: string) => CONTACT_COLUMNS.map((c) => `(SELECT ${c} FROM contacts WHERE id = ${contactId})`).join(', ')
const companyName = (companyId: string) => `(SELECT name FROM companies WHERE id = ${companyId})`

const COLUMNS = `follow_up_id, due_date, owner_id, offer_id, kind, company_id, company_name, ${OFFER_COLUMNS.join(', ')}, ${CONTACT_COLUMNS.join(', ')}`
const ENQUEUE = (row: string) => `INSERT INTO follow_up_queue (${COLUMNS})
  SELECT ${row}.id, ${row}.due_date, ${row}.owner_id, ${row}.offer_id, ${row}.kind, ${row}.company_id, ${companyName(`${row}.company_id`)},
    ${offerValues(`${row}.offer_id`)}, ${contactValues(`(SELECT contact_id FROM offers WHERE id = ${row}.offer_id)`)} WHERE ${OPEN(row)};`
/** The queued follow-ups of an offer (only live ones are queued: found through follow_ups_offer) take its columns again. */
const REOFFER = (offerId: string) => `UPDATE follow_up_queue SET (${OFFER_COLUMNS.join(', ')}, ${CONTACT_COLUMNS.join(', ')}) =
  (SELECT ${offerValues(offerId)}, ${contactValues(`(SELECT contact_id FROM offers WHERE id = ${offerId})`)})
  WHERE follow_up_id IN (SELECT id FROM follow_ups WHERE offer_id = ${offerId} AND deleted_at IS NULL);`
const RECOMPANY = (companyId: string) => `UPDATE follow_up_queue SET company_name = ${companyName(companyId)} WHERE company_id = ${companyId};`
const RECONTACT = (contactId: string) => `UPDATE follow_up_queue SET (${CONTACT_COLUMNS.join(', ')}) = (SELECT ${contactValues(contactId)})
  WHERE contact_id = ${contactId};`
const changed = (columns: readonly string[]) => columns.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ')
/** One queued follow-up counted in (+1) or out (−1) of its owner's day; a day without any leaves no row. */
const COUNT = (row: string, sign: 1 | -1) => `INSERT INTO follow_up_day_counts (owner_id, due_date, n) VALUES (${row}.owner_id, ${row}.due_date, ${sign})
  ON CONFLICT(owner_id, due_date) DO UPDATE SET n = n + excluded.n;${sign < 0 ? `
  DELETE FROM follow_up_day_counts WHERE owner_id = ${row}.owner_id AND due_date = ${row}.due_date AND n = 0;` : ''}`

/** The list's order, then every column it shows: a page is read from the index alone. */
const LIST_COLUMNS = `due_date, gross_cents DESC, follow_up_id, offer_status, company_name, owner_id, offer_id, kind, company_id, offer_number,
  valid_until, ${CONTACT_COLUMNS.join(', ')}`

export const statements: string[] = [
  ...['follow_up_queue_ai', 'follow_up_queue_au', 'follow_up_queue_ad', 'follow_up_queue_offer_ai', 'follow_up_queue_offer_au', 'follow_up_queue_offer_ad']
    .map((trigger) => `DROP TRIGGER ${trigger}`),
  'DROP TABLE follow_up_queue',
  `CREATE TABLE follow_up_queue (
    follow_up_id TEXT PRIMARY KEY,
    due_date TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    offer_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    company_id TEXT NOT NULL,
    company_name TEXT,
    gross_cents INTEGER NOT NULL,
    offer_status TEXT,
    offer_number TEXT,
    valid_until TEXT,
    contact_id TEXT,
    first_name TEXT,
    last_name TEXT,
    phone TEXT,
    mobile TEXT) WITHOUT ROWID`,
  `CREATE INDEX follow_up_queue_day ON follow_up_queue(${LIST_COLUMNS})`,
  `CREATE INDEX follow_up_queue_owner_day ON follow_up_queue(owner_id, ${LIST_COLUMNS})`,
  'CREATE INDEX follow_up_queue_company ON follow_up_queue(company_id)',
  'CREATE INDEX follow_up_queue_contact ON follow_up_queue(contact_id) WHERE contact_id IS NOT NULL',
  `CREATE TABLE follow_up_day_counts (
    owner_id TEXT NOT NULL,
    due_date TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (owner_id, due_date)) WITHOUT ROWID`,
  `INSERT INTO follow_up_queue (${COLUMNS})
    SELECT f.id, f.due_date, f.owner_id, f.offer_id, f.kind, f.company_id, c.name, coalesce(o.gross_cents, 0),
      CASE WHEN o.deleted_at IS NULL THEN o.status END, o.number, o.valid_until, o.contact_id, k.first_name, k.last_name, k.phone, k.mobile
    FROM follow_ups f LEFT JOIN offers o ON o.id = f.offer_id LEFT JOIN companies c ON c.id = f.company_id LEFT JOIN contacts k ON k.id = o.contact_id
    WHERE ${OPEN('f')}`,
  // OR REPLACE: a refill (tests) runs it after the queue's fill, which its triggers counted already.
  `INSERT OR REPLACE INTO follow_up_day_counts (owner_id, due_date, n) SELECT owner_id, due_date, count(*) FROM follow_up_queue GROUP BY 1, 2`,
  `CREATE TRIGGER follow_up_day_counts_ai AFTER INSERT ON follow_up_queue BEGIN ${COUNT('new', 1)} END`,
  `CREATE TRIGGER follow_up_day_counts_ad AFTER DELETE ON follow_up_queue BEGIN ${COUNT('old', -1)} END`,
  `CREATE TRIGGER follow_up_queue_ai AFTER INSERT ON follow_ups BEGIN ${ENQUEUE('new')} END`,
  `CREATE TRIGGER follow_up_queue_au AFTER UPDATE OF status, deleted_at, due_date, owner_id, offer_id, kind, company_id ON follow_ups
    BEGIN DELETE FROM follow_up_queue WHERE follow_up_id = old.id; ${ENQUEUE('new')} END`,
  'CREATE TRIGGER follow_up_queue_ad AFTER DELETE ON follow_ups BEGIN DELETE FROM follow_up_queue WHERE follow_up_id = old.id; END',
  `CREATE TRIGGER follow_up_queue_offer_ai AFTER INSERT ON offers BEGIN ${REOFFER('new.id')} END`,
  `CREATE TRIGGER follow_up_queue_offer_au AFTER UPDATE OF gross_cents, status, deleted_at, number, valid_until, contact_id ON offers
    WHEN ${changed(['gross_cents', 'status', 'deleted_at', 'number', 'valid_until', 'contact_id'])} BEGIN ${REOFFER('new.id')} END`,
  // An offer removed for good (an erasure): its follow-ups fall back to no offer, as if it had not arrived; the list leaves them out.
  `CREATE TRIGGER follow_up_queue_offer_ad AFTER DELETE ON offers BEGIN ${REOFFER('old.id')} END`,
  `CREATE TRIGGER follow_up_queue_company_ai AFTER INSERT ON companies BEGIN ${RECOMPANY('new.id')} END`,
  `CREATE TRIGGER follow_up_queue_company_au AFTER UPDATE OF name ON companies WHEN old.name IS NOT new.name BEGIN ${RECOMPANY('new.id')} END`,
  `CREATE TRIGGER follow_up_queue_company_ad AFTER DELETE ON companies BEGIN ${RECOMPANY('old.id')} END`,
  `CREATE TRIGGER follow_up_queue_contact_ai AFTER INSERT ON contacts BEGIN ${RECONTACT('new.id')} END`,
  `CREATE TRIGGER follow_up_queue_contact_au AFTER UPDATE OF first_name, last_name, phone, mobile ON contacts
    WHEN ${changed(CONTACT_COLUMNS)} BEGIN ${RECONTACT('new.id')} END`,
  `CREATE TRIGGER follow_up_queue_contact_ad AFTER DELETE ON contacts BEGIN ${RECONTACT('old.id')} END`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
