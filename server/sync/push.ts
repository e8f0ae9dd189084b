// Applying a client's operations: exactly once, in client order, with per-field conflict checks.
import type { Transaction } from 'kysely'
import type { PushOp, PushRequest, PushResponse, PushResult, SyncValue } from '../../shared/modules/sync'
import { refusedAction } from '../../shared/platform/rights'
import { TEAM_SETTING_KEYS, teamSettingValueOk, type TeamSettingKey } from '../../shared/modules/success'
import { REFERENCES, rowProblem } from '../../shared/modules/sync'
import { ORG_SCOPE, SYNC_TABLE_RULES, seesAllTeams, teamScope, type ScopeRule, type SyncTableName } from '../../shared/modules/sync'
import type { Actor } from '../auth/sessions'
import type { Store } from '../store/open-store'
import type { ServerDatabase, SyncRowTable } from '../store/schema'
import { SCHEMA_VERSION } from '../../db/migrations'
import { insertConflict, type FieldVersion } from './conflicts'
import { claimCompanyNumber, numberHolder, recordDuplicateNumber, releaseCompanyNumber, setCompanyNumber, type DuplicateNumber } from './customer-numbers'
import { erasedSince, insertErasure, isPlaceholder, refuseErased, scrubStore, withoutErasedPerson, type ErasureCtx } from './erasure'
import { insertLeadErasure, isLeadErasure } from './lead-erasure'
import { canSee, scopesKey, visibleScopes } from './scope'
import { StaleNumbers, writeWithSequence, type Sequencer } from './sequence'
import { clientAndKnownOps, knownOps, storeApplied } from './push-bookkeeping'
import { checkApprovalOp } from './approvals'
import { checkInsert, checkReferences, checkUpdate, Rejected, upgradeFields } from './validate'

type Data = Record<string, SyncValue>
type Trx = Transaction<ServerDatabase>

/**
 * A push that cannot be taken as a whole; nothing of it is written.
 * - `client_restored`: an operation the server has never seen claims a position this client already
 *   used — the laptop runs on a restored backup or a copied database and must take a new client id.
 * - `server_outdated`: the client's schema is newer than the server's; its operations wait in its outbox.
 */
export class PushRefused extends Error {
  constructor(
    readonly code: 'sequence_gap' | 'forbidden' | 'client_restored' | 'server_outdated',
    readonly expectedSeq?: number,
    /** client_restored: stored results of this push's operations the server had applied before. */
    readonly results?: PushResult[],
  ) {
    super(code)
  }
}

/** The schema version this server validates against: operations of newer clients are not taken. */
export const SERVER_SCHEMA_VERSION = SCHEMA_VERSION

interface Ctx {
  trx: Trx
  seq: Sequencer
  actor: Actor
  now: string
  rows: RowCache
  /** New rows of this push not yet written: one statement per 100 instead of one round trip each. */
  inserts: PendingInserts
  /** Teams this push has looked up: exists or not. */
  teams: Map<string, boolean>
  /** Teams this process has seen in the store: teams are never deleted, so each is asked for once. */
  knownTeams: Set<string>
  /** Companies of this push whose merge was refused: their delete, which belongs to the merge, is refused too. */
  refusedMerges: Set<string>
  /** PostgreSQL: rows read to be rewritten are locked to the commit (pushes run side by side). */
  lockRows: boolean
}

interface StoredRow extends Omit<SyncRowTable, 'data' | 'field_versions'> {
  data: Data
  fieldVersions: Record<string, FieldVersion>
}

function toStored(row: SyncRowTable): StoredRow {
  const { data, field_versions, ...rest } = row
  return { ...rest, version: Number(row.version), created_seq: Number(row.created_seq), data: JSON.parse(data), fieldVersions: JSON.parse(field_versions) }
}

/**
 * Rows of one push, read once up front; a row is read again after this push has written it. On PostgreSQL pushes run
 * side by side, so every row a push reads — its own rows and those it refers to — is locked to its commit (`for
 * update`): a second push that reads the same row waits and then sees what the first wrote, as if they had run one
 * after the other (prefetched in key order; a deadlock between two pushes makes PostgreSQL abort one, which runs again).
 */
class RowCache {
  private readonly rows = new Map<string, StoredRow | null>()
  constructor(private readonly trx: Trx, private readonly inserts: PendingInserts, private readonly lockRows: boolean, private readonly seq: Sequencer) {}

  private stored(row: SyncRowTable): StoredRow {
    const stored = toStored(row)
    if (this.lockRows) notTakenAfterMine(this.seq, stored.version)
    return stored
  }

  /** By table, so the primary key (table_name, id) finds each row. */
  async prefetch(keys: Array<{ table: string; id: string }>): Promise<void> {
    const byTable = new Map<string, Set<string>>()
    for (const { table, id } of keys) byTable.set(table, (byTable.get(table) ?? new Set()).add(id))
    for (const table of [...byTable.keys()].sort()) {
      const ids = [...byTable.get(table)!].sort()
      for (let i = 0; i < ids.length; i += 200) {
        const chunk = ids.slice(i, i + 200)
        for (const id of chunk) this.rows.set(`${table}:${id}`, null)
        const query = this.trx.selectFrom('sync_rows').selectAll().where('table_name', '=', table).where('id', 'in', chunk).orderBy('id')
        for (const row of await (this.lockRows ? query.forUpdate() : query).execute()) {
          this.rows.set(`${row.table_name}:${row.id}`, this.stored(row))
        }
      }
    }
  }

