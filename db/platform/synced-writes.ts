// The only write path for synced tables: the row change and its outbox operation in one transaction.
import { CompiledQuery, sql, type Insertable, type Transaction, type Updateable } from 'kysely'
import { AppError } from '../../shared/platform/result'
import { isOneOf } from '../../shared/platform/value-lists'
import { newId } from './ids'
import { SCHEMA_VERSION } from '../migrations'
import type { Database, SyncedTable } from '../database.types'
import { LOCAL_COLUMNS, type SyncColumnName } from './sync-columns'
import { guardChange } from './rights-guard'

export type ColumnValue = string | number | null
/** Columns by name, untyped: only for column names known at run time (a conflict's field); see `updateSyncedColumns`. */
export type Columns = Record<string, ColumnValue>
export type FieldChanges = Record<string, { old: ColumnValue; new: ColumnValue }>

/**
 * The row an insert into `T` writes, derived from the table's interface (db/database.types.ts): its domain
 * columns with their types (enum columns as their unions) and the row's `id`; the other bookkeeping columns
 * are this file's and the sync engine's. Required are the columns that are NOT NULL without a DEFAULT in the
 * migration; a column that allows null, or that is marked `Default<…>` (NOT NULL with a DEFAULT), may be left
 * out. So a misspelt column, a value of the wrong type or a missing required column fails the typecheck.
 */
export type InsertRow<T extends SyncedTable> = T extends SyncedTable ? { id: string } & Omit<Insertable<Database[T]>, SyncColumnName> : never
/** The columns of a new row without its id: the shape of a helper that builds a row for `insertSynced`. */
export type InsertColumns<T extends SyncedTable> = T extends SyncedTable ? Omit<Insertable<Database[T]>, SyncColumnName> : never
/** What an update of `T` may change: any of its domain columns, each with its type. */
export type UpdatePatch<T extends SyncedTable> = T extends SyncedTable ? Omit<Updateable<Database[T]>, SyncColumnName> : never

const isDomainColumn = (column: string) => !isOneOf(LOCAL_COLUMNS, column)

const OUTBOX_INSERT = `insert into sync_outbox (op_id, table_name, row_id, kind, base_version, fields, schema_version, created_at)
  values (?, ?, ?, ?, ?, ?, ?, ?)`

async function appendOperation(
  trx: Transaction<Database>,
  op: { table: SyncedTable; rowId: string; kind: 'insert' | 'update' | 'delete'; baseVersion: number | null; fields: FieldChanges },
  now: string,
): Promise<void> {
  await trx.executeQuery(CompiledQuery.raw(OUTBOX_INSERT, [newId(), op.table, op.rowId, op.kind, op.baseVersion, JSON.stringify(op.fields), SCHEMA_VERSION, now]))
}

/** Insert statements by table and column list: the hot write path runs fixed SQL, no query building. */
const insertStatements = new Map<string, string>()
const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`

function insertStatement(table: SyncedTable, columns: string[]): string {
  const key = `${table}:${columns.join(',')}`
  let statement = insertStatements.get(key)
  if (!statement) {
    statement = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values (${columns.map(() => '?').join(', ')})`
    insertStatements.set(key, statement)
  }
  return statement
}

/**
 * A row that the sync server would refuse is a bug here, not something to sync: the same schema the
 * server validates pushes with (shared/modules/sync/row-schemas.ts) is checked before anything is written.
 */
export type RowCheck = (table: SyncedTable, row: Columns, mode: 'row' | 'patch') => string | null
let rowCheck: RowCheck | null = null

/** The row schemas are the sync module's (they know every module's columns); db/database.ts installs them. */
export function setRowCheck(check: RowCheck): void {
  rowCheck = check
}

function assertValid(table: SyncedTable, row: Columns, mode: 'row' | 'patch'): void {
  if (!rowCheck) throw new Error('synced writes need the row check: open the database through db/database.ts')
  const problem = rowCheck(table, row, mode)
  if (problem) throw new Error(`refusing to write an invalid ${table} row (${problem})`)
}

/**
 * A typed row or patch as stored values. A key whose value is `undefined` is left out (an insert then gets
 * the column's default), as Kysely does; anything that is not a stored value is a bug.
 */
function storedValues(row: object): Columns {
  const columns: Columns = {}
  for (const [column, value] of Object.entries(row)) {
    if (value === undefined) continue
    if (value !== null && typeof value !== 'string' && typeof value !== 'number') throw new TypeError(`${column}: not a stored value (${typeof value})`)
    columns[column] = value
  }
  return columns
}

export async function insertSynced<T extends SyncedTable>(trx: Transaction<Database>, table: T, row: InsertRow<T>, now: string): Promise<void> {
  const full: Columns = { ...storedValues(row), created_at: now, updated_at: now }
  const columns = Object.keys(full)
  const domain: Columns = {}
  for (const column of columns) if (isDomainColumn(column)) domain[column] = full[column] ?? null
  assertValid(table, domain, 'row')
  await guardChange(trx, table, 'insert', null, Object.keys(domain), domain)
  await trx.executeQuery(CompiledQuery.raw(insertStatement(table, columns), columns.map((c) => full[c] ?? null)))
  const fields: FieldChanges = {}
  for (const column of columns) if (isDomainColumn(column)) fields[column] = { old: null, new: full[column] ?? null }
  await appendOperation(trx, { table, rowId: row.id, kind: 'insert', baseVersion: null, fields }, now)
}

