// DSGVO Art. 17 on the server (docs/sync.md, "Erasure"): a pushed `erasures` row purges the person from
// the store — their row becomes an id-only tombstone, rows that exist only because of them too, rows that
// stay for the statistics lose the reference and the text about them, sent revisions addressed to them
// are redacted, conflict records that may carry their data are dropped. Later pushes about the person are
// refused (`erased`) before any conflict record could keep what they carried, and records that arrive late
// pointing at the person are stored anonymised. The rules are the laptop's (shared/modules/dsgvo).
import { sql, type Transaction } from 'kysely'
import type { PushOp, PushResult, SyncValue } from '../../shared/modules/sync'
import {
  PERSON_ONLY_TABLES, isPersonOnlyTable,
  ANONYMISED_TABLE_NAMES, ERASED_MARK, ERASURE_WRITER, anonymisedChanges, anonymisedColumns, conflictCarriesPerson, isAnonymisedTable, isErasedData,
  redactSnapshot, snapshotNames,
} from '../../shared/modules/dsgvo'
import type { Actor } from '../auth/sessions'
import type { Store } from '../store/open-store'
import type { ServerDatabase } from '../store/schema'
import type { FieldVersion } from './conflicts'
import { canSee } from './scope'
import type { Sequencer } from './sequence'
import { checkInsert, Rejected } from './validate'

type Data = Record<string, SyncValue>

export interface ErasureRow {
  table_name: string
  id: string
  scope_id: string
  parent_id: string | null
  deleted: number
  data: Data
  fieldVersions: Record<string, FieldVersion>
}

export interface ErasureCtx {
  trx: Transaction<ServerDatabase>
  seq: Sequencer
  actor: Actor
  now: string
  load(table: string, id: string): Promise<ErasureRow | null>
  forget(table: string, id: string): void
}

/** An update without fields is a placeholder of an operation the laptop blanked after an erasure: nothing to do. */
export const isPlaceholder = (op: PushOp): boolean => op.kind === 'update' && Object.keys(op.fields).length === 0

/** Nothing may be written to, or recorded about, a row the erasure purged. */
export function refuseErased(row: ErasureRow | null): void {
  if (row && isErasedData(row.data)) throw new Rejected('erased')
}

/** A column the erasure wrote after the operation's base: the laptop's older value about the person is dropped, not a conflict. */
export const erasedSince = (version: FieldVersion | undefined, base: number | null): boolean =>
  version !== undefined && version[1] === ERASURE_WRITER && version[0] > (base ?? 0)

const erasedContact = async (ctx: ErasureCtx, id: SyncValue | undefined): Promise<string | null> => {
  if (typeof id !== 'string' || !id) return null
  const contact = await ctx.load('contacts', id)
  return contact && isErasedData(contact.data) ? id : null
}

/**
 * A record that arrives after the erasure and points at the person (a touchpoint logged offline, a sent
 * offer's revision) is kept anonymised; a participant of a conversation is refused.
 */
export async function withoutErasedPerson(ctx: ErasureCtx, op: PushOp): Promise<PushOp> {
  if (op.kind === 'delete') return op
  const target = await erasedContact(ctx, op.fields.contact_id?.new)
  if (target && isPersonOnlyTable(op.table)) throw new Rejected('erased')
  if (target && isAnonymisedTable(op.table)) return { ...op, fields: anonymisedChanges(op.table, target, op.fields) }
  const snapshot = op.table === 'offer_revisions' ? op.fields.snapshot?.new : undefined
  if (typeof snapshot === 'string') {
    const named = await erasedContact(ctx, contactOfSnapshot(snapshot))
    if (named) return { ...op, fields: { ...op.fields, snapshot: { old: null, new: redactSnapshot(snapshot) } } }
  }
  return op
}

function contactOfSnapshot(snapshot: string): string | null {
  try {
    const id: unknown = (JSON.parse(snapshot) as { offer?: { contactId?: unknown } }).offer?.contactId
    return typeof id === 'string' ? id : null
  } catch {
    return null
  }
}

const writer = (ctx: ErasureCtx, seq: number): FieldVersion => [seq, ctx.actor.clientId, ctx.actor.userId, ctx.now, ctx.actor.displayName]
const erasureVersion = (ctx: ErasureCtx, seq: number): FieldVersion => [seq, ERASURE_WRITER, ctx.actor.userId, ctx.now, '']

/**
 * The pushed erasure: stored as a row of its company's scope (who erased is the pusher, whatever the
 * laptop said), then the purge. A person the server never received (created and erased offline) is only
 * logged. Placed also under a deleted company: a tombstone may still hold the person.
 */
export async function insertErasure(ctx: ErasureCtx, op: PushOp, existing: ErasureRow | null): Promise<PushResult> {
  if (op.kind !== 'insert') throw new Rejected('read_only')
  if (existing) throw new Rejected('exists')
  const data: Data = Object.fromEntries(Object.entries(op.fields).map(([column, change]) => [column, change.new]))
  checkInsert('erasures', data)
  const company = await ctx.load('companies', String(data.company_id))
  if (!company || !canSee(ctx.actor, company.scope_id)) throw new Rejected('unknown_parent')
  const contact = await ctx.load('contacts', String(data.row_id))
  if (contact && !canSee(ctx.actor, contact.scope_id)) throw new Rejected('not_found')
  const companyId = contact?.parent_id ?? company.id
  const scope = contact?.scope_id ?? company.scope_id
  Object.assign(data, { company_id: companyId, erased_by: ctx.actor.userId })
  const seq = ctx.seq.next()
  const versions = Object.fromEntries(Object.keys(data).map((column) => [column, writer(ctx, seq)]))
  await ctx.trx.insertInto('sync_rows').values({
    table_name: 'erasures', id: op.rowId, scope_id: scope, parent_id: companyId, version: seq, deleted: 0,
    data: JSON.stringify(data), field_versions: JSON.stringify(versions), created_seq: seq, updated_by: ctx.actor.userId,
  }).execute()
  if (contact) await purgeContact(ctx, contact.id, companyId)
  return { opId: op.opId, status: 'applied', version: seq }
}

