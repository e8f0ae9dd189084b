// One sync run (docs/sync.md): push until the outbox is empty, then pull until nothing is left.
import { CompiledQuery, type Kysely, type Selectable } from 'kysely'
import { deferIndexes, restoreIndexes } from '../../../../db/platform/deferred-indexes'
import { newId } from '../../../../db/platform/ids'
import type { Database } from '../../../../db/database.types'
import type { SyncOutboxTable } from '../../../../db/platform/local.table'
import type { PushOp, PushResult } from '../../../../shared/modules/sync/protocol'
import { afterPulledErasures, type PulledErasures } from '../dsgvo'
import { applyPage, refreshAllJourneys, resetSyncedData, type ApplyOptions, type ApplySummary } from './apply'
import { divergedScopes, localChecksums, sweepScope } from './checksum'
import { clearState, readState, writeState, type SyncStateValues } from './state'
import { SyncTransportError, type SyncTransport } from './transport'

export const PUSH_BATCH = 200
export const PULL_LIMIT = 1000
export const BOOTSTRAP_LIMIT = 5000

export interface SyncProgress {
  phase: 'push' | 'pull' | 'bootstrap'
  done: number
  /** Bootstrap only: what the server counted at the start. */
  total: number | null
}

export interface SyncRunSummary {
  pushed: number
  pulled: number
  conflicts: number
  rejected: number
  /** Pulled rows set aside because they could not be applied. */
  quarantined: number
  /** This run gave the laptop a new client id (restored or copied database). */
  reidentified: boolean
  /** Scopes whose checksum differed from the server's twice, and were downloaded afresh. */
  redownloaded: string[]
  /** DSGVO erasures pulled in this run: people purged here, and the records whose letters named them. */
  erased?: PulledErasures
}

function countErased(summary: SyncRunSummary, applied: ApplySummary): void {
  if (applied.erased.contacts === 0 && applied.erased.records.length === 0) return
  const erased = (summary.erased ??= { contacts: 0, records: [] })
  erased.contacts += applied.erased.contacts
  erased.records.push(...applied.erased.records)
}

/** Without changes either way, the checksums are compared at most this often (a restored server shows here). */
export const CHECK_INTERVAL_MS = 60 * 60_000
/**
 * With changes, at most this often: the laptop's checksum reads every synced row (seconds on a large file with a cold
 * cache), and a periodic sync every few minutes would otherwise read the whole database each time. The first run after
 * a download, a run that set rows aside and a re-identified laptop compare at once.
 */
export const CHECK_AFTER_CHANGES_MS = 15 * 60_000

export interface EngineDeps {
  db: Kysely<Database>
  clientId: string
  token: string
  schemaVersion: number
  transport: SyncTransport
  clock: () => Date
  onProgress?: (progress: SyncProgress) => void
  /** How often the checksums are compared after runs that moved rows (default CHECK_AFTER_CHANGES_MS; tests: 0, every run). */
  checkAfterChangesMs?: number
  /** Fault injection for tests: runs inside the page transaction after each applied change. */
  afterChange?: ApplyOptions['afterChange']
  /**
   * The server found this laptop's outbox behind its record of this client id (a restored backup or a
   * copied database): take a new client id with its own session, so the outbox can be pushed as is.
   */
  reidentify?: () => Promise<{ clientId: string; token: string }>
}

type OutboxRow = Selectable<SyncOutboxTable>

export async function pushAll(deps: EngineDeps, summary: SyncRunSummary): Promise<void> {
  const { db } = deps
  for (;;) {
    const rows: OutboxRow[] = await db.selectFrom('sync_outbox').selectAll().orderBy('client_seq').limit(PUSH_BATCH).execute()
    if (rows.length === 0) return
    const ops: PushOp[] = rows.map((r) => ({
      opId: r.op_id, clientSeq: r.client_seq, table: r.table_name, rowId: r.row_id, kind: r.kind,
      baseVersion: r.base_version, fields: JSON.parse(r.fields), schemaVersion: r.schema_version, createdAt: r.created_at,
    }))
    deps.onProgress?.({ phase: 'push', done: summary.pushed, total: null })
    let results: PushResult[]
    try {
      results = (await deps.transport.push(deps.token, deps.schemaVersion, { clientId: deps.clientId, schemaVersion: deps.schemaVersion, ops })).results
    } catch (err) {
      if (err instanceof SyncTransportError && err.code === 'client_restored' && deps.reidentify && !summary.reidentified) {
        // What the server already had of this batch is acknowledged; the rest goes again under a new id.
        await acknowledge(deps, rows, err.body?.results ?? [], summary)
        const fresh = await deps.reidentify()
        deps.clientId = fresh.clientId
        deps.token = fresh.token
        summary.reidentified = true
        continue
      }
      const message = err instanceof Error ? err.message : String(err)
      await db.updateTable('sync_outbox').set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: message.slice(0, 500) }))
        .where('client_seq', '<=', rows[rows.length - 1]!.client_seq).execute()
      throw err
    }
    await acknowledge(deps, rows, results, summary)
  }
}

