// Issue 20: the open tasks' and promises' indexes in the work list's order (038) are partial (open, not deleted), yet
// SQLite's planner still reads each entry's row to test `status` and `deleted_at` again when the index does not hold
// them. So the counts read every open task of their span from the table (44,000 open tasks on the large set), and a
// page read 50 rows only to learn their ids. The same indexes now end in those two columns: the counts read index
// pages alone, and a page takes the first 50 row numbers from the index and reads just those rows.
import { sql, type Kysely } from 'kysely'

const OPEN = "WHERE status = 'open' AND deleted_at IS NULL"
/** A task's place within its day: by time, one without a time after those with one (task-items.ts). */
const TASK_ORDER = "due_date, coalesce(due_time, '99:99'), created_at"
const TESTED = 'status, deleted_at'

export const statements: string[] = [
  'DROP INDEX tasks_open_due',
  'DROP INDEX tasks_open_all_due',
  `CREATE INDEX tasks_open_due ON tasks(owner_id, ${TASK_ORDER}, ${TESTED}) ${OPEN}`,
  `CREATE INDEX tasks_open_all_due ON tasks(${TASK_ORDER}, ${TESTED}) ${OPEN}`,
  'DROP INDEX promises_open_due',
  'DROP INDEX promises_open_all_due',
  `CREATE INDEX promises_open_due ON promises(owner_id, due_date, created_at, ${TESTED}) ${OPEN}`,
  `CREATE INDEX promises_open_all_due ON promises(due_date, created_at, ${TESTED}) ${OPEN}`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
