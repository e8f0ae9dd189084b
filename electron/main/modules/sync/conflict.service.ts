// The conflict inbox: what the server kept when two people changed the same field, and the choice.
import { sql } from 'kysely'
import { updateSynced, updateSyncedColumns, type ColumnValue } from '../../../../db/platform/synced-writes'
import { parseRecord } from './json-record'
import { isSyncedTable } from '../../../../db/database.types'
import { AppError } from '../../../../shared/platform/result'
import type { ConflictItem, QuarantinedRecord, RejectedChange, SyncProblems } from '../../../../shared/modules/sync/status'
import { clearState, readState } from './state'
import { nowIso, type ServiceContext } from '../../platform/context'

/** How each table names a record in the inbox. */
const RECORD_LABEL: Record<string, string> = {
  companies: "name",
  contacts: "trim(first_name || ' ' || last_name)",
  personas: 'name',
  touchpoints: 'summary',
  products: 'name',
  offers: 'number',
  contracts: 'number',
  cases: 'number',
  assets: 'name',
  offer_items: 'name',
  contract_items: 'name',
}

async function recordLabel(ctx: ServiceContext, table: string, id: string): Promise<string> {
  const label = RECORD_LABEL[table]
  if (!label) return ''
  return (await sql<{ label: string }>`select ${sql.raw(label)} as label from ${sql.table(table)} where id = ${id}`.execute(ctx.db)).rows[0]?.label ?? ''
}

/** A conflict's JSON-encoded value: a text, a number or null; anything else is shown as it was stored. */
const parse = (value: string | null): ColumnValue => {
  if (value === null) return null
  try {
    const parsed: unknown = JSON.parse(value)
    return typeof parsed === 'string' || typeof parsed === 'number' || parsed === null ? parsed : value
  } catch {
    return value
  }
}

export async function listConflicts(ctx: ServiceContext): Promise<ConflictItem[]> {
  const rows = await ctx.db.selectFrom('sync_conflicts').selectAll().where('resolved_at', 'is', null).where('deleted_at', 'is', null)
    .orderBy('created_at', 'desc').limit(500).execute()
  const items: ConflictItem[] = []
  for (const r of rows) {
    const record = await recordLabel(ctx, r.table_name, r.row_id)
    items.push({
      id: r.id, table: r.table_name, rowId: r.row_id, record, field: r.field, kind: r.kind,
      serverValue: parse(r.server_value), clientValue: parse(r.client_value),
      serverUser: r.server_user, serverAt: r.server_at, clientUser: r.client_user, clientAt: r.client_at, createdAt: r.created_at,
    })
  }
  return items
}

/**
 * Resolving is an edit like any other: the chosen value and the settled conflict go through the
 * outbox in one transaction, so the other side sees the conflict settled after its next sync.
 */
export async function resolveConflict(ctx: ServiceContext, input: { id: string; choice: 'server' | 'client' | 'acknowledged' }): Promise<{ id: string }> {
  const now = nowIso(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const conflict = await trx.selectFrom('sync_conflicts').selectAll().where('id', '=', input.id).where('deleted_at', 'is', null).executeTakeFirst()
    if (!conflict) throw new AppError('not_found', 'errors.notFound')
    if (conflict.resolved_at) throw new AppError('conflict', 'sync.errors.alreadyResolved')
    if (input.choice === 'client') {
      const table = conflict.table_name
      if (conflict.kind !== 'field' || !isSyncedTable(table)) throw new AppError('validation', 'sync.errors.cannotRestore')
      // The field is data (the server named it): the row check refuses one the table does not have.
      await updateSyncedColumns(trx, table, conflict.row_id, { [conflict.field]: parse(conflict.client_value) }, now)
    }
    await updateSynced(trx, 'sync_conflicts', conflict.id, { resolved_at: now, resolved_by: ctx.userName, resolution: input.choice }, now)
  })
  return { id: input.id }
}

/** The refused changes (from the sync state) and the records set aside in quarantine, newest first. */
export async function syncProblems(ctx: ServiceContext): Promise<SyncProblems> {
  const refused = (await readState(ctx.db, 'rejected')) ?? []
  const rejected: RejectedChange[] = []
  for (const r of [...refused].reverse()) {
    const [reason = '', column = ''] = r.reason.split(':').map((part) => part.trim())
    rejected.push({ table: r.table, rowId: r.rowId, record: await recordLabel(ctx, r.table, r.rowId), kind: r.kind, reason, column, at: r.at })
  }
  const held = await ctx.db.selectFrom('sync_quarantine').selectAll().orderBy('at', 'desc').limit(200).execute()
  const quarantined: QuarantinedRecord[] = held.map((q) => {
    const data = (q.data ? parseRecord(q.data) : null) ?? {}
    const name = data.name ?? data.number ?? data.last_name ?? data.summary
    const record = typeof name === 'string' ? name.slice(0, 200) : ''
    return { table: q.table_name, rowId: q.row_id, record, error: q.error, at: q.at }
  })
  return { rejected, quarantined }
}

/** The rep has read the refusals: they leave the list (the quarantine stays until a valid version arrives). */
export async function dismissRejected(ctx: ServiceContext): Promise<SyncProblems> {
  await clearState(ctx.db, ['rejected'])
  return syncProblems(ctx)
}
