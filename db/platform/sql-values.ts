// SQL pieces built from our own constants (enum value lists, numbers), never from input.
import { sql, type RawBuilder, type SqlBool } from 'kysely'

/** `alias.column`, or the bare column when the table has no alias. */
export const column = (alias: string | undefined, name: string) => sql.ref(alias ? `${alias}.${name}` : name)

/**
 * `column in ('a', 'b')` with the values written as literals: SQLite uses a partial index only when the
 * query names the index's values itself (`WHERE status IN ('new', …)`), never through bound parameters.
 */
export const inList = (ref: RawBuilder<unknown>, values: readonly (string | number)[]): RawBuilder<SqlBool> =>
  sql<SqlBool>`${ref} in (${sql.join(values.map((value) => sql.lit(value)))})`
