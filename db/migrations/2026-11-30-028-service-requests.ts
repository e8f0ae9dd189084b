// Issue 19: service requests from the web form, the service mailbox or the API that the sync server could not
// match to a customer (docs/service-intake.md). A synced, organisation-wide triage row the server writes; service
// staff on a laptop turn it into a case of a customer or discard it with a reason.
import { sql, type Kysely } from 'kysely'
import { LIVE, SYNC_COLUMNS } from './columns'

export const statements: string[] = [
  `CREATE TABLE service_requests (${SYNC_COLUMNS},
    source TEXT NOT NULL,
    external_id TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL,
    customer_number TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    received_at TEXT NOT NULL,
    reason TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'new',
    discard_reason TEXT,
    case_id TEXT,
    company_id TEXT,
    decided_by TEXT,
    decided_at TEXT)`,
  `CREATE INDEX service_requests_open ON service_requests(status, received_at) ${LIVE}`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