  async load(table: string, id: string): Promise<StoredRow | null> {
    const key = `${table}:${id}`
    if (this.rows.has(key)) return this.rows.get(key)!
    await this.inserts.flush() // the row may be one of them
    const query = this.trx.selectFrom('sync_rows').selectAll().where('table_name', '=', table).where('id', '=', id)
    const row = await (this.lockRows ? query.forUpdate() : query).executeTakeFirst()
    const stored = row ? this.stored(row) : null
    this.rows.set(key, stored)
    return stored
  }

  forget(table: string, id: string): void {
    this.rows.delete(`${table}:${id}`)
  }

  /** A row this push has just written, as it is stored (a later operation of the push reads it from here). */
  put(row: StoredRow): void {
    this.rows.set(`${row.table_name}:${row.id}`, row)
  }
}

/**
 * Inserts of new rows, written together before anything else touches the store: a push of 100 new touchpoints is
 * one statement, not 100 round trips (on PostgreSQL each is a round trip; under the writers' lock every one of them
 * holds up all other writers). Whatever reads or changes stored rows other than through the row cache (updates,
 * deletes, children queries, erasures, the end of the push) flushes first, so it sees them.
 */
class PendingInserts {
  private rows: SyncRowTable[] = []
  constructor(private readonly trx: Trx) {}

  add(row: SyncRowTable): void {
    this.rows.push(row)
  }

  async flush(): Promise<void> {
    const rows = this.rows
    this.rows = []
    for (let i = 0; i < rows.length; i += 100) await this.trx.insertInto('sync_rows').values(rows.slice(i, i + 100)).execute()
  }
}

export interface PushHooks {
  /** Test hook: runs first in the transaction, once the push has its numbers and before it reads anything. */
  afterBegin?: () => Promise<void>
  /** Test hook for fault injection: runs inside the transaction, after the last write, before commit. */
  beforeCommit?: () => Promise<void>
  /** After a push that held an erasure has committed, before the store's files are scrubbed (the file store's sweep). */
  afterErasure?: () => Promise<void>
}

export async function push(store: Store, actor: Actor, request: PushRequest, clock: () => Date, hooks: PushHooks = {}): Promise<PushResponse> {
  if (request.clientId !== actor.clientId) throw new PushRefused('forbidden')
  if (request.schemaVersion > SERVER_SCHEMA_VERSION || request.ops.some((o) => o.schemaVersion > SERVER_SCHEMA_VERSION)) throw new PushRefused('server_outdated')
  // Pushes run beside each other (PostgreSQL; row locks keep them apart); one that erases a person reads and rewrites
  // rows across the store, so it runs alone. Numbers: one per operation and room for conflicts and resends (a push
  // that needs more runs again with more).
  const erases = request.ops.some((o) => o.table === 'erasures' || isLeadErasure(o))
  const lockRows = store.kind === 'postgres' && !erases
  const response = await writeWithSequence(store, async (trx, seq) => {
    await hooks.afterBegin?.()
    const now = clock().toISOString()
    const opIds = request.ops.map((o) => o.opId)
    // The same laptop's pushes (a retry racing the original) wait for each other: its numbering is checked below.
    const { client, known } = await clientAndKnownOps(trx, request.clientId, opIds, lockRows)
    // A client new to this server starts its numbering where its outbox starts (it may have
    // worked, or synced with another server, before); from then on every gap is refused.
    const firstSeq = request.ops[0]?.clientSeq ?? 1
    if (!client) {
      await trx.insertInto('sync_clients').values({
        client_id: request.clientId, user_id: actor.userId, last_seq: firstSeq - 1, scopes_key: scopesKey(visibleScopes(actor)), last_push_at: null, last_pull_at: null,
      }).execute()
    }
    let lastSeq = client && client.last_push_at !== null ? Number(client.last_seq) : firstSeq - 1
    const refusedMerges = new Set<string>()
    const teams = new Map<string, boolean>()
    const inserts = new PendingInserts(trx)
    const rows = new RowCache(trx, inserts, lockRows, seq)
    await rows.prefetch(request.ops.flatMap((o) => [{ table: o.table, id: o.rowId }, ...referencedRows(o)]))
    const results: PushResult[] = []
    const applied: Array<{ op_id: string; client_id: string; client_seq: number; result: string; applied_at: string }> = []
    let refreshed = false
    for (const op of request.ops) {
      let stored = known.get(op.opId)
      if (!stored && op.clientSeq <= lastSeq && !refreshed) {
        // This laptop's earlier push of the same operations (a retry racing its original) may have committed while this
        // one waited for the laptop's row: the row read after the wait, the operation ids in the same statement before it.
        refreshed = true
        for (const [opId, result] of await knownOps(trx, request.clientId, opIds)) known.set(opId, result)
        stored = known.get(op.opId)
      }
      if (stored) {
        results.push({ ...(JSON.parse(stored) as PushResult), status: 'duplicate' })
        continue
      }
      // Another operation already took this position: this laptop's outbox counter is behind the
      // server's (a restored backup, or a copied database). Nothing is taken; the laptop re-identifies.
      if (op.clientSeq <= lastSeq) throw new PushRefused('client_restored', lastSeq + 1, results.filter((r) => r.status === 'duplicate'))
      if (op.clientSeq !== lastSeq + 1) throw new PushRefused('sequence_gap', lastSeq + 1)
      const result = await applyOne({ trx, seq, actor, now, rows, inserts, refusedMerges, teams, knownTeams: knownTeams(store), lockRows }, op)
      applied.push({ op_id: op.opId, client_id: request.clientId, client_seq: op.clientSeq, result: JSON.stringify(result), applied_at: now })
      known.set(op.opId, JSON.stringify(result))
      lastSeq = op.clientSeq
      results.push(result)
    }
    await inserts.flush()
    await storeApplied(trx, request.clientId, applied, { last_seq: lastSeq, last_push_at: now, user_id: actor.userId }, lockRows)
    await hooks.beforeCommit?.()
    return { results }
  }, { mode: erases ? 'exclusive' : 'shared', numbers: request.ops.length + 32 })
  // An erasure leaves no remnants of the person in the store's files once it has committed.
  if (request.ops.some((o) => o.table === 'erasures')) {
    await hooks.afterErasure?.()
    await scrubStore(store)
  }
  return response
}

