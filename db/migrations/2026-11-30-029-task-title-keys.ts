// Tasks the app makes on its own (an early warning's next step) store their title as a message key and its
// parameters, so every reader sees it in their own language (data stores keys and values, never UI sentences).
// `title` keeps the German sentence as the fallback for laptops of an earlier version and the calendar feed; a
// title the user edits clears the key (it is their text from then on).
import { sql, type Kysely } from 'kysely'

export const statements: string[] = [
  `ALTER TABLE tasks ADD COLUMN title_key TEXT NOT NULL DEFAULT ''`,
  `ALTER TABLE tasks ADD COLUMN title_params TEXT NOT NULL DEFAULT '{}'`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