/** Acknowledged operations leave the outbox; refused ones are remembered for the rep and undone locally. */
async function acknowledge(deps: EngineDeps, rows: OutboxRow[], results: PushResult[], summary: SyncRunSummary): Promise<void> {
  const byOp = new Map(results.map((r) => [r.opId, r]))
  const now = deps.clock().toISOString()
  await deps.db.transaction().execute(async (trx) => {
    const rejected: SyncStateValues['rejected'] = (await readState(trx, 'rejected')) ?? []
    let acknowledged = 0
    for (const row of rows) {
      const result = byOp.get(row.op_id)
      if (!result) break // the server answers in order; anything after a missing answer waits for the next push
      acknowledged++
      if (result.status === 'conflict') summary.conflicts++
      if (result.status === 'rejected') {
        summary.rejected++
        rejected.push({ table: row.table_name, rowId: row.row_id, kind: row.kind, reason: result.reason ?? '', at: now })
        // A refused new row never reaches anyone: hide it here too, so the rep is not misled.
        if (row.kind === 'insert') {
          await trx.executeQuery(CompiledQuery.raw(`update "${row.table_name}" set deleted_at = ? where id = ? and server_version is null`, [now, row.row_id]))
        }
      }
    }
    // The acknowledged operations are the batch's first ones, and the batch is the outbox's first rows in order: one
    // statement removes them (a change recorded meanwhile has a higher position and stays). One statement per row was
    // two thirds of a 100-change push's time on the laptop.
    if (acknowledged > 0) await trx.executeQuery(CompiledQuery.raw('delete from sync_outbox where client_seq <= ?', [rows[acknowledged - 1]!.client_seq]))
    summary.pushed += acknowledged
    if (summary.rejected > 0) await writeState(trx, 'rejected', rejected.slice(-100))
  })
}

export async function pullAll(deps: EngineDeps, summary: SyncRunSummary): Promise<void> {
  const { db } = deps
  let bootstrapping = !(await readState(db, 'bootstrapped'))
  let cursor = (await readState(db, 'cursor')) ?? 0
  let total: number | null = null
  const request = (from: number, first: boolean) => {
    const page = deps.transport.pull(deps.token, deps.schemaVersion, {
      clientId: deps.clientId, cursor: from, limit: bootstrapping ? BOOTSTRAP_LIMIT : PULL_LIMIT, bootstrap: bootstrapping, withRemaining: bootstrapping && first,
    })
    // Should the page before it fail to apply, this answer is dropped unread; its failure must not go unhandled.
    page.catch(() => undefined)
    return page
  }
  let next = request(cursor, true)
  // A first download writes the touchpoints without their secondary indexes; they are built once at its end.
  if (bootstrapping) await deferIndexes(db)
  try {
    for (;;) {
      const page = await next
      if (page.reset) {
        await resetSyncedData(db)
        await writeState(db, 'bootstrapped', false)
        bootstrapping = true
        cursor = 0
        next = request(cursor, true)
        await deferIndexes(db)
        continue
      }
      // The next page is asked for while this one is written: the server reads and sends it in its own process, so
      // its time and the laptop's overlap (a page's cursor is the server's answer, not what the laptop applied).
      if (page.hasMore) next = request(page.cursor, false)
      if (page.remaining !== undefined) total = page.remaining
      if (page.changes.length > 0) {
        const applied = await applyPage(db, page.changes, page.cursor, { now: deps.clock().toISOString(), afterChange: deps.afterChange, deferJourneys: bootstrapping })
        summary.pulled += page.changes.length
        summary.quarantined += applied.quarantined
        countErased(summary, applied)
      }
      cursor = page.cursor
      deps.onProgress?.({ phase: bootstrapping ? 'bootstrap' : 'pull', done: summary.pulled, total })
      if (!page.hasMore) break
    }
  } catch (err) {
    // Stopped part-way (offline, a page that could not be written): until the next run resumes the download, what
    // arrived so far is read at full speed; the next run defers the indexes again.
    if (bootstrapping) await restoreIndexes(db).catch(() => undefined)
    throw err
  }
  if (bootstrapping) {
    // Interrupted before this, the download resumes at its cursor and comes here again: nothing is left unrefreshed.
    // The indexes first: the journeys read each company's latest touchpoint through one of them.
    await restoreIndexes(db)
    await refreshAllJourneys(db, deps.clock().toISOString())
    await writeState(db, 'bootstrapped', true)
    await clearState(db, ['checked_at']) // a fresh download is compared at once
  }
}

