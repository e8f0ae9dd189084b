// A work-list source's due days as SQL: the range of a section (`from` '' = no lower bound) and the one pass
// that counts a source's entries before, on and after today. Every source reads the same way, so the work
// list asks each one for a section's first entries and for its counts, never for everything.
import { sql, type Expression, type Kysely, type RawBuilder } from 'kysely'
import type { DueCountQuery, DueCounts, DueRange } from '../../shared/platform/due-range'
import type { Database } from '../database.types'

/** `due` within the range, both ends included. */
export const dueWithin = (due: Expression<unknown> | RawBuilder<unknown>, range: DueRange): RawBuilder<boolean> =>
  range.from ? sql<boolean>`${due} between ${range.from} and ${range.to}` : sql<boolean>`${due} <= ${range.to}`

/** The counts' columns: entries due before today, today, and after it (each row `weight` entries, one by default: a roll-up's count). */
export const dueCountColumns = (due: Expression<unknown> | RawBuilder<unknown>, today: string, weight: Expression<unknown> | RawBuilder<unknown> = sql.lit(1)) => [
  sql<number | null>`sum(${weight} * (${due} < ${today}))`.as('overdue'),
  sql<number | null>`sum(${weight} * (${due} = ${today}))`.as('due_today'),
  sql<number | null>`sum(${weight} * (${due} > ${today}))`.as('upcoming'),
] as const

export const toSourceCounts = (row: { overdue: number | null; due_today: number | null; upcoming: number | null } | undefined): DueCounts => ({
  overdue: Number(row?.overdue ?? 0), dueToday: Number(row?.due_today ?? 0), upcoming: Number(row?.upcoming ?? 0),
})

/** A source's counts from its roll-up of open entries per owner and due day (day-counts.table.ts): a few hundred rows. */
export async function countsByDay(db: Kysely<Database>, table: 'follow_up_day_counts' | 'tasks_day_counts' | 'promises_day_counts', q: DueCountQuery): Promise<DueCounts> {
  let query = db.selectFrom(`${table} as d` as 'follow_up_day_counts as d').where(dueWithin(sql.ref('d.due_date'), q))
  if (q.ownerId) query = query.where('d.owner_id', '=', q.ownerId)
  return toSourceCounts(await query.select(dueCountColumns(sql.ref('d.due_date'), q.today, sql.ref('d.n'))).executeTakeFirst())
}
