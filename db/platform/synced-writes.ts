// The only write path for synced tables: the row change and its outbox operation in one transaction.
import { CompiledQuery, sql, type Transaction } from 'kysely'
import { AppError } from '../../shared/platform/result'
import { newId } from './ids'
import { SCHEMA_VERSION } from '../migrations'
import type { Database, SyncedTable } from '../database.types'
import { LOCAL_COLUMNS } from './sync-columns'

export type ColumnValue = string | number | null
export type Columns = Record<string, ColumnValue>
export type FieldChanges = Record<string, { old: ColumnValue; new: ColumnValue }>

const isDomainColumn = (column: string) => !(LOCAL_COLUMNS as readonly string[]).includes(column)

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

export async function insertSynced(trx: Transaction<Database>, table: SyncedTable, row: { id: string } & Columns, now: string): Promise<void> {
  const full: Columns = { ...row, created_at: now, updated_at: now }
  const columns = Object.keys(full)
  const domain: Columns = {}
  for (const column of columns) if (isDomainColumn(column)) domain[column] = full[column] ?? null
  assertValid(table, domain, 'row')
  await trx.executeQuery(CompiledQuery.raw(insertStatement(table, columns), columns.map((c) => full[c] ?? null)))
  const fields: FieldChanges = {}
  for (const column of columns) if (isDomainColumn(column)) fields[column] = { old: null, new: full[column] ?? null }
  await appendOperation(trx, { table, rowId: row.id, kind: 'insert', baseVersion: null, fields }, now)
}

async function loadLive(trx: Transaction<Database>, table: SyncedTable, id: string): Promise<Columns> {
  const { rows } = await sql<Columns>`select * from ${sql.table(table)} where id = ${id} and deleted_at is null`.execute(trx)
  const row = rows[0]
  if (!row) throw new AppError('not_found', 'errors.notFound')
  return row
}

/** Writes only the columns that really change; an update that changes nothing writes nothing. */
export async function updateSynced(trx: Transaction<Database>, table: SyncedTable, id: string, patch: Columns, now: string): Promise<boolean> {
  const before = await loadLive(trx, table, id)
  const fields: FieldChanges = {}
  for (const [column, value] of Object.entries(patch)) {
    if (isDomainColumn(column) && before[column] !== value) fields[column] = { old: before[column] ?? null, new: value }
  }
  const changed = Object.keys(fields)
  if (changed.length === 0) return false
  assertValid(table, Object.fromEntries(changed.map((c) => [c, fields[c]!.new])), 'patch')
  const assignments = [...changed.map((c) => sql`${sql.ref(c)} = ${fields[c]!.new}`), sql`updated_at = ${now}`]
  await sql`update ${sql.table(table)} set ${sql.join(assignments)} where id = ${id}`.execute(trx)
  await appendOperation(trx, { table, rowId: id, kind: 'update', baseVersion: (before.server_version as number | null) ?? null, fields }, now)
  return true
}

/** A delete is a tombstone, so it syncs and the row never comes back. */
export async function deleteSynced(trx: Transaction<Database>, table: SyncedTable, id: string, now: string): Promise<void> {
  const before = await loadLive(trx, table, id)
  await sql`update ${sql.table(table)} set deleted_at = ${now}, updated_at = ${now} where id = ${id}`.execute(trx)
  await appendOperation(trx, { table, rowId: id, kind: 'delete', baseVersion: (before.server_version as number | null) ?? null, fields: {} }, now)
}