const erasureCtx = (ctx: Ctx): ErasureCtx => ({ ...ctx, load: (table, id) => ctx.rows.load(table, id), forget: (table, id) => ctx.rows.forget(table, id) })

async function applyOne(ctx: Ctx, pushed: PushOp): Promise<PushResult> {
  let op = pushed
  const table = op.table as SyncTableName
  const row = await ctx.rows.load(table, op.rowId)
  ctx.rows.forget(table, op.rowId) // whatever happens next may change it
  // Only a plain insert waits to be written with the next ones; everything else sees the store as this push left it.
  if (op.kind !== 'insert' || table === 'erasures' || isLeadErasure(op)) await ctx.inserts.flush()
  try {
    // DSGVO erasure (erasure.ts): a blanked operation is acknowledged and ignored; an erased person's rows
    // take nothing any more — refused before any conflict record could keep what was pushed.
    if (isPlaceholder(op)) return { opId: op.opId, status: 'applied', version: null }
    refuseErased(row)
    if (isLeadErasure(op)) return await insertLeadErasure(erasureCtx(ctx), op, row)
    if (table === 'erasures') return await insertErasure(erasureCtx(ctx), op, row)
    // The audit log is insert-only (its columns are immutable); the server names who wrote an entry.
    if (table === 'audit_events') {
      if (op.kind === 'delete') throw new Rejected('read_only')
      if (op.kind === 'insert') op = { ...op, fields: { ...op.fields, by_user: { old: null, new: ctx.actor.userId } } }
    }
    // Who may do what (shared/platform/rights.ts, the matrix the laptop's services ask too): a change the pusher's
    // role may not make is refused and never applied — prices, offers and contracts by service, a won offer or a
    // running contract deleted by a rep, the team's settings and early-warning rules by anyone but a manager.
    const refused = refusedAction(ctx.actor.role, table, op.kind, row && !row.deleted ? row.data : null, Object.keys(op.fields), newValues(op))
    if (refused) {
      console.warn(`[sync] refused ${op.kind} of ${table} by user ${ctx.actor.userId} (${ctx.actor.role}): needs ${refused}`)
      throw new Rejected('forbidden')
    }
    if (table === 'team_settings') checkTeamSettingValue(op, row)
    if (table === 'offer_approvals') checkApprovalOp(ctx.actor, op, row && !row.deleted ? row.data : null)
    op = await withoutErasedPerson(erasureCtx(ctx), op)
    const rule = SYNC_TABLE_RULES[table]
    if (!rule.clientWritable) {
      const updatable: readonly string[] = 'clientUpdatable' in rule ? rule.clientUpdatable : []
      if (op.kind !== 'update' || Object.keys(op.fields).some((f) => !updatable.includes(f))) throw new Rejected('read_only')
    }
    if (op.kind === 'insert') return await applyInsert(ctx, op, rule.scope, row)
    // A row of another team answers exactly like a row that does not exist: ids cannot be probed.
    if (!row || !canSee(ctx.actor, row.scope_id)) throw new Rejected('not_found')
    const result = op.kind === 'update' ? await applyUpdate(ctx, op, rule.scope, row) : await applyDelete(ctx, op, row)
    if (result.status === 'conflict' && result.version === null && !row.deleted) await resend(ctx, row)
    return result
  } catch (err) {
    if (!(err instanceof Rejected)) throw err
    // The client still shows its own value: send it the server's state again so it converges.
    if (row && !row.deleted && canSee(ctx.actor, row.scope_id) && op.kind !== 'insert') await resend(ctx, row)
    return { opId: op.opId, status: 'rejected', version: null, reason: err.message }
  }
}

