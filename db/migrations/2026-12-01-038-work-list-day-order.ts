// Issue 20: the work list's tasks and promises in the order the list shows them, so a section's first page is the
// first entries of an index, not every entry of its first days read from the table and sorted. A busy day holds
// hundreds of open tasks for a team (~400 on the large set, five times that at five times the data), each looked
// up in the table for its time and creation stamp before the first 50 were known. The same indexes replace the
// former ones of 015 and 016 (due day first, or owner and due day first), which the counts also read.
import { sql, type Kysely } from 'kysely'

const OPEN = "WHERE status = 'open' AND deleted_at IS NULL"
/** A task's place within its day: by time, one without a time after those with one (task-items.ts). */
const TASK_ORDER = "due_date, coalesce(due_time, '99:99'), created_at"

export const statements: string[] = [
  'DROP INDEX tasks_open_due',
  'DROP INDEX tasks_open_all_due',
  `CREATE INDEX tasks_open_due ON tasks(owner_id, ${TASK_ORDER}) ${OPEN}`,
  `CREATE INDEX tasks_open_all_due ON tasks(${TASK_ORDER}) ${OPEN}`,
  'DROP INDEX promises_open_due',
  'DROP INDEX promises_open_all_due',
  `CREATE INDEX promises_open_due ON promises(owner_id, due_date, created_at) ${OPEN}`,
  `CREATE INDEX promises_open_all_due ON promises(due_date, created_at) ${OPEN}`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
