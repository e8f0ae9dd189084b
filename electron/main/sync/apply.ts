// Applying pulled changes to the local database: one page per transaction, together with the
// cursor, without writing outbox rows, and without overwriting the rep's own unpushed edits.
import { CompiledQuery, sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../../db/tables/database'
import { SYNCED_TABLES } from '../../../db/tables/database'
import { LOCAL_COLUMNS } from '../../../db/tables/sync-columns'
import type { PullChange, SyncValue } from '../../../shared/sync/protocol'
import { refreshJourneys } from '../services/journey.service'
import { writeState } from './state'

/** Pulled rows of these tables move their company on the journey. */
const JOURNEY_TABLES = new Set(['touchpoints', 'offers', 'contracts', 'cases', 'referrals', 'feedback'])

/** Tables a pull may write: the synced ones and the read-only user directory. */
const PULLABLE = new Set<string>([...SYNCED_TABLES, 'users'])
const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`

/** Writable columns of each local table (generated columns are not listed by table_info). */
const columnCache = new WeakMap<object, Map<string, Set<string>>>()

async function localColumns(db: Kysely<Database> | Transaction<Database>, cacheKey: object, table: string): Promise<Set<string>> {
  let byTable = columnCache.get(cacheKey)
  if (!byTable) columnCache.set(cacheKey, (byTable = new Map()))
  let columns = byTable.get(table)
  if (!columns) {
    const { rows } = await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db)
    columns = new Set(rows.map((r) => r.name))
    byTable.set(table, columns)
  }
  return columns
}

interface Pending {
  fields: Set<string>
  deleted: boolean
}

/** The rep's unpushed changes to the rows of this page: those fields keep their local value. */
async function pendingFor(trx: Transaction<Database>, ids: string[]): Promise<Map<string, Pending>> {
  const pending = new Map<string, Pending>()
  if (ids.length === 0) return pending
  const ops = await trx.selectFrom('sync_outbox').select(['table_name', 'row_id', 'kind', 'fields']).where('row_id', 'in', ids).execute()
  for (const op of ops) {
    const key = `${op.table_name}:${op.row_id}`
    const entry = pending.get(key) ?? { fields: new Set<string>(), deleted: false }
    if (op.kind === 'delete') entry.deleted = true
    for (const field of Object.keys(JSON.parse(op.fields) as object)) entry.fields.add(field)
    pending.set(key, entry)
  }
  return pending
}

const NOT_FROM_SERVER = new Set<string>(LOCAL_COLUMNS)

export interface ApplyOptions {
  now: string
  /** Test hook for fault injection: called after each applied change, inside the transaction. */
  afterChange?: (index: number) => void
}

export interface ApplySummary {
  applied: number
  companies: Set<string>
}

/** Upserts of rows without unpushed local changes, gathered so several go in one statement. */
interface UpsertBatch {
  table: string
  columns: string[]
  rows: SyncValue[][]
}

const ROWS_PER_STATEMENT = 100

async function flushUpserts(trx: Transaction<Database>, batch: UpsertBatch | null): Promise<void> {
  if (!batch || batch.rows.length === 0) return
  const { table, columns } = batch
  const updatable = columns.filter((c) => c !== 'id' && c !== 'created_at')
  const tuple = `(${columns.map(() => '?').join(', ')})`
  for (let i = 0; i < batch.rows.length; i += ROWS_PER_STATEMENT) {
    const rows = batch.rows.slice(i, i + ROWS_PER_STATEMENT)
    const statement = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values ${rows.map(() => tuple).join(', ')}
      on conflict(id) do update set ${updatable.map((c) => `${quote(c)} = excluded.${quote(c)}`).join(', ')}`
    await trx.executeQuery(CompiledQuery.raw(statement, rows.flat()))
  }
  batch.rows = []
}

interface PageWriter {
  batch: UpsertBatch | null
}

