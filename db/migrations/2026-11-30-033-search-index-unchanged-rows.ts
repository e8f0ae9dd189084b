// Issue 20: a pulled row is written with every column, even when nothing changed (the laptop receiving its own pushed
// rows back, a colleague's edit of another field). The search triggers then re-indexed the unchanged text, and a
// delete from the trigram index costs ~2 ms a row on the large set (common trigrams have long doclists): 1,000 pulled
// touchpoints took 2.3 s instead of 40 ms. The triggers now re-index only when an indexed column really changed.
import { sql, type Kysely } from 'kysely'

const SEARCHED: Record<string, string[]> = {
  companies: ['name', 'customer_number', 'city', 'industry'],
  contacts: ['first_name', 'last_name', 'email', 'job_function'],
  touchpoints: ['summary'],
}

export const statements: string[] = Object.entries(SEARCHED).flatMap(([table, columns]) => {
  const cols = columns.join(', ')
  const changed = columns.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ')
  return [
    `DROP TRIGGER ${table}_fts_au`,
    `CREATE TRIGGER ${table}_fts_au AFTER UPDATE OF ${cols} ON ${table} WHEN ${changed} BEGIN
       INSERT INTO ${table}_fts(${table}_fts, rowid, ${cols}) VALUES ('delete', old.local_seq, ${columns.map((c) => `old.${c}`).join(', ')});
       INSERT INTO ${table}_fts(rowid, ${cols}) VALUES (new.local_seq, ${columns.map((c) => `new.${c}`).join(', ')}); END`,
  ]
})

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
