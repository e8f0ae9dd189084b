// The rule every administrative change keeps: at least one active admin remains, so somebody can still
// administer users in the app (the command line stays for the very first admin, and for a locked-out server).
import type { Transaction } from 'kysely'
import type { Store } from '../store/open-store'
import type { ServerDatabase } from '../store/schema'
import { AdminError } from './admin-error'

/** Of the active admins, whether any other than `userId` would remain. Pure, for the unit test. */
export const leavesAnAdmin = (activeAdmins: readonly string[], userId: string): boolean => activeAdmins.some((id) => id !== userId)

/**
 * Runs `change` — which takes `userId` out of the active admins (disabled or demoted) unless `keepsAdmin` —
 * in one transaction with the check that another active admin remains. PostgreSQL locks the admins' rows, so
 * two admins demoting each other at the same moment cannot both succeed; SQLite runs one writer at a time.
 */
export async function guardLastAdmin(store: Store, userId: string, change: (trx: Transaction<ServerDatabase>) => Promise<void>, keepsAdmin = false): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    if (!keepsAdmin) {
      let query = trx.selectFrom('users').select('id').where('role', '=', 'admin').where('disabled_at', 'is', null)
      if (store.kind === 'postgres') query = query.forUpdate()
      const admins = (await query.execute()).map((r) => r.id)
      if (admins.includes(userId) && !leavesAnAdmin(admins, userId)) throw new AdminError('the last active admin must stay an active admin', 'last_admin')
    }
    await change(trx)
  })
}
