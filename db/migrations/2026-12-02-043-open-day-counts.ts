// Issue 20: the work list counts each source's open entries before, on and after today. For tasks and promises that
// read every open one of the span (44,000 open tasks on the large set, all overdue ones back to the first: ~13 ms on a
// cold cache, growing with the data). As for the offer follow-ups (040), a roll-up per owner and due day, kept by
// triggers on the table (service writes and applied pulls alike), answers from a few hundred rows. Local and derived,
// never synced: every device derives the same.
import { sql, type Kysely } from 'kysely'

const OPEN = (row: string) => `${row}.status = 'open' AND ${row}.deleted_at IS NULL`

/** The statements that create and fill `<table>_day_counts` (the open rows of `table` per owner and due day) and keep it. */
export function openDayCounts(table: 'tasks' | 'promises'): string[] {
  const counts = `${table}_day_counts`
  // One row counted in (+1) or out (−1) of its owner's day when it is open; a day without any leaves no row.
  const count = (row: string, sign: 1 | -1) => `INSERT INTO ${counts} (owner_id, due_date, n)
    SELECT ${row}.owner_id, ${row}.due_date, ${sign} WHERE ${OPEN(row)}
    ON CONFLICT(owner_id, due_date) DO UPDATE SET n = n + excluded.n;${sign < 0 ? `
    DELETE FROM ${counts} WHERE owner_id = ${row}.owner_id AND due_date = ${row}.due_date AND n = 0;` : ''}`
  return [
    `CREATE TABLE ${counts} (
      owner_id TEXT NOT NULL,
      due_date TEXT NOT NULL,
      n INTEGER NOT NULL,
      PRIMARY KEY (owner_id, due_date)) WITHOUT ROWID`,
    `INSERT INTO ${counts} (owner_id, due_date, n) SELECT t.owner_id, t.due_date, count(*) FROM ${table} t WHERE ${OPEN('t')} GROUP BY 1, 2`,
    `CREATE TRIGGER ${counts}_ai AFTER INSERT ON ${table} BEGIN ${count('new', 1)} END`,
    `CREATE TRIGGER ${counts}_ad AFTER DELETE ON ${table} BEGIN ${count('old', -1)} END`,
    `CREATE TRIGGER ${counts}_au AFTER UPDATE OF status, deleted_at, due_date, owner_id ON ${table}
      BEGIN ${count('old', -1)} ${count('new', 1)} END`,
  ]
}

export const statements: string[] = [...openDayCounts('tasks'), ...openDayCounts('promises')]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
