// Divergence detection: per scope the count of live rows and the sum of their versions. A laptop that
// has applied everything up to the same point holds exactly these rows at exactly these versions.
import { sql } from 'kysely'
import type { ScopeChecksum } from '../../shared/modules/sync'
import type { Actor } from '../auth/sessions'
import type { Store } from '../store/open-store'
import { visibleScopes } from './scope'
import { stableVersion } from './sequence'

/** How long a checksum waits at most for pushes still running below rows already committed (PostgreSQL). */
export const CHECKSUM_SETTLE_MS = 5_000

export async function scopeChecksums(store: Store, actor: Actor, onlyScope?: string): Promise<ScopeChecksum[]> {
  if (store.kind === 'postgres') await settled(store)
  const scopes = onlyScope ? [onlyScope] : visibleScopes(actor)
  let query = store.db.selectFrom('sync_rows')
    .select(['scope_id', sql<number>`count(*)`.as('n'), sql<number>`sum(version)`.as('s')])
    .where('deleted', '=', 0).where('table_name', '<>', 'sync_conflicts')
  if (scopes) query = query.where('scope_id', 'in', scopes)
  const rows = await query.groupBy('scope_id').execute()
  return rows.map((r) => ({ scope: r.scope_id, count: Number(r.n), sum: Number(r.s) }))
}

/**
 * PostgreSQL: waits (up to CHECKSUM_SETTLE_MS) until every row committed so far can be pulled — until no push still
 * running holds a version below them. A checksum counts every committed row; a laptop whose checksum differs pulls
 * once more and compares again, and a difference then costs it a fresh download of the scope. While a long push
 * ran below rows a shorter one had committed, that one more pull could not receive them yet (docs/sync.md, "Global
 * sequence"), and the laptop would download its scope again for nothing.
 */
async function settled(store: Store): Promise<void> {
  const highest = Number((await store.db.selectFrom('sync_rows').select((e) => e.fn.max('version').as('v')).executeTakeFirstOrThrow()).v ?? 0)
  const deadline = Date.now() + CHECKSUM_SETTLE_MS
  while ((await stableVersion(store.db)) < highest && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
}
