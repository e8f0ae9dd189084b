// The derived tables kept by triggers (roll-ups, queues) are filled by their migration's INSERT statements when it runs;
// a test empties them and runs those again, and what the fill gives, the triggers must have kept.
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/database.types'

export async function refill(db: Kysely<Database>, tables: Array<keyof Database>, statements: string[]): Promise<void> {
  for (const table of tables) await sql`delete from ${sql.table(table)}`.execute(db)
  for (const statement of statements.filter((s) => s.startsWith('INSERT'))) await sql.raw(statement).execute(db)
}