async function applyChange(trx: Transaction<Database>, cacheKey: object, writer: PageWriter, change: PullChange, pending: Pending | undefined, now: string): Promise<boolean> {
  if (!PULLABLE.has(change.table)) return false // a table this client's schema does not have yet
  const table = change.table
  if (change.op !== 'upsert') {
    await flushUpserts(trx, writer.batch)
    if (change.op === 'evict') {
      if (table === 'companies') await trx.executeQuery(CompiledQuery.raw('delete from company_journey where company_id = ?', [change.id]))
      await trx.executeQuery(CompiledQuery.raw(`delete from ${quote(table)} where id = ?`, [change.id]))
    } else {
      await trx.executeQuery(CompiledQuery.raw(`update ${quote(table)} set deleted_at = coalesce(deleted_at, ?), server_version = ? where id = ?`, [now, change.seq, change.id]))
    }
    return true
  }
  const columns = await localColumns(trx, cacheKey, table)
  const data = change.data ?? {}
  // Columns a newer client added that this one does not know are left on the server, untouched.
  const fromServer = Object.keys(data).filter((c) => columns.has(c) && !NOT_FROM_SERVER.has(c))
  const values: Record<string, SyncValue> = { id: change.id, server_version: change.seq }
  for (const column of fromServer) values[column] = data[column] ?? null
  if (columns.has('created_at') && values.created_at == null) values.created_at = now
  if (columns.has('updated_at')) values.updated_at = now
  const insertColumns = Object.keys(values)
  if (!pending) {
    const key = insertColumns.join(',')
    if (!writer.batch || writer.batch.table !== table || writer.batch.columns.join(',') !== key) {
      await flushUpserts(trx, writer.batch)
      writer.batch = { table, columns: insertColumns, rows: [] }
    }
    writer.batch.rows.push(insertColumns.map((c) => values[c] ?? null))
    return true
  }
  await flushUpserts(trx, writer.batch)
  const updatable = insertColumns.filter((c) => c !== 'id' && c !== 'created_at' && !pending.fields.has(c))
  const statement = `insert into ${quote(table)} (${insertColumns.map(quote).join(', ')}) values (${insertColumns.map(() => '?').join(', ')})
    on conflict(id) do update set ${updatable.map((c) => `${quote(c)} = excluded.${quote(c)}`).join(', ')}`
  await trx.executeQuery(CompiledQuery.raw(statement, insertColumns.map((c) => values[c] ?? null)))
  return true
}

/**
 * Applies one page and stores the cursor in the same transaction: a crash leaves either the
 * whole page with its cursor or neither. Foreign keys are checked by the server; pages arrive in
 * commit order, so a contact may come before the company it references was last changed.
 */
export async function applyPage(db: Kysely<Database>, changes: PullChange[], cursor: number, options: ApplyOptions): Promise<ApplySummary> {
  return db.connection().execute(async (conn) => {
    await sql`PRAGMA foreign_keys = OFF`.execute(conn)
    try {
      return await conn.transaction().execute(async (trx) => {
        const pending = await pendingFor(trx, changes.map((c) => c.id))
        const companies = new Set<string>()
        const writer: PageWriter = { batch: null }
        let applied = 0
        for (const [index, change] of changes.entries()) {
          if (await applyChange(trx, db, writer, change, pending.get(`${change.table}:${change.id}`), options.now)) applied++
          if (change.table === 'companies') companies.add(change.id)
          else if (JOURNEY_TABLES.has(change.table) && change.data && typeof change.data.company_id === 'string') companies.add(change.data.company_id)
          options.afterChange?.(index)
        }
        await flushUpserts(trx, writer.batch)
        await refreshJourneys(trx, companies, options.now)
        await writeState(trx, 'cursor', cursor)
        return { applied, companies }
      })
    } finally {
      await sql`PRAGMA foreign_keys = ON`.execute(conn)
    }
  })
}

/** The user's scopes changed: drop every synced row that has no unpushed change, then pull anew. */
export async function resetSyncedData(db: Kysely<Database>): Promise<void> {
  await db.connection().execute(async (conn) => {
    await sql`PRAGMA foreign_keys = OFF`.execute(conn)
    try {
      await conn.transaction().execute(async (trx) => {
        for (const table of [...SYNCED_TABLES, 'users'] as const) {
          await sql`delete from ${sql.table(table)} where server_version is not null and id not in (select row_id from sync_outbox)`.execute(trx)
        }
        await sql`delete from company_journey where company_id not in (select id from companies)`.execute(trx)
        await writeState(trx, 'cursor', 0)
      })
    } finally {
      await sql`PRAGMA foreign_keys = ON`.execute(conn)
    }
  })
}