/** Everything of the company that may hold the person, read once. */
const CANDIDATE_TABLES = [...ANONYMISED_TABLE_NAMES, ...PERSON_ONLY_TABLES, 'offer_revisions', 'sync_conflicts']

async function purgeContact(ctx: ErasureCtx, contactId: string, companyId: string): Promise<void> {
  await purge(ctx, 'contacts', contactId)
  const rows = await ctx.trx.selectFrom('sync_rows').select(['table_name', 'id', 'deleted', 'data', 'field_versions'])
    .where('parent_id', '=', companyId).where('table_name', 'in', CANDIDATE_TABLES).execute()
  const parsed = rows.map((r) => ({ ...r, values: JSON.parse(r.data) as Data, versions: JSON.parse(r.field_versions) as Record<string, FieldVersion> }))
  const purged = new Set<string>([contactId])
  const touched = new Set<string>()
  const offers = new Set<string>()
  for (const row of parsed) {
    if (row.values.contact_id !== contactId) continue
    if (isPersonOnlyTable(row.table_name)) {
      purged.add(row.id)
      await purge(ctx, row.table_name, row.id)
    } else if (isAnonymisedTable(row.table_name)) {
      touched.add(row.id)
      if (row.table_name === 'offers') offers.add(row.id)
      await rewrite(ctx, row, anonymisedColumns(row.table_name, row.values))
    }
  }
  for (const row of parsed) {
    if (row.table_name !== 'offer_revisions' || typeof row.values.snapshot !== 'string') continue
    if (!offers.has(String(row.values.offer_id)) && !snapshotNames(row.values.snapshot, contactId)) continue
    touched.add(row.id)
    await rewrite(ctx, row, { snapshot: redactSnapshot(row.values.snapshot) })
  }
  // The lead converted into the person lives in the organisation's scope, not under the company.
  const leads = await ctx.trx.selectFrom('sync_rows').select(['id', 'data']).where('table_name', '=', 'leads').where('deleted', '=', 0)
    .where('data', 'like', `%"contact_id":"${contactId.replace(/[%_"\\]/g, '')}"%`).execute()
  for (const lead of leads) {
    if ((JSON.parse(lead.data) as Data).contact_id !== contactId) continue
    purged.add(lead.id)
    await purge(ctx, 'leads', lead.id)
  }
  for (const row of parsed) {
    if (row.table_name === 'sync_conflicts' && conflictCarriesPerson(row.values, purged, touched)) await purge(ctx, row.table_name, row.id)
  }
}

/** An id-only tombstone: pull sends it as a delete without data, so the mark never travels. */
export async function purge(ctx: ErasureCtx, table: string, id: string): Promise<void> {
  await ctx.trx.updateTable('sync_rows').set({ deleted: 1, data: JSON.stringify(ERASED_MARK), field_versions: '{}', version: ctx.seq.next(), updated_by: ctx.actor.userId })
    .where('table_name', '=', table).where('id', '=', id).execute()
  ctx.forget(table, id)
}

/** A row that stays, with the erasure's values; a new version, so every laptop pulls the anonymised state. */
async function rewrite(ctx: ErasureCtx, row: { table_name: string; id: string; values: Data; versions: Record<string, FieldVersion> }, patch: Data): Promise<void> {
  const seq = ctx.seq.next()
  const versions = { ...row.versions }
  for (const column of Object.keys(patch)) versions[column] = erasureVersion(ctx, seq)
  await ctx.trx.updateTable('sync_rows').set({ data: JSON.stringify({ ...row.values, ...patch }), field_versions: JSON.stringify(versions), version: seq, updated_by: ctx.actor.userId })
    .where('table_name', '=', row.table_name).where('id', '=', row.id).execute()
  ctx.forget(row.table_name, row.id)
}

/**
 * After a push with an erasure has committed: SQLite truncates its WAL (freed pages are zeroed as they are
 * freed, `secure_delete` in open-store.ts); PostgreSQL vacuums the row store, so the dead tuples of the old
 * row versions are reclaimed (the file system may still hold their blocks; backups and WAL archives keep
 * theirs — docs/sync.md).
 */
export async function scrubStore(store: Store): Promise<void> {
  if (store.kind !== 'sqlite') {
    await sql`VACUUM sync_rows`.execute(store.db)
    return
  }
  // A read still stepping on the same handle (another laptop's pull) keeps the checkpoint from finishing ("busy"):
  // until it does, the file holds the page as it was before the erasure. Asked again until it finished.
  for (let attempt = 0; attempt < 40; attempt++) {
    const { rows } = await sql<{ busy: number }>`PRAGMA wal_checkpoint(TRUNCATE)`.execute(store.db)
    if (!rows[0]?.busy) return
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}
