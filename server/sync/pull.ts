// Handing out changes after a cursor, in commit order, limited to the user's scopes.
import { sql } from 'kysely'
import type { PullChange, PullResponse } from '../../shared/modules/sync'
import type { Actor } from '../auth/sessions'
import type { Store } from '../store/open-store'
import type { SyncRowTable } from '../store/schema'
import { scopesKey, visibleScopes } from './scope'

export interface PullRequest {
  clientId: string
  /** Only this (visible) scope, without evictions: re-downloading a scope that diverged. */
  scope?: string
  cursor: number
  limit: number
  /** Bootstrap: also count what is left, for a progress bar. */
  withRemaining?: boolean
}

/** A change whose row data is still the stored JSON text: the server never parses what it only passes on. */
type RawChange = Omit<PullChange, 'data'> & { raw?: string }
export type RawPullResponse = Omit<PullResponse, 'changes'> & { changes: RawChange[] }

/** The pull answer as JSON text, with each row's stored JSON spliced in unparsed. */
export function serializePull(response: RawPullResponse): string {
  const changes = response.changes.map((c) => {
    const head = `{"seq":${c.seq},"table":${JSON.stringify(c.table)},"id":${JSON.stringify(c.id)},"op":"${c.op}"`
    return c.raw !== undefined ? `${head},"data":${c.raw}}` : `${head}}`
  })
  const { changes: _c, ...rest } = response
  return `{"changes":[${changes.join(',')}],${JSON.stringify(rest).slice(1)}`
}

const PULL_NOTED_EVERY_MS = 60_000
const pullWorthNoting = (last: string | null, now: string) => !last || Date.parse(now) - Date.parse(last) >= PULL_NOTED_EVERY_MS

type ChangedRow = Pick<SyncRowTable, 'table_name' | 'id' | 'version' | 'deleted' | 'data'>

/**
 * The first `limit` rows after `cursor` in the given scopes (null: all), in version order. Each scope is read on its own
 * from the (scope_id, version) index, which hands out its rows in order and stops after `limit`; the union is sorted
 * and cut once more. One query with `scope_id in (...)` cannot use that order: PostgreSQL and SQLite either walk the
 * version index through every other team's rows or collect and sort all of the scopes' rows after the cursor for every
 * page — with 100 teams on the server a rep's first download took 2.5 times as long as with 10 (issue 20).
 */
async function changedRows(store: Store, scopes: string[] | null, cursor: number, limit: number, stable: number | null): Promise<ChangedRow[]> {
  const db = store.db
  const after = (scope: string | null) => {
    let q = db.selectFrom('sync_rows').select(['table_name', 'id', 'version', 'deleted', 'data']).where('version', '>', cursor)
    if (stable !== null) q = q.where('version', '<=', stable)
    return (scope === null ? q : q.where('scope_id', '=', scope)).orderBy('version').limit(limit)
  }
  if (scopes === null) return after(null).execute()
  if (scopes.length === 1) return after(scopes[0]!).execute()
  const parts = scopes.map((scope, i) => sql`select * from (${after(scope)}) as ${sql.ref(`s${i}`)}`)
  const union = await sql<ChangedRow>`${sql.join(parts, sql` union all `)} order by version limit ${limit}`.execute(db)
  return union.rows
}

export async function pull(store: Store, actor: Actor, request: PullRequest, clock: () => Date): Promise<RawPullResponse> {
  const db = store.db
  const scopes = visibleScopes(actor)
  const key = scopesKey(scopes)
  const now = clock().toISOString()
  // PostgreSQL: writers commit side by side, so only versions below every running writer's are handed out (a version
  // handed out past one still running would move the cursor past that writer's rows); read in the same round trip as
  // the client's row, before the rows (their query must see every commit the stable version counts). SQLite: one
  // writer, no limit.
  let stable: number | null = null
  let client: { scopes_key: string; last_pull_at: string | null } | undefined
  if (store.kind === 'postgres') {
    const { rows } = await sql<{ stable: string | number; scopes_key: string | null; last_pull_at: string | null }>`
      select sync_stable_version() as stable, c.scopes_key, c.last_pull_at from (select 1) as one
      left join sync_clients c on c.client_id = ${request.clientId}`.execute(db)
    stable = Number(rows[0]!.stable)
    client = rows[0]!.scopes_key === null ? undefined : { scopes_key: rows[0]!.scopes_key, last_pull_at: rows[0]!.last_pull_at }
  } else {
    client = await db.selectFrom('sync_clients').select(['scopes_key', 'last_pull_at']).where('client_id', '=', request.clientId).executeTakeFirst()
  }
  if (client && client.scopes_key === key && pullWorthNoting(client.last_pull_at, now)) {
    // Who is connected when (the team administration's devices): noted at most once a minute, not at every page.
    await db.updateTable('sync_clients').set({ last_pull_at: now }).where('client_id', '=', request.clientId).execute()
  }
  if (!client) {
    await db.insertInto('sync_clients').values({ client_id: request.clientId, user_id: actor.userId, last_seq: 0, scopes_key: key, last_push_at: null, last_pull_at: now })
      .onConflict((oc) => oc.column('client_id').doNothing()).execute()
  } else if (client.scopes_key !== key) {
    await db.updateTable('sync_clients').set({ scopes_key: key, last_pull_at: now }).where('client_id', '=', request.clientId).execute()
    // What this client holds was chosen by the old scopes: it must drop it and start again.
    if (request.cursor > 0) return { changes: [], cursor: 0, hasMore: true, reset: true }
  }

  const rows = await changedRows(store, request.scope ? [request.scope] : scopes, request.cursor, request.limit, stable)
  let evictionQuery = db.selectFrom('sync_evictions').select(['seq', 'table_name', 'row_id']).where('seq', '>', request.cursor)
  if (stable !== null) evictionQuery = evictionQuery.where('seq', '<=', stable)
  const evictions = scopes && !request.scope ? await evictionQuery.where('old_scope', 'in', scopes).orderBy('seq').limit(request.limit).execute() : []

  const changes: RawChange[] = [
    ...rows.map((r): RawChange => r.deleted
      ? { seq: Number(r.version), table: r.table_name, id: r.id, op: 'delete' }
      : { seq: Number(r.version), table: r.table_name, id: r.id, op: 'upsert', raw: r.data }),
    ...evictions.map((e): RawChange => ({ seq: Number(e.seq), table: e.table_name, id: e.row_id, op: 'evict' })),
  ].sort((a, b) => a.seq - b.seq).slice(0, request.limit)

  const hasMore = changes.length === request.limit
  const cursor = changes.length > 0 ? changes[changes.length - 1]!.seq : request.cursor
  const response: RawPullResponse = { changes, cursor, hasMore, reset: false }
  if (request.withRemaining) {
    let countQuery = db.selectFrom('sync_rows').select(sql<number>`count(*)`.as('n')).where('version', '>', request.cursor)
    if (stable !== null) countQuery = countQuery.where('version', '<=', stable)
    if (request.scope) countQuery = countQuery.where('scope_id', '=', request.scope)
    else if (scopes) countQuery = countQuery.where('scope_id', 'in', scopes)
    response.remaining = Number((await countQuery.executeTakeFirstOrThrow()).n)
  }
  return response
}
