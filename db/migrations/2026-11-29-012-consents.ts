// Consent per contact (DSGVO, issue 14): for each channel and purpose when and from where a person agreed,
// and when they withdrew — a history, never overwritten, so the record shows what held on any day. Synced,
// hanging off the contact's company; an erased person's consents are purged with them.
import { sql, type Kysely } from 'kysely'
import { LIVE, SYNC_COLUMNS } from './columns'

export const statements: string[] = [
  `CREATE TABLE consents (${SYNC_COLUMNS},
    company_id TEXT NOT NULL REFERENCES companies(id),
    contact_id TEXT NOT NULL REFERENCES contacts(id),
    channel TEXT NOT NULL,
    purpose TEXT NOT NULL,
    given_on TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    withdrawn_on TEXT,
    note TEXT NOT NULL DEFAULT '')`,
  `CREATE INDEX consents_contact ON consents(contact_id, channel) ${LIVE}`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