/** A new version for an unchanged row, so every client pulls its current state once more. */
async function resend(ctx: Ctx, row: StoredRow): Promise<void> {
  await ctx.trx.updateTable('sync_rows').set({ version: ctx.seq.next() }).where('table_name', '=', row.table_name).where('id', '=', row.id).execute()
}

/**
 * A team setting's value fits the schema of its own key (issue 18: the offer rules, the service levels, the health
 * settings), not merely of some key: the row schema checks columns one by one, an update may carry the value alone.
 */
function checkTeamSettingValue(op: PushOp, row: StoredRow | null): void {
  const value = op.fields.value?.new
  if (op.kind === 'delete' || typeof value !== 'string') return
  const key = op.fields.key?.new ?? row?.data.key
  if (typeof key === 'string' && (TEAM_SETTING_KEYS as readonly string[]).includes(key) && !teamSettingValueOk(key as TeamSettingKey, value)) {
    throw new Rejected('invalid_row: value')
  }
}

const newValues = (op: PushOp): Data => Object.fromEntries(Object.entries(op.fields).map(([column, change]) => [column, change.new]))

/** Ids an operation references, so one query per table fetches them with the rows themselves. */
function referencedRows(op: PushOp): Array<{ table: string; id: string }> {
  const references = REFERENCES[op.table as SyncTableName] ?? []
  const out: Array<{ table: string; id: string }> = []
  for (const reference of references) {
    const value = op.fields[reference.column]?.new
    if (typeof value === 'string' && value) out.push({ table: reference.table, id: value })
  }
  return out
}

const validation = (ctx: Ctx) => ({
  load: (table: string, id: string) => ctx.rows.load(table, id),
  canSee: (scope: string) => canSee(ctx.actor, scope),
})

const fieldVersion = (ctx: Ctx, seq: number): FieldVersion => [seq, ctx.actor.clientId, ctx.actor.userId, ctx.now, ctx.actor.displayName]

interface Placement {
  scope: string
  parentId: string | null
  /** Values the server fills in (a new company's team). */
  patch: Data
}

async function place(ctx: Ctx, rule: ScopeRule, data: Data): Promise<Placement> {
  switch (rule.kind) {
    case 'org':
      return { scope: ORG_SCOPE, parentId: null, patch: {} }
    case 'team': {
      const requested = typeof data[rule.teamField] === 'string' ? (data[rule.teamField] as string) : ''
      const team = requested || ctx.actor.teamId
      if (team !== ctx.actor.teamId && !seesAllTeams(ctx.actor.role)) throw new Rejected('forbidden')
      if (team && !(await teamExists(ctx, team))) throw new Rejected('unknown_team')
      return { scope: teamScope(team), parentId: null, patch: team !== requested ? { [rule.teamField]: team } : {} }
    }
    case 'company': {
      const parentId = data[rule.parentField]
      if (typeof parentId !== 'string' || !parentId) throw new Rejected('missing_parent')
      // Read with the push's rows (prefetched with them as a reference; read again once this push has changed it).
      const parent = await ctx.rows.load('companies', parentId)
      if (!parent || !canSee(ctx.actor, parent.scope_id)) throw new Rejected('unknown_parent')
      if (Number(parent.deleted) === 1) {
        // A record added offline to a company a colleague merged away meanwhile goes to the survivor.
        // One step only: the survivor must be live itself (a survivor merged away again is refused, never chased).
        const survivor = await mergedInto(ctx, parentId)
        const target = survivor && survivor !== parentId ? await ctx.rows.load('companies', survivor) : undefined
        if (survivor && target && Number(target.deleted) === 0 && canSee(ctx.actor, target.scope_id) && rule.parentField === 'company_id') {
          return { scope: target.scope_id, parentId: survivor, patch: { company_id: survivor } }
        }
        throw new Rejected('deleted_parent')
      }
      return { scope: parent.scope_id, parentId, patch: {} }
    }
    case 'row':
      throw new Rejected('read_only')
  }
}

/**
 * Whether a team exists: asked once per push and team (a push of new companies asks for the same team each time), and
 * not again once this process has seen it, since teams are never deleted (server/admin/accounts.ts).
 */
async function teamExists(ctx: Ctx, team: string): Promise<boolean> {
  if (ctx.knownTeams.has(team)) return true
  let known = ctx.teams.get(team)
  if (known === undefined) {
    known = (await ctx.trx.selectFrom('teams').select('id').where('id', '=', team).executeTakeFirst()) !== undefined
    ctx.teams.set(team, known)
  }
  if (known) ctx.knownTeams.add(team)
  return known
}

const teamsSeen = new WeakMap<Store, Set<string>>()
function knownTeams(store: Store): Set<string> {
  let teams = teamsSeen.get(store)
  if (!teams) teamsSeen.set(store, (teams = new Set()))
  return teams
}

/**
 * The company a merge may go into: a live company this user sees, not the company itself; a company that was
 * merged away meanwhile stands for its own (live) survivor. Anything else refuses the merge, and the merge's
 * delete of this company in the same push with it (crossed merges of the same pair keep both records).
 */
