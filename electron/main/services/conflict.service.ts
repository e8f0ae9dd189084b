// The conflict inbox: what the server kept when two people changed the same field, and the choice.
import { sql } from 'kysely'
import { updateSynced } from '../../../db/sync/synced-writes'
import { SYNCED_TABLES, type SyncedTable } from '../../../db/tables/database'
import { AppError } from '../../../shared/ipc/result'
import type { ConflictItem } from '../../../shared/sync/status'
import { nowIso, type ServiceContext } from './context'

/** How each table names a record in the inbox. */
const RECORD_LABEL: Record<string, string> = {
  companies: "name",
  contacts: "trim(first_name || ' ' || last_name)",
  personas: 'name',
  touchpoints: 'summary',
}

const parse = (value: string | null): string | number | null => {
  if (value === null) return null
  try {
    return JSON.parse(value) as string | number | null
  } catch {
    return value
  }
}

export async function listConflicts(ctx: ServiceContext): Promise<ConflictItem[]> {
  const rows = await ctx.db.selectFrom('sync_conflicts').selectAll().where('resolved_at', 'is', null).where('deleted_at', 'is', null)
    .orderBy('created_at', 'desc').limit(500).execute()
  const items: ConflictItem[] = []
  for (const r of rows) {
    const label = RECORD_LABEL[r.table_name]
    const record = label
      ? (await sql<{ label: string }>`select ${sql.raw(label)} as label from ${sql.table(r.table_name)} where id = ${r.row_id}`.execute(ctx.db)).rows[0]?.label ?? ''
      : ''
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
      if (conflict.kind !== 'field' || !(SYNCED_TABLES as readonly string[]).includes(conflict.table_name)) throw new AppError('validation', 'sync.errors.cannotRestore')
      await updateSynced(trx, conflict.table_name as SyncedTable, conflict.row_id, { [conflict.field]: parse(conflict.client_value) }, now)
    }
    await updateSynced(trx, 'sync_conflicts', conflict.id, { resolved_at: now, resolved_by: ctx.userName, resolution: input.choice }, now)
  })
  return { id: input.id }
}
