// What else follows a customer's facts: after the journey station is refreshed (in the same transaction as the
// change of a fact: a touchpoint, an offer decided, a case opened, a pulled page applied, the daily roll), every
// installed hook refreshes its own derived data for those companies — the health score, the early-warning
// triggers (issue 17). The hooks belong to modules above customers, so db/database.ts installs them.
import type { Transaction } from 'kysely'
import type { Database } from '../../database.types'
import { installedSlot } from '../../platform/installed'

/**
 * Where the change came from: `local` — a user's write on this device; `pulled` — a colleague's change applied
 * from the sync server (their device already acted on it); `roll` — the date moved on (the daily roll).
 */
export type CompanyRefreshOrigin = 'local' | 'pulled' | 'roll'

export type CompanyRefreshHook = (trx: Transaction<Database>, companyIds: readonly string[], now: string, origin: CompanyRefreshOrigin) => Promise<void>

const installed = installedSlot<readonly CompanyRefreshHook[]>('the company refresh hooks')

/** Called once by db/database.ts, in the order the hooks must run (a trigger reads the score refreshed before it). */
export function setCompanyRefreshHooks(hooks: readonly CompanyRefreshHook[]): void {
  installed.install(hooks)
}

/** Runs every hook for the companies, in the caller's transaction. */
export async function runCompanyRefreshHooks(trx: Transaction<Database>, companyIds: readonly string[], now: string, origin: CompanyRefreshOrigin): Promise<void> {
  if (companyIds.length === 0) return
  for (const hook of installed.get()) await hook(trx, companyIds, now, origin)
}