async function mergeTarget(ctx: Ctx, row: StoredRow, requested: string): Promise<string> {
  let target = await ctx.rows.load('companies', requested)
  if (target?.deleted && typeof target.data.merged_into === 'string' && target.data.merged_into) target = await ctx.rows.load('companies', target.data.merged_into)
  if (!target || target.deleted || !canSee(ctx.actor, target.scope_id) || target.id === row.id || target.data.merged_into) {
    ctx.refusedMerges.add(row.id)
    throw new Rejected('merge_refused')
  }
  return target.id
}

/** Everything still under a merged-away company moves to the survivor (its company, its parent, its scope). */
async function adoptChildren(ctx: Ctx, fromId: string, survivorId: string): Promise<void> {
  // Read again as stored now, and locked: a push deleting or moving the survivor meanwhile waits (or is waited for).
  ctx.rows.forget('companies', survivorId)
  const survivor = await ctx.rows.load('companies', survivorId)
  if (!survivor || Number(survivor.deleted) === 1) return deleteChildren(ctx, fromId)
  const childQuery = ctx.trx.selectFrom('sync_rows').select(['table_name', 'id', 'data', 'field_versions', 'version']).where('parent_id', '=', fromId).where('deleted', '=', 0).orderBy('table_name').orderBy('id')
  // Their data is rewritten from what is read here: a push editing one of them meanwhile waits (or is waited for).
  const children = await lockedChildren(ctx, childQuery)
  for (const child of children) {
    const data = JSON.parse(child.data) as Data
    const version = ctx.seq.next()
    const versions = JSON.parse(child.field_versions) as Record<string, FieldVersion>
    if ('company_id' in data) {
      data.company_id = survivorId
      versions.company_id = fieldVersion(ctx, version)
    }
    await ctx.trx.updateTable('sync_rows').set({ data: JSON.stringify(data), field_versions: JSON.stringify(versions), parent_id: survivorId, scope_id: survivor.scope_id, version, updated_by: ctx.actor.userId })
      .where('table_name', '=', child.table_name).where('id', '=', child.id).execute()
    ctx.rows.forget(child.table_name, child.id)
  }
}

/** The company a company was merged into (its `merged_into`), or null. */
async function mergedInto(ctx: Ctx, companyId: SyncValue | undefined): Promise<string | null> {
  if (typeof companyId !== 'string' || !companyId) return null
  const company = await ctx.rows.load('companies', companyId)
  const target = company?.data.merged_into
  return typeof target === 'string' && target ? target : null
}

/**
 * The same mail filed by two laptops (a mail to two reps of a team, or the rep's Sent copy read on two devices):
 * its touchpoint id comes from the Message-ID, so the second insert names a row that exists. It is the same record,
 * not a refused change: acknowledged with the stored version, the first laptop's row stays.
 */
const sameMailFiled = (op: PushOp, existing: StoredRow): boolean =>
  op.table === 'touchpoints' && !existing.deleted && typeof existing.data.mail_message_id === 'string' && existing.data.mail_message_id !== ''
  && op.fields.mail_message_id?.new === existing.data.mail_message_id

/**
 * The same month of a customer's ERP facts imported on two laptops (or posted by the ERP and imported): its id
 * comes from company and month (db/modules/erp/erp-ids.ts), so the second insert names a row that exists. The
 * same record; the figures that arrive later win — they are the later import or export, and ERP figures of a
 * month only ever get corrected, never merged field by field — so the insert is applied as an update of the
 * figures on the stored version (no conflict), and every laptop pulls them.
 */
const sameErpMonth = (op: PushOp, existing: StoredRow): boolean =>
  op.table === 'erp_facts' && existing.table_name === 'erp_facts' && !existing.deleted
  && op.fields.company_id?.new === existing.data.company_id && op.fields.month?.new === existing.data.month

const ERP_FIGURES = ['revenue_cents', 'open_items_cents', 'days_overdue', 'source'] as const
const laterFigures = (op: PushOp, existing: StoredRow): PushOp => ({
  ...op, kind: 'update', baseVersion: existing.version,
  fields: Object.fromEntries(ERP_FIGURES.filter((c) => op.fields[c] !== undefined).map((c) => [c, { old: existing.data[c] ?? null, new: op.fields[c]!.new }])),
})

/** Tables whose later write wins without a conflict record (ERP figures: see sameErpMonth). */
const LATER_WRITE_WINS: ReadonlySet<string> = new Set(['erp_facts'])

/**
 * The same next occurrence of a repeating task made by two laptops (the assigner and the assignee both completed
 * the occurrence before it offline): its id comes from the series and its number (planning/task-ids.ts), so the
 * second insert names a row that exists. The same record, acknowledged like a mail filed twice; the first stays
 * (a row of a team this user does not see is still answered `exists`).
 */
const sameTaskOccurrence = (op: PushOp, existing: StoredRow): boolean =>
  op.table === 'tasks' && existing.table_name === 'tasks' && !existing.deleted
  && typeof existing.data.series_id === 'string' && existing.data.series_id !== '' && op.fields.series_id?.new === existing.data.series_id
  && typeof existing.data.occurrence === 'number' && op.fields.occurrence?.new === existing.data.occurrence

