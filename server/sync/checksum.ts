// Divergence detection: per scope the count of live rows and the sum of their versions. A laptop that
// has applied everything up to the same point holds exactly these rows at exactly these versions.
import { sql } from 'kysely'
import type { ScopeChecksum } from '../../shared/modules/sync'
import type { Actor } from '../auth/sessions'
import type { Store } from '../store/open-store'
import { visibleScopes } from './scope'

export async function scopeChecksums(store: Store, actor: Actor, onlyScope?: string): Promise<ScopeChecksum[]> {
  const scopes = onlyScope ? [onlyScope] : visibleScopes(actor)
  let query = store.db.selectFrom('sync_rows')
    .select(['scope_id', sql<number>`count(*)`.as('n'), sql<number>`sum(version)`.as('s')])
    .where('deleted', '=', 0).where('table_name', '<>', 'sync_conflicts')
  if (scopes) query = query.where('scope_id', 'in', scopes)
  const rows = await query.groupBy('scope_id').execute()
  return rows.map((r) => ({ scope: r.scope_id, count: Number(r.n), sum: Number(r.s) }))
}
