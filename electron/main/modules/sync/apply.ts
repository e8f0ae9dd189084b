// Applying pulled changes to the local database: one page per transaction, together with the
// cursor, without writing outbox rows, and without overwriting the rep's own unpushed edits.
import { CompiledQuery, sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../../../db/database.types'
import { SYNCED_TABLES } from '../../../../db/database.types'
import { LOCAL_COLUMNS } from '../../../../db/platform/sync-columns'
import type { PullChange, SyncValue } from '../../../../shared/modules/sync/protocol'
import { domainColumns, isSyncTable, rowProblem } from '../../../../shared/modules/sync/row-schemas'
import { refreshJourneys } from '../customers'
import { recomputeAllHealth } from '../../../../db/modules/success'
import { applyErasures, pulledErasures, type ErasedOnPage } from './apply-erasures'
import { writeState } from './state'

/** Pulled rows of these tables move their company on the journey. */
const JOURNEY_TABLES = new Set(['touchpoints', 'offers', 'contracts', 'cases', 'referrals', 'feedback'])
/** Facts of a company's health score that are not journey facts (issue 17): the company's refresh hooks follow them too. */
const HEALTH_FACT_TABLES = new Set(['follow_ups', 'erp_facts'])

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
  /**
   * A first download: the companies' journey positions are worked out once at its end (refreshAllJourneys), not per
   * page — a page of touchpoints names some 500 companies, and each was refreshed again on every later page.
   */
  deferJourneys?: boolean
  /** Test hook for fault injection: called after each applied change, inside the transaction. */
  afterChange?: (index: number) => void
}

export interface ApplySummary {
  applied: number
  companies: Set<string>
  /** Rows set aside because they could not be applied (see sync_quarantine). */
  quarantined: number
  /** People this page purged (DSGVO erasures pulled), and the offers and contracts whose letters named them. */
  erased: ErasedOnPage
}

/** A pulled row that cannot be applied: it waits in quarantine until a valid version replaces it. */
interface SetAside {
  table: string
  id: string
  seq: number
  data: Record<string, SyncValue> | undefined
  error: string
}

/** The row as this client's schema knows it: unknown (newer) columns are left out, the rest must be valid. */
function pulledRowProblem(table: string, data: Record<string, SyncValue>): string | null {
  if (!isSyncTable(table)) return null
  const known: Record<string, SyncValue> = {}
  for (const column of domainColumns(table)) if (column in data) known[column] = data[column] ?? null
  return rowProblem(table, known)
}

const SAVEPOINT = 'kr_apply_row'
async function inSavepoint(trx: Transaction<Database>, work: () => Promise<void>): Promise<unknown> {
  await trx.executeQuery(CompiledQuery.raw(`savepoint ${SAVEPOINT}`))
  try {
    await work()
    await trx.executeQuery(CompiledQuery.raw(`release ${SAVEPOINT}`))
    return null
  } catch (err) {
    await trx.executeQuery(CompiledQuery.raw(`rollback to ${SAVEPOINT}`))
    await trx.executeQuery(CompiledQuery.raw(`release ${SAVEPOINT}`))
    return err
  }
}

/** Upserts of rows without unpushed local changes, gathered so several go in one statement. */
interface UpsertBatch {
  table: string
  columns: string[]
  rows: SyncValue[][]
  changes: PullChange[]
}

const ROWS_PER_STATEMENT = 100

/**
 * Many rows per statement; should one of them fail in SQLite (whatever the reason), the statement is
 * undone and its rows are written one by one, so only the failing row is set aside.
 */
async function flushUpserts(trx: Transaction<Database>, writer: PageWriter): Promise<void> {
  const batch = writer.batch
  if (!batch || batch.rows.length === 0) return
  const { table, columns } = batch
  const updatable = columns.filter((c) => c !== 'id' && c !== 'created_at')
  const tuple = `(${columns.map(() => '?').join(', ')})`
  const upsert = (count: number) => `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values ${Array(count).fill(tuple).join(', ')}
      on conflict(id) do update set ${updatable.map((c) => `${quote(c)} = excluded.${quote(c)}`).join(', ')}`
  for (let i = 0; i < batch.rows.length; i += ROWS_PER_STATEMENT) {
    const rows = batch.rows.slice(i, i + ROWS_PER_STATEMENT)
    const failed = await inSavepoint(trx, async () => void (await trx.executeQuery(CompiledQuery.raw(upsert(rows.length), rows.flat()))))
    if (!failed) continue
    for (const [offset, row] of rows.entries()) {
      const error = await inSavepoint(trx, async () => void (await trx.executeQuery(CompiledQuery.raw(upsert(1), row))))
      if (error) {
        writer.setAside(batch.changes[i + offset]!, error)
        writer.failedAfterCount++
      }
    }
  }
  batch.rows = []
  batch.changes = []
}

interface PageWriter {
  batch: UpsertBatch | null
  setAside(change: PullChange, error: unknown): void
  /** Batched rows were counted as applied when queued; these failed when written. */
  failedAfterCount: number
}