/**
 * Compares the scope checksums with the server's after the pull. The server may have moved on in the
 * meantime, so a difference first means one more pull; a scope that still differs is downloaded again
 * (rows the server no longer has are removed, unpushed local work stays).
 */
export async function verifyScopes(deps: EngineDeps, summary: SyncRunSummary): Promise<void> {
  const lastCheck = await readState(deps.db, 'checked_at')
  const quiet = summary.pushed === 0 && summary.pulled === 0 && summary.quarantined === 0
  const interval = quiet ? CHECK_INTERVAL_MS : deps.checkAfterChangesMs ?? CHECK_AFTER_CHANGES_MS
  const urgent = summary.quarantined > 0 || summary.reidentified
  if (!urgent && lastCheck && deps.clock().getTime() - Date.parse(lastCheck) < interval) return
  const compare = async () => divergedScopes((await deps.transport.checksum(deps.token, deps.schemaVersion, deps.clientId)).scopes, await localChecksums(deps.db))
  let diverged = await compare()
  if (diverged.length > 0) {
    await pullAll(deps, summary)
    diverged = await compare()
    for (const scope of diverged) await redownloadScope(deps, scope, summary)
    summary.redownloaded = diverged
  }
  await writeState(deps.db, 'checked_at', deps.clock().toISOString())
}

async function redownloadScope(deps: EngineDeps, scope: string, summary: SyncRunSummary): Promise<void> {
  const { db } = deps
  await db.executeQuery(CompiledQuery.raw('create temp table if not exists kr_received (table_name text not null, id text not null, primary key (table_name, id))'))
  await db.executeQuery(CompiledQuery.raw('delete from temp.kr_received'))
  try {
    let cursor = 0
    for (;;) {
      const page = await deps.transport.pull(deps.token, deps.schemaVersion, { clientId: deps.clientId, cursor, limit: BOOTSTRAP_LIMIT, bootstrap: true, withRemaining: false, scope })
      if (page.reset) return // the user's scopes changed: the next run starts over anyway
      if (page.changes.length > 0) {
        const applied = await applyPage(db, page.changes, null, { now: deps.clock().toISOString() })
        summary.pulled += page.changes.length
        summary.quarantined += applied.quarantined
        countErased(summary, applied)
        for (let i = 0; i < page.changes.length; i += 400) {
          const chunk = page.changes.slice(i, i + 400)
          await db.executeQuery(CompiledQuery.raw(`insert or ignore into temp.kr_received (table_name, id) values ${chunk.map(() => '(?, ?)').join(', ')}`, chunk.flatMap((c) => [c.table, c.id])))
        }
      }
      cursor = page.cursor
      if (!page.hasMore) break
    }
    await sweepScope(db, scope)
  } finally {
    await db.executeQuery(CompiledQuery.raw('drop table if exists temp.kr_received'))
  }
}

/** A new client id for this database, with a session of the same login bound to it (sealed by `seal`). */
export async function takeNewClientId(db: Kysely<Database>, transport: SyncTransport, token: string, schemaVersion: number, seal: (token: string) => string): Promise<{ clientId: string; token: string }> {
  const clientId = newId()
  const fresh = await transport.rebind(token, schemaVersion, clientId)
  await db.transaction().execute(async (trx) => {
    await writeState(trx, 'client_id', clientId)
    await writeState(trx, 'token', seal(fresh.token))
  })
  return { clientId, token: fresh.token }
}

/** A run's summary before anything happened. */
export const emptySyncSummary = (): SyncRunSummary => ({ pushed: 0, pulled: 0, conflicts: 0, rejected: 0, quarantined: 0, reidentified: false, redownloaded: [] })

export async function syncOnce(deps: EngineDeps): Promise<SyncRunSummary> {
  const summary = emptySyncSummary()
  await pushAll(deps, summary)
  await pullAll(deps, summary)
  await verifyScopes(deps, summary)
  // The person is gone from the rows; now from the letters and from the file's free pages and WAL too.
  if (summary.erased) await afterPulledErasures(deps.db, summary.erased)
  return summary
}

export { SyncTransportError }
