// The laptop's side of the rights matrix (issue 18): every write of a synced row passes here, so no service, import,
// conflict resolution or cascade can make a change the user's role may not make — the same rule the sync server
// applies to every pushed operation (shared/platform/rights.ts). A refusal throws before anything is written, so the
// caller's transaction rolls back whole.
//
// The role is the signed-in user's, from the synced user directory. A device that has never connected to a sync
// server has one user, who owns everything on it: the matrix applies from the first connection on.
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../database.types'
import { AppError } from '../../shared/platform/result'
import { actionsOfChange, deniedKey, refusedAction } from '../../shared/platform/rights'

type Row = Readonly<Record<string, unknown>>

/** The signed-in user's role, or null on a device that has not connected to a sync server. */
export async function signedInRole(db: Transaction<Database> | Kysely<Database>): Promise<string | null> {
  const { rows } = await sql<{ role: string | null }>`
    select (select u.role from users u where u.id = json_extract(s.value, '$.id')) as role from sync_state s where s.key = 'user'`.execute(db)
  const row = rows[0]
  if (!row) return null
  // A user the directory does not (yet) know has no rights: '' matches no role.
  return row.role ?? ''
}

/** Refuses the change when the signed-in user's role may not make it (AppError 'forbidden' with the reason's key). */
export async function guardChange(trx: Transaction<Database>, table: string, kind: 'insert' | 'update' | 'delete', before: Row | null, changed: readonly string[], after: Row): Promise<void> {
  // Most tables need no right: ask the matrix first, the database only when it matters.
  if (actionsOfChange(table, kind, before, changed, after).length === 0) return
  const role = await signedInRole(trx)
  if (role === null) return
  const refused = refusedAction(role, table, kind, before, changed, after)
  if (refused) throw new AppError('forbidden', deniedKey(refused))
}
