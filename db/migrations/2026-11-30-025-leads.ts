// Issue 19: leads posted by marketing automation to the sync server (/integrations/v1/leads, docs/leads.md).
// A synced, organisation-wide row the server writes; laptops only record its decision (converted or rejected).
// The scoring history travels with the row as a JSON array (`events`), never edited. `contact_id`: the contact
// the conversion made — a DSGVO erasure of that person purges the lead with them (it holds their name and address).
import { sql, type Kysely } from 'kysely'
import { LIVE, SYNC_COLUMNS } from './columns'

export const statements: string[] = [
  `CREATE TABLE leads (${SYNC_COLUMNS},
    external_id TEXT NOT NULL,
    integration TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL,
    campaign TEXT NOT NULL DEFAULT '',
    first_name TEXT NOT NULL DEFAULT '',
    last_name TEXT NOT NULL,
    email TEXT,
    phone TEXT,
    company_name TEXT NOT NULL,
    score INTEGER NOT NULL DEFAULT 0,
    events TEXT NOT NULL DEFAULT '[]',
    consent_given INTEGER NOT NULL DEFAULT 0,
    consent_at TEXT,
    received_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'new',
    reject_reason TEXT,
    converted_company_id TEXT,
    contact_id TEXT,
    decided_by TEXT,
    decided_at TEXT)`,
  `CREATE INDEX leads_inbox ON leads(status, score, received_at) ${LIVE}`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
