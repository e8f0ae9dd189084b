// DSGVO Art. 17 for a lead that was never converted (docs/leads.md "DSGVO erasure"): the pushed `erasures` row names
// the lead and no company. Stored organisation-wide (every laptop pulls it and purges its copy), the lead becomes an
// id-only tombstone — the intake endpoint finds it under the id it derives from the sender's id, so a repost
// creates nothing — and conflict records about it go. Only lead work may erase a lead; a converted lead is erased
// through its contact (erasure.ts), never here.
import type { PushOp, PushResult, SyncValue } from '../../shared/modules/sync'
import { ORG_SCOPE } from '../../shared/modules/sync'
import { isErasedData } from '../../shared/modules/dsgvo'
import { may } from '../../shared/platform/rights'
import { purge, type ErasureCtx, type ErasureRow } from './erasure'
import { canSee } from './scope'
import { checkInsert, Rejected } from './validate'

type Data = Record<string, SyncValue>

export const isLeadErasure = (op: PushOp): boolean => op.table === 'erasures' && op.fields.table_name?.new === 'leads'

export async function insertLeadErasure(ctx: ErasureCtx, op: PushOp, existing: ErasureRow | null): Promise<PushResult> {
  if (op.kind !== 'insert') throw new Rejected('read_only')
  if (existing) throw new Rejected('exists')
  const data: Data = Object.fromEntries(Object.entries(op.fields).map(([column, change]) => [column, change.new]))
  checkInsert('erasures', data)
  if (data.company_id !== '' || data.offer_decision) throw new Rejected('invalid_row: company_id')
  if (!may(ctx.actor.role, 'leads.work')) throw new Rejected('forbidden')
  const lead = await ctx.load('leads', String(data.row_id))
  if (!lead || !canSee(ctx.actor, lead.scope_id)) throw new Rejected('not_found')
  // Converted meanwhile on another laptop: the person is a contact now, erased through it.
  if (!isErasedData(lead.data) && (lead.data.status === 'converted' || (typeof lead.data.contact_id === 'string' && lead.data.contact_id))) {
    throw new Rejected('lead_converted')
  }
  Object.assign(data, { erased_by: ctx.actor.userId })
  const seq = ctx.seq.next()
  const version = [seq, ctx.actor.clientId, ctx.actor.userId, ctx.now, ctx.actor.displayName]
  await ctx.trx.insertInto('sync_rows').values({
    table_name: 'erasures', id: op.rowId, scope_id: ORG_SCOPE, parent_id: null, version: seq, deleted: 0,
    data: JSON.stringify(data), field_versions: JSON.stringify(Object.fromEntries(Object.keys(data).map((c) => [c, version]))), created_seq: seq, updated_by: ctx.actor.userId,
  }).execute()
  // Erased twice (two laptops offline): both are logged, the second finds nothing left.
  if (isErasedData(lead.data)) return { opId: op.opId, status: 'applied', version: seq }
  await purge(ctx, 'leads', lead.id)
  const conflicts = await ctx.trx.selectFrom('sync_rows').select(['id', 'data']).where('table_name', '=', 'sync_conflicts').where('deleted', '=', 0)
    .where('data', 'like', `%${lead.id.replace(/[%_"\\]/g, '')}%`).execute()
  for (const conflict of conflicts) {
    if ((JSON.parse(conflict.data) as Data).row_id === lead.id) await purge(ctx, 'sync_conflicts', conflict.id)
  }
  return { opId: op.opId, status: 'applied', version: seq }
}
