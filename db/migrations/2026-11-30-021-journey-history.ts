// Issue 17: the journey over time. Every change of a customer's journey position (station and the reason that
// decided it), with the Berlin day it happened, synced with the company (docs/journey-history.md: why synced
// facts and not derived). The id comes from the company, the new station and the day, so two laptops that make
// the same change on the same day make the same row and the server takes the second insert as the same record.
import { sql, type Kysely } from 'kysely'
import { LIVE, SYNC_COLUMNS } from './columns'

export const statements: string[] = [
  `CREATE TABLE journey_changes (${SYNC_COLUMNS},
    company_id TEXT NOT NULL,
    station TEXT,
    reason TEXT NOT NULL,
    status TEXT NOT NULL,
    changed_on TEXT NOT NULL)`,
  // Covering, in the order a history is read (company, day, then the row's own order): the journey map reads every
  // change of a year from the index alone, already sorted.
  `CREATE INDEX journey_changes_company ON journey_changes(company_id, changed_on, station, reason, status) ${LIVE}`,
  `CREATE INDEX journey_changes_day ON journey_changes(changed_on) ${LIVE}`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
