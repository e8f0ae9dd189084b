// The privacy audit log (DSGVO accountability, issue 14): one synced, insert-only row per list export,
// vCard export and Art. 15 information — who, when, which channel, how many rows, which person (an id) —
// so managers see on their devices what left the app. Organisation-wide; never a name or a search text.
import { sql, type Kysely } from 'kysely'
import { LIVE, SYNC_COLUMNS } from './columns'

export const statements: string[] = [
  `CREATE TABLE audit_events (${SYNC_COLUMNS},
    kind TEXT NOT NULL,
    channel TEXT NOT NULL,
    subject_id TEXT NOT NULL DEFAULT '',
    format TEXT NOT NULL DEFAULT '',
    rows INTEGER NOT NULL DEFAULT 0,
    at TEXT NOT NULL,
    by_user TEXT NOT NULL DEFAULT '')`,
  `CREATE INDEX audit_events_at ON audit_events(at) ${LIVE}`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