async function applyChange(trx: Transaction<Database>, cacheKey: object, writer: PageWriter, change: PullChange, pending: Pending | undefined, now: string): Promise<boolean> {
  if (!PULLABLE.has(change.table)) return false // a table this client's schema does not have yet
  const table = change.table
  if (change.op !== 'upsert') {
    await flushUpserts(trx, writer)
    const error = await inSavepoint(trx, async () => {
      if (change.op === 'evict') {
        if (table === 'companies') await trx.executeQuery(CompiledQuery.raw('delete from company_journey where company_id = ?', [change.id]))
        await trx.executeQuery(CompiledQuery.raw(`delete from ${quote(table)} where id = ?`, [change.id]))
      } else {
        await trx.executeQuery(CompiledQuery.raw(`update ${quote(table)} set deleted_at = coalesce(deleted_at, ?), server_version = ? where id = ?`, [now, change.seq, change.id]))
      }
    })
    if (error) writer.setAside(change, error)
    return !error
  }
  const columns = await localColumns(trx, cacheKey, table)
  const data = change.data ?? {}
  const problem = pulledRowProblem(table, data)
  if (problem) {
    writer.setAside(change, problem)
    return false
  }
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
      await flushUpserts(trx, writer)
      writer.batch = { table, columns: insertColumns, rows: [], changes: [] }
    }
    writer.batch.rows.push(insertColumns.map((c) => values[c] ?? null))
    writer.batch.changes.push(change)
    return true
  }
  await flushUpserts(trx, writer)
  const updatable = insertColumns.filter((c) => c !== 'id' && c !== 'created_at' && !pending.fields.has(c))
  const statement = `insert into ${quote(table)} (${insertColumns.map(quote).join(', ')}) values (${insertColumns.map(() => '?').join(', ')})
    on conflict(id) do ${updatable.length > 0 ? `update set ${updatable.map((c) => `${quote(c)} = excluded.${quote(c)}`).join(', ')}` : 'nothing'}`
  const error = await inSavepoint(trx, async () => void (await trx.executeQuery(CompiledQuery.raw(statement, insertColumns.map((c) => values[c] ?? null)))))
  if (error) writer.setAside(change, error)
  return !error
}

/**
 * Applies one page and stores the cursor in the same transaction: a crash leaves either the
 * whole page with its cursor or neither. Foreign keys are checked by the server; pages arrive in
 * commit order, so a contact may come before the company it references was last changed.
 */
/** `cursor` null: a re-download of one scope, which must not move the pull cursor. */
export async function applyPage(db: Kysely<Database>, changes: PullChange[], cursor: number | null, options: ApplyOptions): Promise<ApplySummary> {
  return db.connection().execute(async (conn) => {
    await sql`PRAGMA foreign_keys = OFF`.execute(conn)
    try {
      return await conn.transaction().execute(async (trx) => {
        const pending = await pendingFor(trx, changes.map((c) => c.id))
        const erasures = await pulledErasures(trx, changes)
        const companies = new Set<string>()
        const setAside = new Map<string, SetAside>()
        const writer: PageWriter = {
          batch: null,
          failedAfterCount: 0,
          setAside: (change, error) => {
            const message = typeof error === 'string' ? error : error instanceof Error ? error.message : String(error)
            setAside.set(`${change.table}:${change.id}`, { table: change.table, id: change.id, seq: change.seq, data: change.data, error: message.slice(0, 500) })
          },
        }
        let applied = 0
        let teamSettingsChanged = false
        for (const [index, change] of changes.entries()) {
          if (await applyChange(trx, db, writer, change, pending.get(`${change.table}:${change.id}`), options.now)) applied++
          if (change.table === 'companies') companies.add(change.id)
          else if ((JOURNEY_TABLES.has(change.table) || HEALTH_FACT_TABLES.has(change.table)) && change.data && typeof change.data.company_id === 'string') companies.add(change.data.company_id)
          if (change.table === 'team_settings') teamSettingsChanged = true
          options.afterChange?.(index)
        }
        await flushUpserts(trx, writer)
        await settleQuarantine(trx, changes, setAside, options.now)
        const erased = await applyErasures(trx, erasures, setAside, companies, options.now)
        if (!options.deferJourneys) await refreshJourneys(trx, companies, options.now)
        // A colleague changed the team's health weights or targets: every score follows, in this transaction.
        if (teamSettingsChanged) await recomputeAllHealth(trx, options.now)
        if (cursor !== null) await writeState(trx, 'cursor', cursor)
        return { applied: applied - writer.failedAfterCount, companies, quarantined: setAside.size, erased }
      })
    } finally {
      await sql`PRAGMA foreign_keys = ON`.execute(conn)
    }
  })
}

/** After a first download: every company's journey position and what hangs off it, a few hundred per transaction. */
export async function refreshAllJourneys(db: Kysely<Database>, now: string): Promise<void> {
  const ids = (await db.selectFrom('companies').select('id').orderBy('local_seq').execute()).map((r) => r.id)
  for (let i = 0; i < ids.length; i += JOURNEY_CHUNK) {
    await db.transaction().execute((trx) => refreshJourneys(trx, ids.slice(i, i + JOURNEY_CHUNK), now))
  }
}
const JOURNEY_CHUNK = 2000

/**
 * Rows set aside on this page go to quarantine with their error; a record that arrived in a valid
 * version (or was deleted or left the scope) leaves it. The quarantine is small, so it is read whole.
 */
async function settleQuarantine(trx: Transaction<Database>, changes: PullChange[], setAside: Map<string, SetAside>, now: string): Promise<void> {
  const held = new Set((await trx.selectFrom('sync_quarantine').select(['table_name', 'row_id']).execute()).map((r) => `${r.table_name}:${r.row_id}`))
  for (const change of changes) {
    const key = `${change.table}:${change.id}`
    if (held.has(key) && !setAside.has(key)) {
      await trx.deleteFrom('sync_quarantine').where('table_name', '=', change.table).where('row_id', '=', change.id).execute()
      held.delete(key)
    }
  }
  for (const row of setAside.values()) {
    const values = { table_name: row.table, row_id: row.id, seq: row.seq, data: row.data ? JSON.stringify(row.data) : null, error: row.error, at: now }
    await trx.insertInto('sync_quarantine').values(values)
      .onConflict((oc) => oc.columns(['table_name', 'row_id']).doUpdateSet({ seq: values.seq, data: values.data, error: values.error, at: values.at })).execute()
  }
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