/** The same value of `column` in the pushed insert and the stored row (a non-empty text). */
const sameText = (op: PushOp, existing: StoredRow, column: string): boolean =>
  typeof existing.data[column] === 'string' && existing.data[column] !== '' && op.fields[column]?.new === existing.data[column]

/**
 * The same early-warning firing, or the task it made, recorded by two laptops that both saw the fact (issue 17): the
 * firing's id comes from the signal, the company and the occasion, the task's from the firing
 * (db/modules/success/trigger-fire.ts). A team's shipped rule edited for the first time on two laptops has one id
 * per team and signal. The same record each time, acknowledged like a task occurrence made twice; the first stays.
 */
const sameTriggerRecord = (op: PushOp, existing: StoredRow): boolean => !existing.deleted && op.table === existing.table_name && (
  (op.table === 'trigger_firings' && sameText(op, existing, 'company_id') && sameText(op, existing, 'signal') && sameText(op, existing, 'occasion'))
  || (op.table === 'tasks' && sameText(op, existing, 'trigger_firing_id'))
  || (op.table === 'trigger_rules' && sameText(op, existing, 'signal') && (op.fields.team_id?.new ?? '') === (existing.data.team_id ?? '')))

/**
 * The same change of journey station recorded by two laptops on the same day (a renewal window opening on every
 * laptop, or a colleague's change refreshed here before its record arrived): its id comes from the company, the
 * station and the day (db/modules/customers/journey-history.ts), so the second insert is the same record.
 */
const sameJourneyChange = (op: PushOp, existing: StoredRow): boolean =>
  op.table === 'journey_changes' && existing.table_name === 'journey_changes' && !existing.deleted
  && op.fields.company_id?.new === existing.data.company_id && (op.fields.station?.new ?? null) === (existing.data.station ?? null)
  && typeof existing.data.changed_on === 'string' && op.fields.changed_on?.new === existing.data.changed_on

async function applyInsert(ctx: Ctx, op: PushOp, rule: ScopeRule, existing: StoredRow | null): Promise<PushResult> {
  if (existing && (sameMailFiled(op, existing) || ((sameTaskOccurrence(op, existing) || sameTriggerRecord(op, existing) || sameJourneyChange(op, existing)) && canSee(ctx.actor, existing.scope_id)))) {
    return { opId: op.opId, status: 'applied', version: existing.version }
  }
  if (existing && sameErpMonth(op, existing) && canSee(ctx.actor, existing.scope_id)) {
    await ctx.inserts.flush()
    return applyUpdate(ctx, laterFigures(op, existing), rule, existing)
  }
  if (existing) throw new Rejected(existing.deleted && canSee(ctx.actor, existing.scope_id) ? 'deleted' : 'exists')
  const table = op.table as SyncTableName
  const data: Data = upgradeFields(table, newValues(op), op.schemaVersion)
  const placement = await place(ctx, rule, data)
  Object.assign(data, placement.patch)
  checkInsert(table, data)
  await checkReferences(validation(ctx), table, data, Object.keys(data), placement.scope)
  // A number another company holds: the company is kept without it, and its team is told (never the whole row lost).
  const holderId = table === 'companies' ? await numberHolder(ctx.trx, data.customer_number, op.rowId) : null
  const duplicate = holderId ? refusedNumber(ctx, op, holderId, data.customer_number ?? null, '') : null
  if (duplicate) data.customer_number = ''
  const seq = ctx.seq.next()
  const versions: Record<string, FieldVersion> = {}
  for (const column of Object.keys(data)) versions[column] = fieldVersion(ctx, seq)
  const inserted = {
    table_name: op.table, id: op.rowId, scope_id: placement.scope, parent_id: placement.parentId, version: seq, deleted: 0,
    data: JSON.stringify(data), field_versions: JSON.stringify(versions), created_seq: seq, updated_by: ctx.actor.userId,
  }
  ctx.inserts.add(inserted)
  ctx.rows.put({ ...inserted, data, fieldVersions: versions })
  // A new company has no number to release: only a number it takes is written.
  if (table === 'companies') await claimCompanyNumber(ctx.trx, op.rowId, data.customer_number)
  if (!duplicate) return { opId: op.opId, status: 'applied', version: seq }
  await recordDuplicate(ctx, { table_name: table, id: op.rowId, scope_id: placement.scope, parent_id: placement.parentId }, duplicate)
  return { opId: op.opId, status: 'conflict', version: seq, reason: 'duplicate_number' }
}

const refusedNumber = (ctx: Ctx, op: PushOp, holderId: string, typed: SyncValue, kept: SyncValue): DuplicateNumber =>
  ({ typed, kept, holderId, clientUser: ctx.actor.displayName, clientAt: op.createdAt })

async function recordDuplicate(ctx: Ctx, subject: Parameters<typeof recordDuplicateNumber>[2], duplicate: DuplicateNumber): Promise<void> {
  const seq = ctx.seq.next()
  await recordDuplicateNumber(ctx.trx, seq, subject, duplicate, fieldVersion(ctx, seq), ctx.now, ctx.actor.userId)
}

