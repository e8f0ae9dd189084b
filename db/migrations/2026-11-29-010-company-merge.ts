// Merging duplicate companies (issue 14): the survivor keeps the numbers of the companies merged into it
// (`former_numbers`, space-separated, so an old letter's or an old export's number still finds it), and the
// company merged away says where it went (`merged_into`) before it is deleted, so a colleague's laptop that
// adds a contact to it offline is redirected to the survivor instead of losing the contact. Both synced.
import { sql, type Kysely } from 'kysely'

export const statements: string[] = [
  `ALTER TABLE companies ADD COLUMN former_numbers TEXT NOT NULL DEFAULT ''`,
  `ALTER TABLE companies ADD COLUMN merged_into TEXT NOT NULL DEFAULT ''`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