/** Rows per multi-row statement: well below SQLite's 32,766 bound parameters for the widest table. */
const ROWS_PER_STATEMENT = 100

/**
 * Many new rows of one table with their outbox operations, in the caller's transaction: the same rows and
 * operations, in the same order, as `insertSynced` for each, but one statement per hundred rows instead of
 * two per row (an import of 60,000 contacts spends its time in statement round trips otherwise). Every
 * row is checked before anything is written.
 */
export async function insertSyncedMany<T extends SyncedTable>(trx: Transaction<Database>, table: T, rows: Array<InsertRow<T>>, now: string): Promise<void> {
  if (rows.length > 0) await guardChange(trx, table, 'insert', null, [], {}) // an insert's right depends on the table alone
  const byColumns = new Map<string, Columns[]>()
  const operations: unknown[][] = []
  for (const row of rows) {
    const full: Columns = { ...storedValues(row), created_at: now, updated_at: now }
    const domain: Columns = {}
    const fields: FieldChanges = {}
    for (const column of Object.keys(full)) {
      if (!isDomainColumn(column)) continue
      domain[column] = full[column] ?? null
      fields[column] = { old: null, new: full[column] ?? null }
    }
    assertValid(table, domain, 'row')
    const key = Object.keys(full).join(',')
    const group = byColumns.get(key)
    if (group) group.push(full)
    else byColumns.set(key, [full])
    operations.push([newId(), table, row.id, 'insert', null, JSON.stringify(fields), SCHEMA_VERSION, now])
  }
  for (const [key, group] of byColumns) {
    const columns = key.split(',')
    for (let i = 0; i < group.length; i += ROWS_PER_STATEMENT) {
      const chunk = group.slice(i, i + ROWS_PER_STATEMENT)
      const values = chunk.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ')
      await trx.executeQuery(CompiledQuery.raw(`insert into ${quote(table)} (${columns.map(quote).join(', ')}) values ${values}`, chunk.flatMap((r) => columns.map((c) => r[c] ?? null))))
    }
  }
  const outboxValues = OUTBOX_INSERT.slice(0, OUTBOX_INSERT.indexOf('values'))
  for (let i = 0; i < operations.length; i += ROWS_PER_STATEMENT * 4) {
    const chunk = operations.slice(i, i + ROWS_PER_STATEMENT * 4)
    await trx.executeQuery(CompiledQuery.raw(`${outboxValues}values ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`, chunk.flat()))
  }
}

async function loadLive(trx: Transaction<Database>, table: SyncedTable, id: string): Promise<Columns> {
  const { rows } = await sql<Columns>`select * from ${sql.table(table)} where id = ${id} and deleted_at is null`.execute(trx)
  const row = rows[0]
  if (!row) throw new AppError('not_found', 'errors.notFound')
  return row
}

/** The version of the row the server last acknowledged (null: never), which an update or delete is based on. */
const serverVersion = (row: Columns): number | null => (typeof row.server_version === 'number' ? row.server_version : null)

/** Writes only the columns that really change; an update that changes nothing writes nothing. */
export function updateSynced<T extends SyncedTable>(trx: Transaction<Database>, table: T, id: string, patch: UpdatePatch<T>, now: string): Promise<boolean> {
  return updateSyncedColumns(trx, table, id, storedValues(patch), now)
}

/**
 * The same for columns named at run time (resolving a conflict on the field the server named): not checked
 * by the compiler, so the row check refuses an unknown column or a wrong value before anything is written.
 */
export async function updateSyncedColumns(trx: Transaction<Database>, table: SyncedTable, id: string, patch: Columns, now: string): Promise<boolean> {
  const before = await loadLive(trx, table, id)
  const fields: FieldChanges = {}
  for (const [column, value] of Object.entries(patch)) {
    if (isDomainColumn(column) && before[column] !== value) fields[column] = { old: before[column] ?? null, new: value }
  }
  const changed = Object.keys(fields)
  if (changed.length === 0) return false
  const after = Object.fromEntries(changed.map((c) => [c, fields[c]!.new]))
  assertValid(table, after, 'patch')
  await guardChange(trx, table, 'update', before, changed, after)
  const assignments = [...changed.map((c) => sql`${sql.ref(c)} = ${fields[c]!.new}`), sql`updated_at = ${now}`]
  await sql`update ${sql.table(table)} set ${sql.join(assignments)} where id = ${id}`.execute(trx)
  await appendOperation(trx, { table, rowId: id, kind: 'update', baseVersion: serverVersion(before), fields }, now)
  return true
}

/** A delete is a tombstone, so it syncs and the row never comes back. */
export async function deleteSynced(trx: Transaction<Database>, table: SyncedTable, id: string, now: string): Promise<void> {
  const before = await loadLive(trx, table, id)
  await guardChange(trx, table, 'delete', before, [], {})
  await sql`update ${sql.table(table)} set deleted_at = ${now}, updated_at = ${now} where id = ${id}`.execute(trx)
  await appendOperation(trx, { table, rowId: id, kind: 'delete', baseVersion: serverVersion(before), fields: {} }, now)
}