/**
 * A column written after the operation's base by another device is a conflict; one written by this
 * same device is not (its operations are ordered, so it had seen its own write).
 */
const changedSince = (ctx: Ctx, version: FieldVersion | undefined, base: number | null): boolean =>
  version !== undefined && version[0] > (base ?? 0) && version[1] !== ctx.actor.clientId

async function applyUpdate(ctx: Ctx, op: PushOp, rule: ScopeRule, row: StoredRow): Promise<PushResult> {
  if (row.table_name === 'sync_conflicts' && row.data.resolved_at) {
    // Settled elsewhere first: a second resolution of the same conflict is not a new conflict.
    return { opId: op.opId, status: 'applied', version: null }
  }
  if (row.deleted) {
    // The edit must still be a valid change of this table's columns before it is kept anywhere.
    const problem = rowProblem(op.table as SyncTableName, newValues(op), 'patch')
    if (problem) throw new Rejected(`invalid_row: ${problem}`)
    // The delete wins; the edit is kept so nobody's work disappears silently.
    for (const [column, change] of Object.entries(op.fields)) {
      await recordConflict(ctx, row, column, 'deleted', row.data[column] ?? null, change.new, op, row.fieldVersions[column])
    }
    return { opId: op.opId, status: 'conflict', version: null, reason: 'deleted' }
  }
  const table = op.table as SyncTableName
  const changes = upgradeFields(table, newValues(op), op.schemaVersion)
  if (table === 'companies' && typeof changes.merged_into === 'string' && changes.merged_into) changes.merged_into = await mergeTarget(ctx, row, changes.merged_into)
  checkUpdate(table, row.data, changes, { company_id: await mergedInto(ctx, row.data.company_id), referred_company_id: await mergedInto(ctx, row.data.referred_company_id) })
  await checkReferences(validation(ctx), table, { ...row.data, ...changes }, Object.keys(changes), row.scope_id)
  const applied: Data = {}
  let conflicts = 0
  for (const [column, newValue] of Object.entries(changes)) {
    const change = { old: op.fields[column]?.old ?? null, new: newValue }
    const current = row.data[column] ?? null
    if (current === change.new) continue
    if (erasedSince(row.fieldVersions[column], op.baseVersion)) continue // the erasure's value stays; nothing of the person is kept
    if (!LATER_WRITE_WINS.has(row.table_name) && changedSince(ctx, row.fieldVersions[column], op.baseVersion)) {
      await recordConflict(ctx, row, column, 'field', current, change.new, op, row.fieldVersions[column])
      conflicts++
    } else {
      applied[column] = change.new
    }
  }
  const holderId = table === 'companies' ? await numberHolder(ctx.trx, applied.customer_number, row.id) : null
  if (holderId) {
    await recordDuplicate(ctx, row, refusedNumber(ctx, op, holderId, applied.customer_number ?? null, row.data.customer_number ?? ''))
    delete applied.customer_number
    conflicts++
  }
  let version: number | null = null
  if (Object.keys(applied).length > 0) {
    const data = { ...row.data, ...applied }
    const placement = rule.kind === 'team' || rule.kind === 'company' ? await movedPlacement(ctx, rule, row, applied, data) : null
    // What the placement set (a team, a company a merge redirected to) is stored and sent back too.
    if (placement) {
      Object.assign(applied, placement.patch)
      Object.assign(data, placement.patch)
    }
    version = ctx.seq.next()
    const versions = { ...row.fieldVersions }
    for (const column of Object.keys(applied)) versions[column] = fieldVersion(ctx, version)
    await ctx.trx.updateTable('sync_rows').set({
      data: JSON.stringify(data), field_versions: JSON.stringify(versions), version, updated_by: ctx.actor.userId,
      ...(placement ? { scope_id: placement.scope, parent_id: placement.parentId } : {}),
    }).where('table_name', '=', row.table_name).where('id', '=', row.id).execute()
    if (placement && placement.scope !== row.scope_id) await moveScope(ctx, row, placement.scope)
    if (table === 'companies' && 'customer_number' in applied) await setCompanyNumber(ctx.trx, row.id, applied.customer_number)
  }
  return { opId: op.opId, status: conflicts > 0 ? 'conflict' : 'applied', version }
}

/** A changed team (companies) or parent (children) may move the row to another scope. */
async function movedPlacement(ctx: Ctx, rule: ScopeRule, row: StoredRow, applied: Data, data: Data): Promise<Placement | null> {
  if (rule.kind === 'team' && rule.teamField in applied) {
    if (!seesAllTeams(ctx.actor.role)) throw new Rejected('forbidden')
    return place(ctx, rule, data)
  }
  if (rule.kind === 'company' && rule.parentField in applied) return place(ctx, rule, data)
  return null
}

