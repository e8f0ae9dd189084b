// DSGVO Art. 17 (issue 14): `erasures`, one synced, insert-only row per erased person — ids, who and
// when, never a name — that is both what makes every laptop and the server purge the person and the
// audit log of erasures. The full-text indexes switch to FTS5's `secure-delete`, so a deleted or
// changed row's trigrams leave the index at once instead of lingering in its segments until a merge.
import { sql, type Kysely } from 'kysely'
import { LIVE, SYNC_COLUMNS } from './columns'

export const statements: string[] = [
  `CREATE TABLE erasures (${SYNC_COLUMNS},
    company_id TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    erased_by TEXT NOT NULL,
    erased_at TEXT NOT NULL,
    offer_decision TEXT NOT NULL DEFAULT '')`,
  `CREATE INDEX erasures_row ON erasures(row_id) ${LIVE}`,
  `CREATE INDEX erasures_at ON erasures(erased_at) ${LIVE}`,
  ...['companies', 'contacts', 'touchpoints'].map((table) => `INSERT INTO ${table}_fts(${table}_fts, rank) VALUES ('secure-delete', 1)`),
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
