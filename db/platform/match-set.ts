// A list's filter "the row is one of a set" (the rows a full-text search matched, the companies at a journey station),
// read one of two ways for a page (issue 20). The list counts first (capped, db/platform/capped-count) and picks:
// - `lookUp`: `col in (select …)` — SQLite reads the set first and sorts its rows: right for few matches, but it reads
//   and sorts every match, so with many the page grew with the data.
// - `walk`: `+col in (select …)` — the unary plus keeps SQLite from reading the rows through the set; it walks the
//   table in the order of the sort's index, tests each row against the set (read once into a list) and stops after
//   the page: right for many matches (their share, not their number, sets how far it walks). Only for a sort that
//   has an index: without one it would read every row.
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely'

export type PageForm = 'lookUp' | 'walk'

export function inSet(form: PageForm, column: string, set: Expression<unknown>): RawBuilder<SqlBool> {
  return form === 'walk' ? sql<SqlBool>`+${sql.ref(column)} in (${set})` : sql<SqlBool>`${sql.ref(column)} in (${set})`
}

/** The page's form: walk only when the count stopped at its bound and the sort has an index to walk. */
export function pageForm(count: { totalIsLowerBound: boolean }, sortHasIndex: boolean): PageForm {
  return count.totalIsLowerBound && sortHasIndex ? 'walk' : 'lookUp'
}

/** Conditions joined by `and` (`1` for none). */
export function allOf(conditions: Expression<SqlBool>[]): RawBuilder<SqlBool> {
  return conditions.length === 0 ? sql<SqlBool>`1` : sql<SqlBool>`${sql.join(conditions, sql` and `)}`
}