/** Evictions tell the old scope's clients to drop the row; a company takes its children along. */
async function moveScope(ctx: Ctx, row: StoredRow, newScope: string): Promise<void> {
  await ctx.trx.insertInto('sync_evictions').values({ seq: ctx.seq.next(), table_name: row.table_name, row_id: row.id, old_scope: row.scope_id }).execute()
  if (row.table_name !== 'companies') return
  const children = await lockedChildren(ctx, ctx.trx.selectFrom('sync_rows').select(['table_name', 'id', 'scope_id', 'version']).where('parent_id', '=', row.id).orderBy('table_name').orderBy('id'))
  for (const child of children) {
    if (child.scope_id === newScope) continue
    await ctx.trx.insertInto('sync_evictions').values({ seq: ctx.seq.next(), table_name: child.table_name, row_id: child.id, old_scope: child.scope_id }).execute()
    await ctx.trx.updateTable('sync_rows').set({ scope_id: newScope, version: ctx.seq.next() })
      .where('table_name', '=', child.table_name).where('id', '=', child.id).execute()
    ctx.rows.forget(child.table_name, child.id)
  }
}

async function applyDelete(ctx: Ctx, op: PushOp, row: StoredRow): Promise<PushResult> {
  if (row.deleted) return { opId: op.opId, status: 'applied', version: null }
  // The delete that ends a merge this push could not take (crossed merges): the company stays with its records.
  if (ctx.refusedMerges.has(row.id)) throw new Rejected('merge_refused')
  // The delete wins, but edits its author had not seen are kept as a conflict, not dropped silently.
  let conflicts = 0
  for (const [column, version] of Object.entries(row.fieldVersions)) {
    if (row.created_seq !== version[0] && !erasedSince(version, op.baseVersion) && changedSince(ctx, version, op.baseVersion)) {
      await recordConflict(ctx, row, column, 'deleted_after_edit', row.data[column] ?? null, null, op, version)
      conflicts++
    }
  }
  const version = ctx.seq.next()
  await ctx.trx.updateTable('sync_rows').set({ deleted: 1, version, updated_by: ctx.actor.userId })
    .where('table_name', '=', row.table_name).where('id', '=', row.id).execute()
  if (row.table_name === 'companies') {
    // A company merged into another hands what still hangs off it to the survivor — also what a colleague
    // synced to it after the merging laptop last pulled; otherwise its records go with it.
    const survivor = await mergedInto(ctx, row.id)
    if (survivor) await adoptChildren(ctx, row.id, survivor)
    else await deleteChildren(ctx, row.id)
    await releaseCompanyNumber(ctx.trx, row.id)
  }
  return { opId: op.opId, status: conflicts > 0 ? 'conflict' : 'applied', version }
}

/**
 * A deleted company takes everything that hangs off it along, also what a laptop that deleted it had not
 * seen yet: no laptop may hold a record whose company it never receives (its scope could not be told).
 * Conflict records stay: one about the company is what tells the colleague whose edit lost to the delete
 * (the delete records it just before; taking it along dropped that edit silently — found by the model test).
 */
async function deleteChildren(ctx: Ctx, companyId: string): Promise<void> {
  const children = await lockedChildren(ctx, ctx.trx.selectFrom('sync_rows').select(['table_name', 'id', 'version']).where('parent_id', '=', companyId).where('deleted', '=', 0)
    .where('table_name', 'not in', ['sync_conflicts', 'erasures']).orderBy('table_name').orderBy('id'))
  for (const child of children) {
    await ctx.trx.updateTable('sync_rows').set({ deleted: 1, version: ctx.seq.next(), updated_by: ctx.actor.userId })
      .where('table_name', '=', child.table_name).where('id', '=', child.id).execute()
    ctx.rows.forget(child.table_name, child.id)
  }
}

async function recordConflict(
  ctx: Ctx, row: StoredRow, field: string, kind: 'field' | 'deleted' | 'deleted_after_edit',
  serverValue: SyncValue, clientValue: SyncValue, op: PushOp, serverVersion: FieldVersion | undefined,
): Promise<void> {
  const seq = ctx.seq.next()
  await insertConflict(ctx.trx, seq, row, {
    field, kind, serverValue, clientValue, serverUser: serverVersion?.[4] ?? '', serverAt: serverVersion?.[3] ?? '',
    clientUser: ctx.actor.displayName, clientAt: op.createdAt,
  }, fieldVersion(ctx, seq), ctx.now, ctx.actor.userId)
}

/**
 * PostgreSQL, pushes side by side: a row this push rewrites must not carry a version another push took after this
 * one's numbers (it committed first). Written with this push's smaller number, the row's version would go backwards,
 * below the field versions the other push wrote, and every later edit of those fields would be a false conflict.
 */
function notTakenAfterMine(seq: Sequencer, version: number): void {
  if (seq.takenAfterMine(version)) throw new StaleNumbers()
}

/** Children this push rewrites, locked to its commit and checked like the rows of its row cache (PostgreSQL). */
async function lockedChildren<R extends { version: number }>(ctx: Ctx, query: { forUpdate(): { execute(): Promise<R[]> }; execute(): Promise<R[]> }): Promise<R[]> {
  if (!ctx.lockRows) return query.execute()
  const children = await query.forUpdate().execute()
  for (const child of children) notTakenAfterMine(ctx.seq, Number(child.version))
  return children
}
