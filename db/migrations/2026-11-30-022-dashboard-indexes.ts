// Issue 17: the dashboard's team activity counts touchpoints per writer over eight weeks. The index by time now
// also holds the writer, so the count reads the index alone (it served every query by time before and still
// does: the time is its first column), at no extra cost per write.
import { sql, type Kysely } from 'kysely'

export const statements: string[] = [
  `DROP INDEX IF EXISTS touchpoints_occurred_at`,
  `CREATE INDEX touchpoints_occurred_at ON touchpoints(occurred_at, created_by) WHERE deleted_at IS NULL`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
