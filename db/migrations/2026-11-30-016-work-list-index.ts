// Issue 16: the team's work list reads open promises by due day across all owners (as tasks do with
// tasks_open_all_due); the owner-first index served only one rep's list.
import { sql, type Kysely } from 'kysely'

export const statements: string[] = [
  `CREATE INDEX promises_open_all_due ON promises(due_date) WHERE status = 'open' AND deleted_at IS NULL`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
